/**
 * Enumerations shared by server and web. One source: the server validates with them,
 * the web app renders them, and the database CHECK constraints mirror them.
 */

/** Which side of the information barrier a staff member works on (docs/domain.md, "Who uses it"). */
export const SIDES = ['perpetrator', 'victim', 'neutral'] as const;
export type Side = (typeof SIDES)[number];

export const ROLES = [
  'pp_case_manager',
  'vss_case_manager',
  'partner_contact_worker',
  'child_protection_lead',
  'agency_liaison',
  'network_coordinator',
  'trainer',
  'analyst',
  'agency_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = [
  'perpetrator_programme',
  'victim_support',
  'combined_pp_vss',
  'police',
  'probation',
  'court',
  'social_services',
  'child_protection',
  'health',
  'substance_abuse',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const LANGUAGES = ['en', 'it', 'bg', 'el', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The sides a role may be held on. Case roles are bound to one side so that the
 * information barrier follows from the role; administrative roles carry no case access.
 */
export const ROLE_SIDES: Record<Role, readonly Side[]> = {
  pp_case_manager: ['perpetrator'],
  vss_case_manager: ['victim'],
  // A partner-contact worker may sit in a partner service attached to the PP, but the
  // information she handles is the woman's: she always works on the victim side.
  partner_contact_worker: ['victim'],
  child_protection_lead: ['victim', 'neutral'],
  agency_liaison: ['neutral'],
  network_coordinator: ['perpetrator', 'victim', 'neutral'],
  trainer: ['perpetrator', 'victim', 'neutral'],
  analyst: ['neutral'],
  agency_admin: ['perpetrator', 'victim', 'neutral'],
  system_admin: ['neutral'],
};

/** The sides an agency of a kind can employ staff on. */
export const AGENCY_KIND_SIDES: Record<AgencyKind, readonly Side[]> = {
  perpetrator_programme: ['perpetrator'],
  victim_support: ['victim'],
  combined_pp_vss: ['perpetrator', 'victim'],
  police: ['neutral'],
  probation: ['neutral'],
  court: ['neutral'],
  social_services: ['neutral'],
  child_protection: ['neutral', 'victim'],
  health: ['neutral'],
  substance_abuse: ['neutral'],
  other: ['neutral'],
};

/** Where a signed-in session stands: full access only after the second factor. */
export const SESSION_STAGES = ['password_change', 'mfa_enrolment', 'mfa_verify', 'active'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
