import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** Administration: users, agencies, networks; the victim side's queue of roles to approve. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin/users',
    lazy: lazyPage(() => import('./pages/UsersPage'), 'UsersPage'),
  },
  {
    path: 'admin/agencies',
    lazy: lazyPage(() => import('./pages/AgenciesPage'), 'AgenciesPage'),
  },
  {
    path: 'admin/networks',
    lazy: lazyPage(() => import('./pages/NetworksPage'), 'NetworksPage'),
  },
  // The address the approvers' e-mail points to.
  {
    path: 'role-approvals',
    lazy: lazyPage(() => import('./pages/RoleApprovalsPage'), 'RoleApprovalsPage'),
  },
];
