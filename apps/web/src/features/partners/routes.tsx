import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The victim side: the partners named for this service, and her file. */
export const partnerRoutes: RouteObject[] = [
  {
    path: 'partners',
    lazy: lazyPage(() => import('./pages/PartnersPage'), 'PartnersPage'),
  },
  {
    path: 'victims/:id',
    lazy: lazyPage(() => import('./pages/VictimFilePage'), 'VictimFilePage'),
  },
];
