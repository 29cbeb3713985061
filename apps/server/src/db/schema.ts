import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the tables the migrations create. Keep in step with db/migrations. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

export interface NetworkTable {
  id: Generated<string>;
  name: string;
  region: string | null;
  meeting_interval_days: Generated<number>;
  reassessment_days: ColumnType<unknown, string | undefined, string>;
  impact_follow_up_months: Generated<number>;
  high_risk_meeting_interval_days: Generated<number>;
  created_at: Generated<Date>;
}

export interface AgencyTable {
  id: Generated<string>;
  name: string;
  kind: string;
  region: string | null;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface NetworkMembershipTable {
  network_id: string;
  agency_id: string;
  joined_at: Generated<Date>;
}

export interface AppUserTable {
  id: Generated<string>;
  agency_id: string | null;
  email: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  side: string;
  language: Generated<string>;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_last_used_step: ColumnType<string | null, number | null, number | null>;
  mfa_enrolled_at: Timestamp | null;
  failed_sign_ins: Generated<number>;
  locked_until: Timestamp | null;
  last_sign_in_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  stage: string;
  mfa_skipped: Generated<boolean>;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface RateLimitCounterTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface AuditEventTable {
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_side: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
  subject_person_id: string | null;
  basis: Json | null;
  details: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Date>;
}

type DateColumn = ColumnType<string, string, string>;
type Uuid = string;

export interface AgreementTable {
  id: Generated<Uuid>;
  level: string;
  network_id: Uuid | null;
  joint_case_id: Uuid | null;
  title: string;
  legislative_framework: string | null;
  principles: string | null;
  scope: string | null;
  objectives: string | null;
  commitments: string | null;
  valid_from: DateColumn;
  valid_to: ColumnType<string | null, string | null, string | null>;
  created_by: Uuid;
  created_at: Generated<Date>;
}
export interface AgreementPartyTable {
  agreement_id: Uuid;
  agency_id: Uuid;
  signatory_name: string;
  signed_on: DateColumn;
  receives: ColumnType<string[], string[] | undefined, string[]>;
}
export interface Phase1MeetingTable {
  id: Generated<Uuid>;
  network_id: Uuid;
  held_on: DateColumn;
  agency_ids: Uuid[];
  participants: string[];
  topics: string;
  outcomes: string;
  created_by: Uuid;
  created_at: Generated<Date>;
}
export interface PersonTable {
  id: Generated<Uuid>;
  kind: string;
  owner_agency_id: Uuid;
  owner_side: string;
  first_name: string;
  last_name: string;
  date_of_birth: ColumnType<string | null, string | null, string | null>;
  search_name: string;
  contact_enc: string | null;
  mother_id: Uuid | null;
  father_id: Uuid | null;
  created_by: Uuid;
  created_at: Generated<Date>;
}
export interface AccessGrantTable {
  subject_person_id: Uuid;
  agency_id: Uuid;
  side: string;
  kind: string;
  source_episode_id: Uuid;
  basis: Json;
  granted_at: Generated<Date>;
}
export interface PpEpisodeTable {
  id: Generated<Uuid>;
  person_id: Uuid;
  agency_id: Uuid;
  pathway: string;
  referring_agency_id: Uuid | null;
  court_order: ColumnType<unknown, string | null, string | null>;
  referral_date: DateColumn;
  intake_date: ColumnType<string | null, string | null, string | null>;
  assessment: string | null;
  programme_type: string | null;
  planned_sessions: number | null;
  planned_end_date: ColumnType<string | null, string | null, string | null>;
  schedule: string | null;
  status: string;
  case_manager_id: Uuid | null;
  created_at: Generated<Date>;
}
export interface PpStatusChangeTable {
  id: Generated<Uuid>;
  episode_id: Uuid;
  from_status: string | null;
  to_status: string;
  changed_on: DateColumn;
  reason: string | null;
  changed_by: Uuid;
  created_at: Generated<Date>;
}
export interface AttendanceTable {
  id: Generated<Uuid>;
  episode_id: Uuid;
  session_date: DateColumn;
  status: string;
  note: string | null;
  recorded_by: Uuid;
}
export interface ReleaseOfInformationTable {
  episode_id: Uuid;
  signed_on: DateColumn;
  scope: string[];
  recorded_by: Uuid;
}
export interface PartnerReferralTable {
  id: Generated<Uuid>;
  episode_id: Uuid;
  partner_person_id: Uuid;
  label: string;
  relationship: string;
  partner_contact_agency_id: Uuid;
  created_at: Generated<Date>;
}
export interface VssEpisodeTable {
  id: Generated<Uuid>;
  person_id: Uuid;
  agency_id: Uuid;
  intake_date: DateColumn;
  support_given: string | null;
  status: Generated<string>;
  case_manager_id: Uuid | null;
  created_at: Generated<Date>;
}
export interface ConsentTable {
  id: Generated<Uuid>;
  person_id: Uuid;
  owner_agency_id: Uuid;
  scope: string;
  recipient_agency_id: Uuid | null;
  given_on: DateColumn;
  revoked_on: ColumnType<string | null, string | null, string | null>;
  note: string | null;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface ContactPreferenceTable {
  person_id: Uuid;
  owner_agency_id: Uuid;
  safe_channel: string;
  details_enc: string;
  may_leave_message: boolean;
  updated_by: Uuid;
  updated_at: Generated<Date>;
}
export interface PartnerContactTable {
  id: Generated<Uuid>;
  partner_person_id: Uuid;
  episode_id: Uuid;
  owner_agency_id: Uuid;
  contacted_on: DateColumn;
  channel: string;
  outcome: string;
  topics_covered: string[];
  hopes_and_fears: string | null;
  her_view_of_risk: string | null;
  notes: string | null;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface JointCaseTable {
  id: Generated<Uuid>;
  case_number: string;
  pp_episode_id: Uuid;
  vss_episode_id: Uuid;
  partner_person_id: Uuid;
  pp_agency_id: Uuid;
  vss_agency_id: Uuid;
  consent_id: Uuid;
  agreement_id: Uuid;
  pp_case_manager_id: Uuid;
  vss_case_manager_id: Uuid;
  partner_contact_worker_id: Uuid | null;
  status: Generated<string>;
  reassessment_due_since: Timestamp | null;
  next_reassessment_on: ColumnType<string | null, string | null, string | null>;
  created_at: Generated<Date>;
}
export interface JointCaseChildTable {
  joint_case_id: Uuid;
  child_person_id: Uuid;
}
export interface DisclosureTable {
  id: Generated<Uuid>;
  person_id: Uuid;
  owner_agency_id: Uuid;
  disclosed_on: DateColumn;
  content_enc: string;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface SharedItemTable {
  id: Generated<Uuid>;
  joint_case_id: Uuid;
  disclosure_id: Uuid;
  recipient_agency_id: Uuid;
  recipient_side: string;
  content_enc: string;
  source_protected: boolean;
  basis: Json;
  shared_by: Uuid;
  shared_at: Generated<Date>;
}
export interface CaseEventTable {
  id: Generated<Uuid>;
  episode_id: Uuid;
  partner_person_id: Uuid | null;
  owner_agency_id: Uuid;
  owner_side: string;
  event_type: string;
  kind: string | null;
  occurred_on: DateColumn;
  source: string | null;
  source_agency_id: Uuid | null;
  with_whom: string | null;
  description: string;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface DutyToInformTable {
  id: Generated<Uuid>;
  episode_id: Uuid;
  partner_person_id: Uuid;
  owner_agency_id: Uuid;
  assigned_user_id: Uuid | null;
  trigger: string;
  reason: string | null;
  raised_at: Generated<Date>;
  due_at: Timestamp;
  state: Generated<string>;
  done_on: ColumnType<string | null, string | null, string | null>;
  done_how: string | null;
  closed_reason: string | null;
  resolved_by: Uuid | null;
  resolved_at: Timestamp | null;
}

export interface InstrumentVersionTable {
  instrument_id: string;
  version: number;
  definition: ColumnType<unknown, string, string>;
  content_hash: string;
  loaded_at: Generated<Date>;
}
export interface InstrumentResponseTable {
  id: Generated<Uuid>;
  instrument_id: string;
  version: number;
  joint_case_id: Uuid | null;
  pp_episode_id: Uuid | null;
  subject_person_id: Uuid;
  owner_agency_id: Uuid;
  owner_side: string;
  info_kind: string;
  timepoint: string | null;
  answers_enc: string;
  computed_level: string | null;
  computed_score: ColumnType<string | null, number | null, number | null>;
  area_scores: ColumnType<unknown, string, string>;
  tier_counts: ColumnType<unknown, string, string>;
  judged_level: string | null;
  judgement_reason_enc: string | null;
  completed_on: DateColumn;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface AgreedRiskLevelTable {
  id: Generated<Uuid>;
  joint_case_id: Uuid;
  level: string;
  rationale: string;
  pp_response_id: Uuid | null;
  vss_response_id: Uuid | null;
  agreed_on: DateColumn;
  next_reassessment_on: DateColumn;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}
export interface RecidivismEpisodeTable {
  id: Generated<Uuid>;
  joint_case_id: Uuid;
  occurred_on: DateColumn;
  forms: string[];
  severity: string;
  source: string;
  source_agency_id: Uuid | null;
  police_involved: boolean;
  description_enc: string | null;
  owner_agency_id: Uuid;
  owner_side: string;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}

export interface CaseMeetingTable {
  id: Generated<Uuid>;
  joint_case_id: Uuid;
  kind: string;
  mode: Generated<string>;
  scheduled_for: Timestamp;
  duration_minutes: Generated<number>;
  place: string | null;
  trigger_event_id: Uuid | null;
  facilitator_id: Uuid | null;
  status: Generated<string>;
  attendance: ColumnType<string[], string[] | undefined, string[]>;
  minutes_enc: string | null;
  decisions_enc: string | null;
  closed_at: Timestamp | null;
  closed_by: Uuid | null;
  created_by: Uuid | null;
  created_at: Generated<Date>;
}
export interface MeetingAgendaItemTable {
  meeting_id: Uuid;
  item: string;
  position: number;
  status: Generated<string>;
  notes_enc: string | null;
  deferred_reason: string | null;
  updated_by: Uuid | null;
  updated_at: Timestamp | null;
}
export interface QualitativeNoteTable {
  id: Generated<Uuid>;
  meeting_id: Uuid;
  author_id: Uuid;
  author_side: string;
  concern_level: string;
  text_enc: string;
  created_at: Generated<Date>;
}
export interface ActionItemTable {
  id: Generated<Uuid>;
  joint_case_id: Uuid;
  need: string;
  action: string;
  term: DateColumn;
  responsible_agency_id: Uuid;
  responsible_user_id: Uuid | null;
  child_person_id: Uuid | null;
  victim_side_only: Generated<boolean>;
  status: Generated<string>;
  created_in_meeting_id: Uuid | null;
  last_reviewed_meeting_id: Uuid | null;
  last_reviewed_at: Timestamp | null;
  owner_side: string;
  created_by: Uuid;
  created_at: Generated<Date>;
}
export interface SafetyPlanTable {
  person_id: Uuid;
  kind: string;
  owner_agency_id: Uuid;
  content_enc: string;
  updated_by: Uuid;
  updated_at: Generated<Date>;
}
export interface ChildAssessmentRecordTable {
  id: Generated<Uuid>;
  child_person_id: Uuid;
  joint_case_id: Uuid;
  assessed_on: DateColumn;
  parent_consent_from: string;
  child_informed: boolean;
  child_told_may_withdraw: boolean;
  child_told_how_recorded: boolean;
  support_person: string | null;
  professional_gender_chosen: string | null;
  needs_considered: string | null;
  owner_agency_id: Uuid;
  owner_side: string;
  recorded_by: Uuid;
  created_at: Generated<Date>;
}

export interface Database {
  case_meeting: CaseMeetingTable;
  meeting_agenda_item: MeetingAgendaItemTable;
  qualitative_note: QualitativeNoteTable;
  action_item: ActionItemTable;
  safety_plan: SafetyPlanTable;
  child_assessment_record: ChildAssessmentRecordTable;
  instrument_version: InstrumentVersionTable;
  instrument_response: InstrumentResponseTable;
  agreed_risk_level: AgreedRiskLevelTable;
  recidivism_episode: RecidivismEpisodeTable;
  agreement: AgreementTable;
  agreement_party: AgreementPartyTable;
  phase1_meeting: Phase1MeetingTable;
  person: PersonTable;
  access_grant: AccessGrantTable;
  pp_episode: PpEpisodeTable;
  pp_status_change: PpStatusChangeTable;
  attendance: AttendanceTable;
  release_of_information: ReleaseOfInformationTable;
  partner_referral: PartnerReferralTable;
  vss_episode: VssEpisodeTable;
  consent: ConsentTable;
  contact_preference: ContactPreferenceTable;
  partner_contact: PartnerContactTable;
  joint_case: JointCaseTable;
  joint_case_child: JointCaseChildTable;
  disclosure: DisclosureTable;
  shared_item: SharedItemTable;
  case_event: CaseEventTable;
  duty_to_inform: DutyToInformTable;
  network: NetworkTable;
  agency: AgencyTable;
  network_membership: NetworkMembershipTable;
  app_user: AppUserTable;
  recovery_code: RecoveryCodeTable;
  user_session: UserSessionTable;
  rate_limit_counter: RateLimitCounterTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NetworkRow = Selectable<NetworkTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type UserSessionRow = Selectable<UserSessionTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
