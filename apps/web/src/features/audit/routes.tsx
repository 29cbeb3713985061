import type { RouteObject } from 'react-router';
import { AccessLogLookupPage, AccessLogPage } from './pages/AccessLogPage';
import { AuditPage } from './pages/AuditPage';

/** The audit trail and who saw a person's data. */
export const auditRoutes: RouteObject[] = [
  { path: 'admin/audit', element: <AuditPage /> },
  { path: 'admin/access-log', element: <AccessLogLookupPage /> },
  { path: 'people/:id/access-log', element: <AccessLogPage /> },
];
