import type { RouteObject } from 'react-router';
import { AgenciesPage } from './pages/AgenciesPage';
import { NetworksPage } from './pages/NetworksPage';
import { UsersPage } from './pages/UsersPage';

/** Administration: users, agencies, networks. */
export const adminRoutes: RouteObject[] = [
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/agencies', element: <AgenciesPage /> },
  { path: 'admin/networks', element: <NetworksPage /> },
];
