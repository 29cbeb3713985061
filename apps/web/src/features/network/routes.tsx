import type { RouteObject } from 'react-router';
import { AgreementsPage } from './pages/AgreementsPage';
import { Phase1Page } from './pages/Phase1Page';

/** The network coordinator's pages: agreements and Phase 1 meetings. */
export const networkRoutes: RouteObject[] = [
  { path: 'network/agreements', element: <AgreementsPage /> },
  { path: 'network/phase1', element: <Phase1Page /> },
];
