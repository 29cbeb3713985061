import type { RouteObject } from 'react-router';
import { AgenciesPage } from './pages/AgenciesPage';
import { NetworksPage } from './pages/NetworksPage';
import { RoleApprovalsPage } from './pages/RoleApprovalsPage';
import { UsersPage } from './pages/UsersPage';

/** Administration: users, agencies, networks; the victim side's queue of roles to approve. */
export const adminRoutes: RouteObject[] = [
  { path: 'admin/users', element: <UsersPage /> },
  { path: 'admin/agencies', element: <AgenciesPage /> },
  { path: 'admin/networks', element: <NetworksPage /> },
  // The address the approvers' e-mail points to.
  { path: 'role-approvals', element: <RoleApprovalsPage /> },
];
