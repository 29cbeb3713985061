import type {
  CONTACT_CHANNELS,
  ConsentScope,
  ContactPreferences,
  PARTNER_CONTACT_OUTCOMES,
  PARTNER_CONTACT_TOPICS,
} from '@tandem/shared';
import type { FieldCipher } from '../../security/field-encryption.js';

/**
 * The records of her file as the victim-file repository hands them on: her free text decrypted
 * (it is encrypted at rest), codes typed. Only the repository reads rows; services see these.
 */

export interface SupportEpisodeRecord {
  id: string;
  personId: string;
  agencyId: string;
  intakeDate: string;
  supportGiven: string | null;
  status: 'open' | 'closed';
  caseManagerId: string | null;
}

export type SupportEpisodeRow = {
  id: string;
  person_id: string;
  agency_id: string;
  intake_date: string;
  support_given_enc: string | null;
  status: string;
  case_manager_id: string | null;
};

export const EPISODE_COLUMNS = [
  'id',
  'person_id',
  'agency_id',
  'intake_date',
  'support_given_enc',
  'status',
  'case_manager_id',
] as const;

export interface ConsentRecord {
  id: string;
  personId: string;
  ownerAgencyId: string;
  scope: ConsentScope;
  recipientAgencyId: string | null;
  givenOn: string;
  revokedOn: string | null;
  note: string | null;
}

export interface PartnerContactRecord {
  id: string;
  ppEpisodeId: string;
  contactedOn: string;
  channel: (typeof CONTACT_CHANNELS)[number];
  outcome: (typeof PARTNER_CONTACT_OUTCOMES)[number];
  topicsCovered: (typeof PARTNER_CONTACT_TOPICS)[number][];
  hopesAndFears?: string;
  herViewOfRisk?: string;
  notes?: string;
  recordedBy: string;
}

export interface NewPartnerContact {
  personId: string;
  ownerAgencyId: string;
  ppEpisodeId: string;
  contactedOn: string;
  channel: string;
  outcome: string;
  topicsCovered: readonly string[];
  hopesAndFears?: string | undefined;
  herViewOfRisk?: string | undefined;
  notes?: string | undefined;
}

export type ConsentRow = {
  id: string;
  person_id: string;
  owner_agency_id: string;
  scope: string;
  recipient_agency_id: string | null;
  given_on: string;
  revoked_on: string | null;
  note_enc: string | null;
};

export const CONSENT_COLUMNS = [
  'id',
  'person_id',
  'owner_agency_id',
  'scope',
  'recipient_agency_id',
  'given_on',
  'revoked_on',
  'note_enc',
] as const;

export function toSupportEpisode(cipher: FieldCipher, row: SupportEpisodeRow): SupportEpisodeRecord {
  return {
    id: row.id,
    personId: row.person_id,
    agencyId: row.agency_id,
    intakeDate: row.intake_date,
    supportGiven: row.support_given_enc ? cipher.decrypt(row.support_given_enc) : null,
    status: row.status as SupportEpisodeRecord['status'],
    caseManagerId: row.case_manager_id,
  };
}

export function toConsent(cipher: FieldCipher, row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    personId: row.person_id,
    ownerAgencyId: row.owner_agency_id,
    scope: row.scope as ConsentScope,
    recipientAgencyId: row.recipient_agency_id,
    givenOn: row.given_on,
    revokedOn: row.revoked_on,
    note: row.note_enc ? cipher.decrypt(row.note_enc) : null,
  };
}

/** Safe times, the code word and notes: kept together, encrypted (as sensitive as her address). */
export function contactDetails(
  cipher: FieldCipher,
  detailsEnc: string,
): Pick<ContactPreferences, 'safeTimes' | 'codeWord' | 'notes'> {
  const details = JSON.parse(cipher.decrypt(detailsEnc)) as Partial<ContactPreferences>;
  return {
    ...(details.safeTimes && { safeTimes: details.safeTimes }),
    ...(details.codeWord && { codeWord: details.codeWord }),
    ...(details.notes && { notes: details.notes }),
  };
}

/** A row of the partner-contact log, with the name of who recorded it. */
export type PartnerContactRow = {
  id: string;
  episode_id: string;
  contacted_on: string;
  channel: string;
  outcome: string;
  topics_covered: string[];
  hopes_and_fears_enc: string | null;
  her_view_of_risk_enc: string | null;
  notes_enc: string | null;
  display_name: string | null;
};

export function toPartnerContact(cipher: FieldCipher, row: PartnerContactRow): PartnerContactRecord {
  return {
    id: row.id,
    ppEpisodeId: row.episode_id,
    contactedOn: row.contacted_on,
    channel: row.channel as PartnerContactRecord['channel'],
    outcome: row.outcome as PartnerContactRecord['outcome'],
    topicsCovered: row.topics_covered as PartnerContactRecord['topicsCovered'],
    ...(row.hopes_and_fears_enc && { hopesAndFears: cipher.decrypt(row.hopes_and_fears_enc) }),
    ...(row.her_view_of_risk_enc && { herViewOfRisk: cipher.decrypt(row.her_view_of_risk_enc) }),
    ...(row.notes_enc && { notes: cipher.decrypt(row.notes_enc) }),
    recordedBy: row.display_name ?? '',
  };
}
