import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/**
 * Sharing without her consent where someone is at risk of serious harm: what was shared with
 * this agency and the agency admin's review. Her file shows the rest; the network's counts are
 * on the network statistics page (features/network).
 */
export const seriousHarmRoutes: RouteObject[] = [
  {
    path: 'serious-harm/received',
    lazy: lazyPage(() => import('./pages/ReceivedSharesPage'), 'ReceivedSharesPage'),
  },
  {
    path: 'admin/serious-harm',
    lazy: lazyPage(() => import('./pages/SeriousHarmReviewPage'), 'SeriousHarmReviewPage'),
  },
];
