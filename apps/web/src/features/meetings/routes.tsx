import type { RouteObject } from 'react-router';
import { ActionPlanPage } from './pages/ActionPlanPage';
import { CaseMeetingsPage } from './pages/CaseMeetingsPage';
import { ChildrenPage } from './pages/ChildrenPage';
import { MeetingPage } from './pages/MeetingPage';
import { SafetyPlanPage } from './pages/SafetyPlanPage';

/** Phase 2 meetings, the action plan, her safety plans and the children (inside the signed-in layout). */
export const meetingRoutes: RouteObject[] = [
  { path: 'meetings/:id', element: <MeetingPage /> },
  { path: 'joint-cases/:id/meetings', element: <CaseMeetingsPage /> },
  { path: 'joint-cases/:id/actions', element: <ActionPlanPage /> },
  { path: 'joint-cases/:id/children', element: <ChildrenPage /> },
  { path: 'victims/:id/safety-plan', element: <SafetyPlanPage kind="safety" /> },
  { path: 'victims/:id/it-safety-plan', element: <SafetyPlanPage kind="it_safety" /> },
];
