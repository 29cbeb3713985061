import type { RouteObject } from 'react-router';
import { ChecklistPage } from './pages/ChecklistPage';
import { ImpactPage } from './pages/ImpactPage';
import { JointRiskPage } from './pages/JointRiskPage';
import { QuestionnairePage } from './pages/QuestionnairePage';
import { RecidivismPage } from './pages/RecidivismPage';

/** The instrument pages of a joint case (inside the signed-in layout). */
export const instrumentRoutes: RouteObject[] = [
  { path: 'joint-cases/:id/risk', element: <JointRiskPage /> },
  { path: 'joint-cases/:id/risk/checklist', element: <ChecklistPage /> },
  { path: 'joint-cases/:id/recidivism', element: <RecidivismPage /> },
  { path: 'joint-cases/:id/impact', element: <ImpactPage /> },
  { path: 'joint-cases/:id/impact/:timepoint', element: <QuestionnairePage /> },
];
