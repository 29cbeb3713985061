import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  CONTACT_FIELDS,
  INFORMATION_KINDS,
  PERSON_KINDS,
  PP_STATUSES,
  PROGRAMME_TYPES,
  REFERRAL_PATHWAYS,
  RELATIONSHIPS,
} from '../casework-enums.js';
import { BirthDate, Id, IsoDate, PageQuery, RequiredText, Text } from './common.js';

/** Other schema files import the date from here; it lives in common.ts. */
export { IsoDate };

/** Her location and contact details. Every field optional; all encrypted at rest. */
export const ContactDetails = z.object(
  Object.fromEntries(CONTACT_FIELDS.map((field) => [field, Text(500).optional()])) as Record<
    (typeof CONTACT_FIELDS)[number],
    z.ZodOptional<z.ZodString>
  >,
);
export type ContactDetails = z.infer<typeof ContactDetails>;

export const PersonInput = z.object({
  firstName: RequiredText('a first name'),
  lastName: RequiredText('a last name'),
  dateOfBirth: BirthDate.optional(),
});

export const PersonView = z.object({
  id: Id,
  kind: z.enum(PERSON_KINDS),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  ownerAgencyId: Id,
  /** Present only when the policy lets this user see her location and contact details. */
  contact: ContactDetails.optional(),
});
export type PersonView = z.infer<typeof PersonView>;

export const ChildInput = PersonInput.extend({
  motherId: Id.optional(),
  fatherId: Id.optional(),
  childrensSchool: Text(500).optional(),
});

export const CourtOrder = z.object({
  kind: z.enum(['court', 'probation']),
  reference: Text(200).optional(),
  conditions: Text().optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
});

export const ReferralCreate = z
  .object({
    person: PersonInput,
    pathway: z.enum(REFERRAL_PATHWAYS),
    referringAgencyId: Id.optional(),
    order: CourtOrder.optional(),
    referralDate: IsoDate,
    programmeType: z.enum(PROGRAMME_TYPES).optional(),
    plannedSessions: z.number().int().min(1).max(500).optional(),
    plannedEndDate: IsoDate.optional(),
    schedule: Text(500).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.pathway === 'mandatory' && !value.order) {
      ctx.addIssue({
        code: 'custom',
        path: ['order'],
        message: 'A mandatory referral needs the court or probation order',
      });
    }
    if (value.pathway === 'recommended' && !value.referringAgencyId) {
      ctx.addIssue({
        code: 'custom',
        path: ['referringAgencyId'],
        message: 'Name the agency that recommended the programme',
      });
    }
  });
export type ReferralCreate = z.infer<typeof ReferralCreate>;

export const PpEpisodeUpdate = z
  .object({
    intakeDate: IsoDate.optional(),
    assessment: Text().optional(),
    programmeType: z.enum(PROGRAMME_TYPES).optional(),
    plannedSessions: z.number().int().min(1).max(500).optional(),
    plannedEndDate: IsoDate.optional(),
    schedule: Text(500).optional(),
  })
  .refine(
    (changes) => Object.values(changes).some((value) => value !== undefined),
    'Change at least one field',
  );

export const StatusChange = z.object({
  to: z.enum(PP_STATUSES),
  date: IsoDate,
  reason: Text(2000).optional(),
});

/**
 * One of his programme sessions, his alone: strict, so that no second person can be attached to
 * it by an added field (no joint session of him and her: docs/domain.md, "Information-flow rules").
 */
export const AttendanceCreate = z.strictObject({
  sessionDate: IsoDate,
  status: z.enum(ATTENDANCE_STATUSES),
  note: Text(1000).optional(),
});

export const NamedPartner = z.object({
  firstName: RequiredText('her first name'),
  lastName: RequiredText('her last name'),
  relationship: z.enum(RELATIONSHIPS),
  /** The victim-side service that will offer her partner contact. */
  partnerContactAgencyId: Id,
  contact: ContactDetails.optional(),
});

export const ReleaseCreate = z.object({
  signedOn: IsoDate,
  scope: z.array(z.enum(INFORMATION_KINDS)).min(1, 'Choose what the release covers'),
  partners: z.array(NamedPartner).max(10).default([]),
  /**
   * Why he names no partner (for example: no current or former partner). His release names his
   * partners or says why not before his programme can become active.
   */
  noPartnersReason: Text(1000).optional(),
});

export const StatusChangeView = z.object({
  from: z.enum(PP_STATUSES).nullable(),
  to: z.enum(PP_STATUSES),
  date: z.string(),
  reason: z.string().nullable(),
  changedBy: z.string(),
});

export const AttendanceView = z.object({
  id: Id,
  sessionDate: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  note: z.string().nullable(),
});

/**
 * A partner he named. The programme sees a relationship and a number ("current partner 1",
 * shown through a translation), never a part of her name nor the link to her record; the
 * victim side that contacts her sees both.
 */
export const PartnerReferralView = z.object({
  id: Id,
  relationship: z.enum(RELATIONSHIPS),
  ordinal: z.number().int(),
  partnerContactAgencyId: Id,
  /** Only for the victim side: the link to her own record and her name. */
  partnerPersonId: Id.nullable(),
  herName: z.string().nullable(),
});

/** What the actor may do with an episode: computed by the policy, used by the web app to show or hide. */
export const EpisodeAbilities = z.object({
  edit: z.boolean(),
  changeStatus: z.boolean(),
  recordAttendance: z.boolean(),
  recordRelease: z.boolean(),
  recordCriticalEvent: z.boolean(),
});

export const PpEpisodeView = z.object({
  id: Id,
  person: PersonView,
  agencyId: Id,
  pathway: z.enum(REFERRAL_PATHWAYS),
  referringAgencyId: Id.nullable(),
  order: CourtOrder.nullable(),
  referralDate: z.string(),
  intakeDate: z.string().nullable(),
  assessment: z.string().nullable(),
  programmeType: z.enum(PROGRAMME_TYPES).nullable(),
  plannedSessions: z.number().nullable(),
  plannedEndDate: z.string().nullable(),
  schedule: z.string().nullable(),
  status: z.enum(PP_STATUSES),
  caseManagerId: Id.nullable(),
  statusHistory: z.array(StatusChangeView),
  attendance: z.array(AttendanceView),
  release: z
    .object({
      signedOn: z.string(),
      scope: z.array(z.enum(INFORMATION_KINDS)),
      noPartnersReason: z.string().nullable(),
    })
    .nullable(),
  partners: z.array(PartnerReferralView),
  can: EpisodeAbilities,
});
export type PpEpisodeView = z.infer<typeof PpEpisodeView>;

export const PpEpisodeSummary = z.object({
  id: Id,
  personName: z.string(),
  status: z.enum(PP_STATUSES),
  pathway: z.enum(REFERRAL_PATHWAYS),
  referralDate: z.string(),
});
export const PpEpisodeListQuery = PageQuery.extend({ status: z.enum(PP_STATUSES).optional() });

export const ContactUpdate = ContactDetails;

export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  dateOfBirth: IsoDate.optional(),
  caseNumber: z.string().trim().max(40).optional(),
  agencyId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const SearchResult = z.object({
  personId: Id,
  kind: z.enum(PERSON_KINDS),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  agencyId: Id,
  jointCaseIds: z.array(Id),
  ppEpisodeIds: z.array(Id),
});
export type SearchResult = z.infer<typeof SearchResult>;
