import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The service directory: every staff member's. */
export const directoryRoutes: RouteObject[] = [
  {
    path: 'directory',
    lazy: lazyPage(() => import('./pages/DirectoryPage'), 'DirectoryPage'),
  },
];
