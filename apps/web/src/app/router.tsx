import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/NotFound';
import { adminRoutes } from '../features/admin/routes';
import { auditRoutes } from '../features/audit/routes';
import { FullPageLoader, RequireActiveSession } from '../features/auth/guards';
import { accountRoutes, authRoutes } from '../features/auth/routes';
import { caseRoutes } from '../features/cases/routes';
import { directoryRoutes } from '../features/directory/routes';
import { homeRoutes } from '../features/home/routes';
import { instrumentRoutes } from '../features/instruments/routes';
import { meetingRoutes } from '../features/meetings/routes';
import { networkRoutes } from '../features/network/routes';
import { partnerRoutes } from '../features/partners/routes';
import { programmeRoutes } from '../features/programme/routes';
import { searchRoutes } from '../features/search/routes';
import { seriousHarmRoutes } from '../features/serious-harm/routes';
import { lazyPage } from './lazyPage';

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
  ...directoryRoutes,
  ...seriousHarmRoutes,
  ...adminRoutes,
  ...auditRoutes,
  ...accountRoutes,
];

export const appRoutes: RouteObject[] = [
  {
    // Shown while the first page's code loads (a link straight into a case, say).
    HydrateFallback: FullPageLoader,
    children: [
      ...authRoutes,
      {
        element: <RequireActiveSession />,
        children: [
          {
            lazy: lazyPage(() => import('./layout/AppLayout'), 'AppLayout'),
            children: [...signedInRoutes, { path: '*', element: <NotFoundPage /> }],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(appRoutes);
