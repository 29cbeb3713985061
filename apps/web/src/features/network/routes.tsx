import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The network coordinator's pages: agreements, Phase 1 meetings, the network's settings and statistics. */
export const networkRoutes: RouteObject[] = [
  {
    path: 'network/agreements',
    lazy: lazyPage(() => import('./pages/AgreementsPage'), 'AgreementsPage'),
  },
  {
    path: 'network/phase1',
    lazy: lazyPage(() => import('./pages/Phase1Page'), 'Phase1Page'),
  },
  {
    path: 'network/statistics',
    lazy: lazyPage(() => import('./pages/NetworkStatisticsPage'), 'NetworkStatisticsPage'),
  },
  {
    path: 'network/settings',
    lazy: lazyPage(() => import('./pages/NetworkSettingsPage'), 'NetworkSettingsPage'),
  },
];
