import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The audit trail and who saw a person's data. */
export const auditRoutes: RouteObject[] = [
  {
    path: 'admin/audit',
    lazy: lazyPage(() => import('./pages/AuditPage'), 'AuditPage'),
  },
  {
    path: 'admin/access-log',
    lazy: lazyPage(() => import('./pages/AccessLogPage'), 'AccessLogLookupPage'),
  },
  {
    path: 'people/:id/access-log',
    lazy: lazyPage(() => import('./pages/AccessLogPage'), 'AccessLogPage'),
  },
];
