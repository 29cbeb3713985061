import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The network coordinator's pages: agreements and Phase 1 meetings. */
export const networkRoutes: RouteObject[] = [
  {
    path: 'network/agreements',
    lazy: lazyPage(() => import('./pages/AgreementsPage'), 'AgreementsPage'),
  },
  {
    path: 'network/phase1',
    lazy: lazyPage(() => import('./pages/Phase1Page'), 'Phase1Page'),
  },
];
