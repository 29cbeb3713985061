import { z } from 'zod';
import { SIDES } from '../enums.js';
import { Id, IsoDate, RequiredText, SuppressedCount, Text } from './common.js';

/**
 * Sharing her information without her consent where someone is at risk of serious harm
 * (docs/domain.md, information-flow rule 4): an exceptional path beside the consent-based share,
 * with a recorded lawful basis, a second case manager of her service who authorises it (four
 * eyes), a reading window that ends, a duty to tell her when that is safe, and the agency
 * admin's review.
 */

/** GDPR art. 6(1)(d) / 9(2)(c) "vital interests", or a legal obligation (art. 6(1)(c)) such as a national duty to report. */
export const LAWFUL_BASES = ['vital_interests', 'legal_duty'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** Who is at risk of serious harm. */
export const AT_RISK = ['her', 'child', 'another_person'] as const;
export type AtRisk = (typeof AT_RISK)[number];

export const SERIOUS_HARM_STATUSES = ['proposed', 'authorised', 'declined'] as const;
export type SeriousHarmStatus = (typeof SERIOUS_HARM_STATUSES)[number];

/** Whether she has been told of the share: not yet, told, or postponed because telling her is not yet safe. */
export const TELLING_STATUSES = ['pending', 'told', 'postponed'] as const;
export type TellingStatus = (typeof TELLING_STATUSES)[number];

export const REVIEW_OUTCOMES = ['appropriate', 'concerns'] as const;

/** The longest a recipient may read such a share after it is authorised: the emergency, not a standing basis. */
export const SERIOUS_HARM_MAX_DAYS = 90;

export const SeriousHarmShareCreate = z.object({
  /** One of her joint cases, when the share is made within it. */
  jointCaseId: Id.optional(),
  recipientAgencyId: Id,
  /**
   * The side of the recipient agency that receives it; needed only where the agency has two
   * (a combined service, child protection): otherwise its neutral side, or its only one.
   */
  recipientSide: z.enum(SIDES).optional(),
  atRisk: z.enum(AT_RISK),
  lawfulBasis: z.enum(LAWFUL_BASES),
  /** The provision relied on, e.g. "GDPR art. 6(1)(d), 9(2)(c)" or the national reporting duty. */
  legalReference: RequiredText('the legal provision relied on', 300),
  /** Why someone is at risk of serious harm and why her consent is not sought: stays with her service. */
  reason: Text().min(1, 'Write why someone is at risk of serious harm'),
  /** What the recipient reads. */
  content: Text().min(1, 'Write what is shared'),
  /**
   * The last day the recipient may read it (at most SERIOUS_HARM_MAX_DAYS after today). For the
   * programme, content holding her recorded details is refused (409 her_details_to_perpetrator).
   */
  validTo: IsoDate,
});
export type SeriousHarmShareCreate = z.infer<typeof SeriousHarmShareCreate>;

/** The second case manager's decision: authorise, or decline with a reason. */
export const SeriousHarmDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('authorise'), note: Text(1000).optional() }),
  z.object({ decision: z.literal('decline'), note: Text(1000).min(1, 'Write why it is declined') }),
]);
export type SeriousHarmDecision = z.infer<typeof SeriousHarmDecision>;

/** Her case manager's record of telling her, or of why telling her is not yet safe and when to reconsider. */
export const SeriousHarmTelling = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('told'), toldOn: IsoDate }),
  z.object({
    outcome: z.literal('postponed'),
    reason: Text(2000).min(1, 'Write why telling her is not yet safe'),
    reviewOn: IsoDate,
  }),
]);
export type SeriousHarmTelling = z.infer<typeof SeriousHarmTelling>;

export const SeriousHarmReview = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  note: Text(2000).optional(),
});
export type SeriousHarmReview = z.infer<typeof SeriousHarmReview>;

const Telling = z.object({
  status: z.enum(TELLING_STATUSES),
  toldOn: z.string().nullable(),
  postponedReason: z.string().nullable(),
  reviewOn: z.string().nullable(),
});

const Review = z.object({
  outcome: z.enum(REVIEW_OUTCOMES),
  note: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedOn: z.string(),
});

/** What the actor may do with one share (seriousHarmPolicy.abilities); each command decides again. */
export const SeriousHarmShareAbilities = z.object({
  /** Authorise or decline: a case manager of her service other than the one who recorded it. */
  decide: z.boolean(),
  recordTelling: z.boolean(),
});

/** A share as her service sees it, in full. */
export const SeriousHarmShareView = z.object({
  id: Id,
  personId: Id,
  jointCaseId: Id.nullable(),
  recipientAgencyId: Id,
  recipientAgencyName: z.string(),
  recipientSide: z.enum(SIDES),
  atRisk: z.enum(AT_RISK),
  lawfulBasis: z.enum(LAWFUL_BASES),
  legalReference: z.string(),
  reason: z.string(),
  content: z.string(),
  validTo: z.string(),
  status: z.enum(SERIOUS_HARM_STATUSES),
  recordedBy: z.string().nullable(),
  recordedOn: z.string(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  /** Whether the recipient can read it today: authorised and within its window. */
  readableByRecipient: z.boolean(),
  telling: Telling,
  review: Review.nullable(),
  can: SeriousHarmShareAbilities,
});
export type SeriousHarmShareView = z.infer<typeof SeriousHarmShareView>;

/** Her file's serious-harm shares and whether the actor may record one. */
export const SeriousHarmSharesOfHer = z.object({
  shares: z.array(SeriousHarmShareView),
  can: z.object({ propose: z.boolean() }),
});
export type SeriousHarmSharesOfHer = z.infer<typeof SeriousHarmSharesOfHer>;

/** What a recipient reads while the share is authorised and in its window: the content, nothing of why. */
export const SeriousHarmShareReceived = z.object({
  id: Id,
  fromAgencyName: z.string(),
  jointCaseId: Id.nullable(),
  atRisk: z.enum(AT_RISK),
  lawfulBasis: z.enum(LAWFUL_BASES),
  legalReference: z.string(),
  content: z.string(),
  authorisedOn: z.string(),
  validTo: z.string(),
});
export type SeriousHarmShareReceived = z.infer<typeof SeriousHarmShareReceived>;

/**
 * A share as the agency admin of her service reviews it: the process, not its content — no
 * reason, no content, no name (her record's reference only).
 */
export const SeriousHarmReviewItem = z.object({
  id: Id,
  personId: Id,
  recordedOn: z.string(),
  recipientAgencyName: z.string(),
  recipientSide: z.enum(SIDES),
  atRisk: z.enum(AT_RISK),
  lawfulBasis: z.enum(LAWFUL_BASES),
  legalReference: z.string(),
  status: z.enum(SERIOUS_HARM_STATUSES),
  recordedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
  validTo: z.string(),
  tellingStatus: z.enum(TELLING_STATUSES),
  tellingReviewOn: z.string().nullable(),
  review: Review.nullable(),
  can: z.object({ review: z.boolean() }),
});
export type SeriousHarmReviewItem = z.infer<typeof SeriousHarmReviewItem>;

/** On her case manager's home: a colleague's share awaiting a decision, or her being told. */
export const SeriousHarmWorkItem = z.object({
  shareId: Id,
  personId: Id,
  partnerName: z.string(),
  task: z.enum(['decide', 'tell']),
  recordedOn: z.string(),
  /** For "tell": the date set to reconsider, when telling her was postponed. */
  reviewOn: z.string().nullable(),
});
export type SeriousHarmWorkItem = z.infer<typeof SeriousHarmWorkItem>;

/**
 * Authorised serious-harm shares of a network's services in a period: counts only, for its
 * coordinator and analysts, small counts suppressed with their complements (docs/domain.md, rule 6).
 */
export const SeriousHarmStatistics = z.object({
  networkId: Id,
  from: z.string().nullable(),
  to: z.string().nullable(),
  minimumCount: z.number().int(),
  shares: SuppressedCount,
  byBasis: z.object({ vital_interests: SuppressedCount, legal_duty: SuppressedCount }),
  byTelling: z.object({ pending: SuppressedCount, told: SuppressedCount, postponed: SuppressedCount }),
});
export type SeriousHarmStatistics = z.infer<typeof SeriousHarmStatistics>;
