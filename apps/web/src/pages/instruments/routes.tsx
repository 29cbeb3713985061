import type { RouteObject } from 'react-router';
import { ChecklistPage } from './ChecklistPage';
import { ImpactPage } from './ImpactPage';
import { JointRiskPage } from './JointRiskPage';
import { QuestionnairePage } from './QuestionnairePage';
import { RecidivismPage } from './RecidivismPage';

/** The instrument pages of a joint case (inside the signed-in layout). */
export const instrumentRoutes: RouteObject[] = [
  { path: 'joint-cases/:id/risk', element: <JointRiskPage /> },
  { path: 'joint-cases/:id/risk/checklist', element: <ChecklistPage /> },
  { path: 'joint-cases/:id/recidivism', element: <RecidivismPage /> },
  { path: 'joint-cases/:id/impact', element: <ImpactPage /> },
  { path: 'joint-cases/:id/impact/:timepoint', element: <QuestionnairePage /> },
];
