import type { RouteObject } from 'react-router';
import { EpisodePage } from './pages/EpisodePage';
import { ProgrammeListPage } from './pages/ProgrammeListPage';
import { ReferralPage } from './pages/ReferralPage';

/** His programme: the list of episodes, a new referral, one episode. */
export const programmeRoutes: RouteObject[] = [
  { path: 'programme', element: <ProgrammeListPage /> },
  { path: 'programme/new', element: <ReferralPage /> },
  { path: 'programme/:id', element: <EpisodePage /> },
];
