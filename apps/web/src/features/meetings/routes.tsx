import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** Phase 2 meetings, the action plan, her safety plans and the children (inside the signed-in layout). */
export const meetingRoutes: RouteObject[] = [
  {
    path: 'meetings/:id',
    lazy: lazyPage(() => import('./pages/MeetingPage'), 'MeetingPage'),
  },
  {
    path: 'joint-cases/:id/meetings',
    lazy: lazyPage(() => import('./pages/CaseMeetingsPage'), 'CaseMeetingsPage'),
  },
  {
    path: 'joint-cases/:id/actions',
    lazy: lazyPage(() => import('./pages/ActionPlanPage'), 'ActionPlanPage'),
  },
  {
    path: 'joint-cases/:id/children',
    lazy: lazyPage(() => import('./pages/ChildrenPage'), 'ChildrenPage'),
  },
  {
    path: 'children/risk-levels',
    lazy: lazyPage(() => import('./pages/ChildrenRiskPage'), 'ChildrenRiskPage'),
  },
  {
    path: 'victims/:id/safety-plan',
    lazy: lazyPage(() => import('./pages/SafetyPlanPage'), 'HerSafetyPlanPage'),
  },
  {
    path: 'victims/:id/it-safety-plan',
    lazy: lazyPage(() => import('./pages/SafetyPlanPage'), 'ItSafetyPlanPage'),
  },
];
