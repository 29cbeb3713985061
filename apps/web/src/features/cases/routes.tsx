import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** Joint cases: the list, one case, and opening one from her file. */
export const caseRoutes: RouteObject[] = [
  {
    path: 'cases',
    lazy: lazyPage(() => import('./pages/JointCasesPage'), 'JointCasesPage'),
  },
  {
    path: 'cases/:id',
    lazy: lazyPage(() => import('./pages/JointCasePage'), 'JointCasePage'),
  },
  {
    path: 'victims/:id/joint-case/new',
    lazy: lazyPage(() => import('./pages/OpenJointCasePage'), 'OpenJointCasePage'),
  },
];
