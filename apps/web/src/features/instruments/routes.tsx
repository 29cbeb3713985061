import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';

/** The instrument pages of a joint case (inside the signed-in layout). */
export const instrumentRoutes: RouteObject[] = [
  {
    path: 'joint-cases/:id/risk',
    lazy: lazyPage(() => import('./pages/JointRiskPage'), 'JointRiskPage'),
  },
  {
    path: 'joint-cases/:id/risk/checklist',
    lazy: lazyPage(() => import('./pages/ChecklistPage'), 'ChecklistPage'),
  },
  {
    path: 'joint-cases/:id/recidivism',
    lazy: lazyPage(() => import('./pages/RecidivismPage'), 'RecidivismPage'),
  },
  {
    path: 'joint-cases/:id/impact',
    lazy: lazyPage(() => import('./pages/ImpactPage'), 'ImpactPage'),
  },
  {
    path: 'joint-cases/:id/his-risk-factors',
    lazy: lazyPage(() => import('./pages/HisRiskFactorsPage'), 'HisRiskFactorsPage'),
  },
  {
    path: 'joint-cases/:id/digital-violence',
    lazy: lazyPage(() => import('./pages/DigitalViolencePage'), 'DigitalViolencePage'),
  },
  {
    path: 'joint-cases/:id/impact/:timepoint',
    lazy: lazyPage(() => import('./pages/QuestionnairePage'), 'QuestionnairePage'),
  },
];
