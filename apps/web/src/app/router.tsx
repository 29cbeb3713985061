import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/NotFound';
import { adminRoutes } from '../features/admin/routes';
import { auditRoutes } from '../features/audit/routes';
import { RequireActiveSession } from '../features/auth/guards';
import { accountRoutes, authRoutes } from '../features/auth/routes';
import { caseRoutes } from '../features/cases/routes';
import { homeRoutes } from '../features/home/routes';
import { instrumentRoutes } from '../features/instruments/routes';
import { meetingRoutes } from '../features/meetings/routes';
import { networkRoutes } from '../features/network/routes';
import { partnerRoutes } from '../features/partners/routes';
import { programmeRoutes } from '../features/programme/routes';
import { searchRoutes } from '../features/search/routes';
import { AppLayout } from './layout/AppLayout';

/** The one route registry: every feature's pages, inside the signed-in layout. */
export const signedInRoutes: RouteObject[] = [
  ...homeRoutes,
  ...programmeRoutes,
  ...partnerRoutes,
  ...caseRoutes,
  ...instrumentRoutes,
  ...meetingRoutes,
  ...networkRoutes,
  ...searchRoutes,
  ...adminRoutes,
  ...auditRoutes,
  ...accountRoutes,
];

export const appRoutes: RouteObject[] = [
  ...authRoutes,
  {
    element: <RequireActiveSession />,
    children: [
      { element: <AppLayout />, children: [...signedInRoutes, { path: '*', element: <NotFoundPage /> }] },
    ],
  },
];

export const router = createBrowserRouter(appRoutes);
