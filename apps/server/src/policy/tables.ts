import type { TableName } from '../db/schema.js';
import { agencyPolicy, systemOnly } from './agency.policy.js';
import { agreementPolicy } from './agreement.policy.js';
import { auditPolicy } from './audit.policy.js';
import { accessGrantPolicy } from './case-access.policy.js';
import { caseEventPolicy } from './case-event.policy.js';
import { dutyPolicy } from './duty.policy.js';
import { instrumentPolicy } from './instrument.policy.js';
import { jointCasePolicy } from './joint-case.policy.js';
import { actionPolicy, childAssessmentPolicy, meetingPolicy } from './meeting.policy.js';
import { personPolicy } from './person.policy.js';
import { ppEpisodePolicy } from './pp-episode.policy.js';
import { seriousHarmPolicy } from './serious-harm.policy.js';
import type { TablePolicy } from './table-policy.js';
import { userPolicy } from './user.policy.js';
import { victimFilePolicy } from './victim-file.policy.js';

/**
 * Every table of the schema and the policy that governs it. The type makes a table without a
 * policy a compile error; tables.test.ts checks the migrated database has no table missing here.
 * The scoped data handle refuses any table not in this list.
 */
export const TABLE_POLICIES: { readonly [T in TableName]: TablePolicy } = {
  // Organisation: the directory, agreements, Phase 1, instrument definitions.
  network: agencyPolicy.networks,
  agency: agencyPolicy.agencies,
  network_membership: agencyPolicy.memberships,
  directory_entry: agencyPolicy.directoryEntries,
  agreement: agreementPolicy.agreements,
  agreement_party: agreementPolicy.parties,
  phase1_meeting: agreementPolicy.phase1Meetings,
  instrument_version: instrumentPolicy.versions,

  // Staff accounts and the system's own tables.
  app_user: userPolicy.accounts,
  calendar_feed_token: userPolicy.calendarFeeds,
  recovery_code: systemOnly,
  user_session: systemOnly,
  rate_limit_counter: systemOnly,
  sign_in_throttle: systemOnly,
  audit_event: auditPolicy.events,
  access_grant: accessGrantPolicy.grants,

  // Person-level data about clients.
  person: personPolicy.table,
  pp_episode: ppEpisodePolicy.table,
  pp_status_change: ppEpisodePolicy.statusChanges,
  attendance: ppEpisodePolicy.attendance,
  release_of_information: ppEpisodePolicy.release,
  partner_referral: ppEpisodePolicy.partnerReferrals,
  vss_episode: victimFilePolicy.supportEpisodes,
  consent: victimFilePolicy.consents,
  contact_preference: victimFilePolicy.contactPreferences,
  partner_contact: victimFilePolicy.partnerContacts,
  contact_safety_concern: victimFilePolicy.contactSafetyConcerns,
  disclosure: victimFilePolicy.disclosures,
  shared_item: victimFilePolicy.sharedItems,
  serious_harm_share: seriousHarmPolicy.shares,
  serious_harm_review: seriousHarmPolicy.reviews,
  safety_plan: victimFilePolicy.safetyPlans,
  joint_case: jointCasePolicy.table,
  joint_case_child: jointCasePolicy.children,
  case_event: caseEventPolicy.table,
  duty_to_inform: dutyPolicy.table,
  instrument_response: instrumentPolicy.responses,
  agreed_risk_level: instrumentPolicy.agreedLevels,
  agreed_level_proposal: instrumentPolicy.agreedLevelProposals,
  risk_consultation: instrumentPolicy.consultations,
  recidivism_episode: instrumentPolicy.recidivism,
  case_meeting: meetingPolicy.meetings,
  meeting_agenda_item: meetingPolicy.agendaItems,
  qualitative_note: meetingPolicy.qualitativeNotes,
  action_item: actionPolicy.actions,
  child_assessment_record: childAssessmentPolicy.records,
};

export const policyOf = (table: string): TablePolicy | undefined =>
  Object.hasOwn(TABLE_POLICIES, table) ? TABLE_POLICIES[table as TableName] : undefined;
