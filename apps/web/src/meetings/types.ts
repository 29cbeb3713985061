import type {
  ActionCreate,
  ActionUpdate,
  AgendaItemUpdate,
  ChildAssessmentCreate,
  ChildrenView,
  MeetingClose,
  MeetingCreate,
  QualitativeNoteCreate,
  Role,
  SAFETY_PLAN_KINDS,
  SafetyPlanView,
} from '@tandem/shared';
import type { z } from 'zod';

/** Types @tandem/shared has as schemas only: derived from the same schemas, never written by hand. */
export type MeetingCreateBody = z.input<typeof MeetingCreate>;
export type AgendaItemBody = z.input<typeof AgendaItemUpdate>;
export type QualitativeNoteBody = z.input<typeof QualitativeNoteCreate>;
export type MeetingCloseBody = z.input<typeof MeetingClose>;
export type ActionCreateBody = z.input<typeof ActionCreate>;
export type ActionUpdateBody = z.input<typeof ActionUpdate>;
export type ChildrenViewData = z.output<typeof ChildrenView>;
export type ChildAssessmentBody = z.input<typeof ChildAssessmentCreate>;
export type SafetyPlanKind = (typeof SAFETY_PLAN_KINDS)[number];
export type SafetyPlanViewData = z.output<typeof SafetyPlanView>;

/** One of the people who run a joint case's meetings, as the attendance list shows them. */
export interface CaseTeamMember {
  id: string;
  name: string;
  role: Extract<Role, 'pp_case_manager' | 'vss_case_manager' | 'partner_contact_worker'>;
}
