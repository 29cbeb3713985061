import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** His programme: the list of episodes, a new referral, one episode. */
export const programmeRoutes: RouteObject[] = [
  {
    path: 'programme',
    lazy: lazyPage(() => import('./pages/ProgrammeListPage'), 'ProgrammeListPage'),
  },
  {
    path: 'programme/new',
    lazy: lazyPage(() => import('./pages/ReferralPage'), 'ReferralPage'),
  },
  {
    path: 'programme/:id',
    lazy: lazyPage(() => import('./pages/EpisodePage'), 'EpisodePage'),
  },
];
