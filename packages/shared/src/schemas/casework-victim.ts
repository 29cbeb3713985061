import { z } from 'zod';
import {
  CONSENT_SCOPES,
  CONTACT_CHANNELS,
  PARTNER_CONTACT_OUTCOMES,
  PARTNER_CONTACT_TOPICS,
} from '../casework-enums.js';
import { IsoDate, PersonInput, PersonView } from './casework-people.js';
import { Id } from './common.js';

const Text = (max = 4000) => z.string().trim().max(max);

export const VssEpisodeCreate = z
  .object({
    /** Her existing record (e.g. created when he named her), or a new one. */
    personId: Id.optional(),
    person: PersonInput.optional(),
    intakeDate: IsoDate,
    supportGiven: Text().optional(),
  })
  .refine((value) => Boolean(value.personId) !== Boolean(value.person), {
    path: ['personId'],
    message: 'Give either her existing record or a new person',
  });

export const VssEpisodeView = z.object({
  id: Id,
  person: PersonView,
  agencyId: Id,
  intakeDate: z.string(),
  supportGiven: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  caseManagerId: Id.nullable(),
});
export type VssEpisodeView = z.infer<typeof VssEpisodeView>;

export const ConsentCreate = z.object({
  scope: z.enum(CONSENT_SCOPES),
  /** The agency the consent lets information go to; absent = the perpetrator programme of her joint case. */
  recipientAgencyId: Id.optional(),
  givenOn: IsoDate,
  note: Text(1000).optional(),
});
/**
 * Several consents she gives at once (one conversation, one form): each scope becomes a consent
 * of its own, revocable on its own. The recipient applies to the scopes that send something of hers
 * somewhere (RECIPIENT_CONSENT_SCOPES); the others have none.
 */
export const ConsentsCreate = z.object({
  scopes: z
    .array(z.enum(CONSENT_SCOPES))
    .min(1, 'Choose at least one thing she agrees to')
    .max(CONSENT_SCOPES.length)
    .refine((scopes) => new Set(scopes).size === scopes.length, 'Each scope once'),
  recipientAgencyId: Id.optional(),
  givenOn: IsoDate,
  note: Text(1000).optional(),
});
export const ConsentRevoke = z.object({ revokedOn: IsoDate, note: Text(1000).optional() });
export const ConsentView = z.object({
  id: Id,
  scope: z.enum(CONSENT_SCOPES),
  recipientAgencyId: Id.nullable(),
  givenOn: z.string(),
  revokedOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type ConsentView = z.infer<typeof ConsentView>;

export const ContactPreferences = z.object({
  safeChannel: z.enum(CONTACT_CHANNELS),
  safeTimes: Text(500).optional(),
  mayLeaveMessage: z.boolean(),
  codeWord: Text(100).optional(),
  notes: Text(2000).optional(),
});
export type ContactPreferences = z.infer<typeof ContactPreferences>;

export const PartnerContactCreate = z.object({
  ppEpisodeId: Id,
  contactedOn: IsoDate,
  channel: z.enum(CONTACT_CHANNELS),
  outcome: z.enum(PARTNER_CONTACT_OUTCOMES),
  topicsCovered: z.array(z.enum(PARTNER_CONTACT_TOPICS)).default([]),
  hopesAndFears: Text().optional(),
  herViewOfRisk: Text().optional(),
  notes: Text().optional(),
});
export const PartnerContactView = PartnerContactCreate.extend({
  id: Id,
  recordedBy: z.string(),
  topicsCovered: z.array(z.enum(PARTNER_CONTACT_TOPICS)),
});

/**
 * Across her contacts about one programme: the topics she has been told (first on which day) and
 * those still to offer her (the topics told only on request are never "still to offer").
 */
export const PartnerTopicCoverage = z.object({
  told: z.array(z.object({ topic: z.enum(PARTNER_CONTACT_TOPICS), firstToldOn: z.string() })),
  remaining: z.array(z.enum(PARTNER_CONTACT_TOPICS)),
});
export type PartnerTopicCoverage = z.infer<typeof PartnerTopicCoverage>;

/** The first offer of contact made to her about one programme: when, by whom, what came of it. */
export const PartnerContactOffer = z.object({
  offeredOn: z.string(),
  offeredBy: z.string(),
  outcome: z.enum(PARTNER_CONTACT_OUTCOMES),
});

/**
 * A record that contacting her may itself be unsafe, and the measures taken (WWP EN: "any
 * concern for possible risk relating to contacting her addressed"). Victim side only; encrypted.
 */
export const ContactSafetyConcernCreate = z.object({
  recordedOn: IsoDate,
  concern: Text().min(1, 'Write why contacting her may be unsafe'),
  measures: Text().min(1, 'Write the measures taken'),
});
export const ContactSafetyConcernView = ContactSafetyConcernCreate.extend({
  id: Id,
  recordedBy: z.string(),
});
export type ContactSafetyConcernView = z.infer<typeof ContactSafetyConcernView>;

/**
 * What the actor may do on her file: computed by the policy (victimFilePolicy.abilities), used by
 * the web app to show or hide actions. The server decides every request again.
 */
export const VictimFileAbilities = z.object({
  openSupport: z.boolean(),
  recordConsent: z.boolean(),
  revokeConsent: z.boolean(),
  setContactPreferences: z.boolean(),
  logContact: z.boolean(),
  recordDisclosure: z.boolean(),
  share: z.boolean(),
  editSafetyPlans: z.boolean(),
  openJointCase: z.boolean(),
  /** Close an open support episode of hers at the actor's service. */
  closeSupport: z.boolean(),
  /** Edit her location and contact details (her record's write policy: her service). */
  editContactDetails: z.boolean(),
});
export type VictimFileAbilities = z.infer<typeof VictimFileAbilities>;

/** Everything the victim side keeps about her, for her page. */
export const VictimFileView = z.object({
  person: PersonView,
  episodes: z.array(VssEpisodeView),
  consents: z.array(ConsentView),
  contactPreferences: ContactPreferences.nullable(),
  partnerContacts: z.array(PartnerContactView),
  /** Empty for any reader outside the victim side (the table's policy). */
  contactSafetyConcerns: z.array(ContactSafetyConcernView),
  disclosures: z.array(
    z.object({ id: Id, disclosedOn: z.string(), content: z.string(), sharedCount: z.number().int() }),
  ),
  /** The programme episodes that named her; his name and status only where his release lets them reach her service. */
  namedIn: z.array(
    z.object({
      ppEpisodeId: Id,
      relationship: z.enum(['current', 'former']),
      referredOn: z.string(),
      hisName: z.string().nullable(),
      status: z.string().nullable(),
      /** Null until contact was offered to her about this programme. */
      offer: PartnerContactOffer.nullable(),
      topics: PartnerTopicCoverage,
    }),
  ),
  jointCases: z.array(z.object({ id: Id, caseNumber: z.string(), status: z.enum(['open', 'closed']) })),
  can: VictimFileAbilities,
});
export type VictimFileView = z.infer<typeof VictimFileView>;

export const DisclosureCreate = z.object({
  disclosedOn: IsoDate,
  content: Text().min(1, 'Write what she disclosed'),
});

export const ShareCreate = z.object({
  jointCaseId: Id,
  /** Absent = the perpetrator programme of the joint case; otherwise an agency party to the case agreement. */
  recipientAgencyId: Id.optional(),
  sourceProtected: z.boolean().default(true),
});

/**
 * What the worker who will contact her about a duty needs before reaching her, from her contact
 * preferences (decrypted for her service only): when it is safe, whether a message may be left,
 * the code word. Absent where she has not said.
 */
export const DutyContactHints = z.object({
  safeTimes: z.string().optional(),
  mayLeaveMessage: z.boolean().optional(),
  codeWord: z.string().optional(),
});

/** What the actor may do with one duty (dutyPolicy.abilities). */
export const DutyAbilities = z.object({ resolve: z.boolean() });
