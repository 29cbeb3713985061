/**
 * Enumerations of the casework core (docs/domain.md, "The protocol" and "Information-flow rules").
 */

/**
 * Kinds of information. Access grants, agreements and the policy module speak in these.
 * The first group is his (perpetrator-side) information, the second hers (victim-side),
 * the rest belongs to the case as a whole.
 */
export const INFORMATION_KINDS = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
  'victim_core',
  'victim_contact',
  'victim_disclosures',
  'children',
  'shared_items',
  'case_coordination',
  /** What she said about the risk, unattributed: only with her consent to share risk information. */
  'shared_risk',
] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

/** Her information: never granted to anyone on the perpetrator side (also a database CHECK). */
export const VICTIM_KINDS = [
  'victim_core',
  'victim_contact',
  'victim_disclosures',
] as const satisfies readonly InformationKind[];

/** What an agreement can let an agency receive. */
export const AGREEMENT_RECEIVABLE_KINDS = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
  'victim_contact',
  'victim_disclosures',
  'children',
] as const satisfies readonly InformationKind[];

export const AGREEMENT_LEVELS = ['organisation', 'case'] as const;
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number];

export const PERSON_KINDS = ['perpetrator', 'partner', 'child'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Her location and contact details: encrypted at rest, shown only where the policy allows. */
export const CONTACT_FIELDS = [
  'address',
  'phone',
  'email',
  'shelter',
  'workplace',
  'childrensSchool',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const REFERRAL_PATHWAYS = ['mandatory', 'recommended', 'voluntary'] as const;
export type ReferralPathway = (typeof REFERRAL_PATHWAYS)[number];

export const PROGRAMME_TYPES = ['group', 'individual'] as const;

export const PP_STATUSES = [
  'referred',
  'intake',
  'active',
  'suspended',
  'completed',
  'dropped_out',
  'excluded',
] as const;
export type PpStatus = (typeof PP_STATUSES)[number];

/** The programme's status machine: every allowed move. Anything else is refused. */
export const PP_TRANSITIONS: Record<PpStatus, readonly PpStatus[]> = {
  referred: ['intake', 'dropped_out', 'excluded'],
  intake: ['active', 'suspended', 'dropped_out', 'excluded'],
  active: ['suspended', 'completed', 'dropped_out', 'excluded'],
  suspended: ['active', 'dropped_out', 'excluded'],
  completed: [],
  dropped_out: [],
  excluded: [],
};

/** Status changes that put her safety at stake and oblige the partner-contact worker to inform her. */
export const STATUSES_RAISING_DUTY: readonly PpStatus[] = ['suspended', 'dropped_out', 'excluded'];

export const ATTENDANCE_STATUSES = ['present', 'absent_excused', 'absent_unexcused'] as const;

export const CONSENT_SCOPES = [
  'partner_contact',
  'informed_attendance',
  'informed_status',
  'informed_module_content',
  'joint_case',
  'share_disclosures',
  'share_contact_details',
  'share_risk_information',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
/** Scopes that send something of hers to a recipient: the recipient is part of the consent. */
export const RECIPIENT_CONSENT_SCOPES: readonly ConsentScope[] = [
  'share_disclosures',
  'share_contact_details',
  'share_risk_information',
];

export const CONTACT_CHANNELS = [
  'phone',
  'sms',
  'email',
  'in_person',
  'letter',
  'video',
  'via_support_worker',
] as const;

export const PARTNER_CONTACT_OUTCOMES = ['reached', 'declined', 'unreachable'] as const;
export type PartnerContactOutcome = (typeof PARTNER_CONTACT_OUTCOMES)[number];

/**
 * What she is told at partner contact, as the WWP EN standards list it (docs/domain.md, "Partner
 * contact"): a checklist that her contacts fill in over time. Version 2 added the last four
 * topics; stored contacts keep the keys they were given (none was renamed or removed).
 */
export const PARTNER_CONTACT_TOPICS_VERSION = 2;
export const PARTNER_CONTACT_TOPICS = [
  'programme_goals_content',
  'length_day_attendance',
  'limits_no_guarantee',
  'ability_to_change_benchmarks',
  'completion_dropout_exclusion',
  'attendance_manipulation',
  'confidentiality_what_is_shared',
  'support_and_safety_planning',
  'partner_sessions_and_support',
  'module_contents',
  'his_attendance_status',
] as const;
export type PartnerContactTopic = (typeof PARTNER_CONTACT_TOPICS)[number];

/**
 * Topics told only if she wants them, or told again as things change: never listed as "still to
 * tell her" (she chooses how much she wants to know).
 */
export const PARTNER_CONTACT_TOPICS_ON_REQUEST: readonly PartnerContactTopic[] = [
  'module_contents',
  'his_attendance_status',
];

export const CRITICAL_EVENT_KINDS = [
  'new_incident',
  'threat',
  'order_breach',
  'separation',
  'release_from_custody',
  'court_decision',
  'dropout',
  'safety_concern',
] as const;
export type CriticalEventKind = (typeof CRITICAL_EVENT_KINDS)[number];

export const INFORMATION_SOURCES = ['him', 'her', 'agency', 'professional_observation'] as const;

export const DUTY_TRIGGERS = [
  'status_suspended',
  'status_dropped_out',
  'status_excluded',
  'order_breach',
  'safety_concern',
] as const;
export type DutyTrigger = (typeof DUTY_TRIGGERS)[number];

export const DUTY_STATES = ['open', 'done', 'closed'] as const;

export const RELATIONSHIPS = ['current', 'former'] as const;

export const JOINT_CASE_STATES = ['open', 'closed'] as const;
