import type { RouteObject } from 'react-router';
import { PartnersPage } from './pages/PartnersPage';
import { VictimFilePage } from './pages/VictimFilePage';

/** The victim side: the partners named for this service, and her file. */
export const partnerRoutes: RouteObject[] = [
  { path: 'partners', element: <PartnersPage /> },
  { path: 'victims/:id', element: <VictimFilePage /> },
];
