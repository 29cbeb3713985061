import type { RouteObject } from 'react-router';
import { JointCasePage } from './pages/JointCasePage';
import { JointCasesPage } from './pages/JointCasesPage';
import { OpenJointCasePage } from './pages/OpenJointCasePage';

/** Joint cases: the list, one case, and opening one from her file. */
export const caseRoutes: RouteObject[] = [
  { path: 'cases', element: <JointCasesPage /> },
  { path: 'cases/:id', element: <JointCasePage /> },
  { path: 'victims/:id/joint-case/new', element: <OpenJointCasePage /> },
];
