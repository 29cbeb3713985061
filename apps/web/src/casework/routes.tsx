import type { RouteObject } from 'react-router';
import { AccessLogLookupPage, AccessLogPage } from '../pages/casework/AccessLogPage';
import { EpisodePage } from '../pages/casework/EpisodePage';
import { JointCasePage } from '../pages/casework/JointCasePage';
import { JointCasesPage } from '../pages/casework/JointCasesPage';
import { AgreementsPage } from '../pages/casework/network/AgreementsPage';
import { Phase1Page } from '../pages/casework/network/Phase1Page';
import { OpenJointCasePage } from '../pages/casework/OpenJointCasePage';
import { PartnersPage } from '../pages/casework/PartnersPage';
import { ProgrammeListPage } from '../pages/casework/ProgrammeListPage';
import { ReferralPage } from '../pages/casework/ReferralPage';
import { SearchPage } from '../pages/casework/SearchPage';
import { VictimFilePage } from '../pages/casework/VictimFilePage';
import './i18n';

/** The casework pages, inside the signed-in layout. */
export const caseworkRoutes: RouteObject[] = [
  { path: 'programme', element: <ProgrammeListPage /> },
  { path: 'programme/new', element: <ReferralPage /> },
  { path: 'programme/:id', element: <EpisodePage /> },
  { path: 'partners', element: <PartnersPage /> },
  { path: 'victims/:id', element: <VictimFilePage /> },
  { path: 'victims/:id/joint-case/new', element: <OpenJointCasePage /> },
  { path: 'cases', element: <JointCasesPage /> },
  { path: 'cases/:id', element: <JointCasePage /> },
  { path: 'search', element: <SearchPage /> },
  { path: 'network/agreements', element: <AgreementsPage /> },
  { path: 'network/phase1', element: <Phase1Page /> },
  { path: 'admin/access-log', element: <AccessLogLookupPage /> },
  { path: 'people/:id/access-log', element: <AccessLogPage /> },
];
