import type {
  AccessLogEntry,
  AttendanceView,
  ConsentCreate,
  ConsentRevoke,
  CriticalEventCreate,
  CriticalEventView,
  DisclosureCreate,
  DutyClose,
  DutyDone,
  InformalContactCreate,
  InformalContactView,
  JointCaseCreate,
  JointCaseSummary,
  PartnerContactCreate,
  PartnerContactView,
  PartnerReferralView,
  Phase1MeetingCreate,
  Phase1MeetingView,
  PpEpisodeSummary,
  PpEpisodeUpdate,
  ReleaseCreate,
  Role,
  ShareCreate,
  SharedItemView,
  StatusChange,
  StatusChangeView,
  VssEpisodeCreate,
} from '@tandem/shared';
import type { z } from 'zod';

/**
 * Casework types @tandem/shared has as schemas but does not export as types: derived here from
 * the same schemas, never written by hand (one exception below, marked).
 */
export type PpEpisodeSummaryView = z.output<typeof PpEpisodeSummary>;
export type PpEpisodeUpdateBody = z.output<typeof PpEpisodeUpdate>;
export type StatusChangeBody = z.output<typeof StatusChange>;
export type StatusChangeEntry = z.output<typeof StatusChangeView>;
export type AttendanceEntry = z.output<typeof AttendanceView>;
export type PartnerReferral = z.output<typeof PartnerReferralView>;
export type ReleaseBody = z.output<typeof ReleaseCreate>;
export type VssEpisodeBody = z.output<typeof VssEpisodeCreate>;
export type ConsentBody = z.output<typeof ConsentCreate>;
export type ConsentRevokeBody = z.output<typeof ConsentRevoke>;
export type PartnerContactBody = z.output<typeof PartnerContactCreate>;
export type PartnerContactEntry = z.output<typeof PartnerContactView>;
export type DisclosureBody = z.output<typeof DisclosureCreate>;
export type ShareBody = z.output<typeof ShareCreate>;
export type JointCaseBody = z.output<typeof JointCaseCreate>;
export type JointCaseSummaryView = z.output<typeof JointCaseSummary>;
export type CriticalEventBody = z.output<typeof CriticalEventCreate>;
export type CriticalEventEntry = z.output<typeof CriticalEventView>;
export type InformalContactBody = z.output<typeof InformalContactCreate>;
export type InformalContactEntry = z.output<typeof InformalContactView>;
export type SharedItem = z.output<typeof SharedItemView>;
export type DutyDoneBody = z.output<typeof DutyDone>;
export type DutyCloseBody = z.output<typeof DutyClose>;
export type Phase1MeetingBody = z.output<typeof Phase1MeetingCreate>;
export type Phase1Meeting = z.output<typeof Phase1MeetingView>;
export type AccessLogItem = z.output<typeof AccessLogEntry>;

/**
 * `GET /api/staff` item. The server declares this schema inline in its route (cases.routes.ts)
 * and @tandem/shared does not export it, so it is the one shape written here by hand.
 */
export interface StaffMember {
  id: string;
  displayName: string;
  roles: Role[];
  agencyId: string;
}

/** `{ id }` answered by the endpoints that create a row and return only its id. */
export interface Created {
  id: string;
}
