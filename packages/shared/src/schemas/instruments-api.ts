import { z } from 'zod';
import { ANSWER_SOURCES, Answers, ItemAnswer } from '../instruments/definition.js';
import { IsoDate } from './casework-people.js';
import { Id, Int, StatisticsPeriodQuery, SuppressedCount, Text } from './common.js';
import { ConfirmHerDetails } from './meetings-api.js';

export const RESPONSE_SUBJECTS = ['him', 'her', 'case'] as const;
export const TIMEPOINTS = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;

export const ResponseCreate = z.object({
  instrumentId: z.string().min(1).max(100),
  version: Int(1),
  jointCaseId: Id.optional(),
  ppEpisodeId: Id.optional(),
  /** Whom the answers are about: his side's view, hers, or the case (the risk checklist). */
  subject: z.enum(RESPONSE_SUBJECTS),
  /** IMPACT time point: T0, T1, T2.1, T2.2 …, T3, T4. */
  timepoint: z
    .string()
    .regex(/^T[0-4](\.[0-9]+)?$/, 'Use T0, T1, T2.1, T2.2 …, T3 or T4')
    .optional(),
  completedOn: IsoDate,
  answers: Answers,
  /** Professional judgement: may raise the computed level; may lower it only with a reason. */
  judgedLevel: z.string().max(50).optional(),
  judgementReason: Text(2000).optional(),
});

/**
 * An answer as a reader may see it. Off her service a response not of his programme arrives
 * either withheld on every item or, with her consent to share risk information, as values with
 * no source at all (docs/domain.md, rule 6). `another_source` is no longer sent for answers.
 */
export const VisibleAnswer = ItemAnswer.extend({
  source: z.enum(['him', 'her', 'agency', 'professional_observation', 'another_source']).optional(),
  withheld: z.boolean().optional(),
});

export const ResponseView = z.object({
  id: Id,
  instrumentId: z.string(),
  version: z.number().int(),
  side: z.string(),
  subject: z.enum(RESPONSE_SUBJECTS),
  timepoint: z.string().nullable(),
  completedOn: z.string(),
  answers: z.record(z.string(), VisibleAnswer),
  computedLevel: z.string().nullable(),
  score: z.number().nullable(),
  areaScores: z.record(z.string(), z.number()),
  judgedLevel: z.string().nullable(),
  /** The level that counts: the judged one if given, else the computed one. */
  level: z.string().nullable(),
  judgementReason: z.string().nullable(),
});
export type ResponseView = z.infer<typeof ResponseView>;

export const AgreedLevelCreate = z.object({
  level: z.string().min(1).max(50),
  rationale: Text(4000).min(1, 'Record why the case managers agreed on this level'),
  ppResponseId: Id.optional(),
  vssResponseId: Id.optional(),
  agreedOn: IsoDate,
  /** The rationale is joint text: the programme reads it as written (checked against her details). */
  confirmHerDetails: ConfirmHerDetails,
});

/** The other side's case manager confirms a lower level proposed by one case manager. */
export const AgreedLevelConfirm = z.object({ proposalId: Id });

/** The sources an answer the actor records may name (the programme never records "her"). */
const AnswerSources = z.array(z.enum(ANSWER_SOURCES));

export const RiskAbilities = z.object({
  recordChecklist: z.boolean(),
  /** Whose checklist the actor records: its own side's; null for an agency of neither side (or none). */
  recordChecklistFor: z.enum(['perpetrator', 'victim']).nullable(),
  answerSources: AnswerSources,
  agreeLevel: z.boolean(),
  confirmLowering: z.boolean(),
  /** Record a consultation of the case's other agencies (its case managers). */
  recordConsultation: z.boolean(),
});

/** A consultation of another agency of the case when the two sides diverge. */
export const ConsultationCreate = z.object({
  agencyId: Id,
  consultedOn: IsoDate,
  reply: Text(4000).min(1, 'Record what the agency said'),
  /** The level agreed after the consultation, where it is already agreed. */
  agreedLevelId: Id.optional(),
  /** What they said is joint text: the programme reads it as written (checked against her details). */
  confirmHerDetails: ConfirmHerDetails,
});

export const ConsultationView = z.object({
  id: Id,
  agency: z.object({ id: Id, name: z.string().nullable(), kind: z.string().nullable() }),
  consultedOn: z.string(),
  reply: z.string(),
  /** The divergence it answered: the programme's level minus her service's, in levels. */
  difference: z.number().int(),
  /** The level agreed after it, where one is linked. */
  agreedLevel: z.object({ id: Id, level: z.string(), agreedOn: z.string() }).nullable(),
});

export const JointRiskView = z.object({
  instrumentId: z.string(),
  version: z.number().int(),
  perpetratorSide: ResponseView.nullable(),
  victimSide: ResponseView.nullable(),
  items: z.array(
    z.object({
      itemId: z.string(),
      perpetratorSide: VisibleAnswer.nullable(),
      victimSide: VisibleAnswer.nullable(),
      diverges: z.boolean(),
    }),
  ),
  levelsDiverge: z.boolean(),
  /** The pilots found the PP assesses lower than the VSS: flagged when it does. */
  perpetratorSideLower: z.boolean(),
  agreed: z
    .object({
      /** The agreement in force (a consultation links the level agreed after it). */
      id: Id,
      level: z.string(),
      rationale: z.string(),
      agreedOn: z.string(),
      nextReassessmentOn: z.string(),
    })
    .nullable(),
  /** A lower level one case manager proposed; the current level stays until the other side confirms. */
  pendingLowering: z
    .object({
      id: Id,
      level: z.string(),
      fromLevel: z.string(),
      rationale: z.string(),
      proposedOn: z.string(),
      proposedSide: z.enum(['perpetrator', 'victim']),
    })
    .nullable(),
  reassessmentDueSince: z.string().nullable(),
  nextReassessmentOn: z.string().nullable(),
  history: z.array(
    z.object({
      date: z.string(),
      perpetratorSide: z.string().nullable(),
      victimSide: z.string().nullable(),
      agreed: z.string().nullable(),
    }),
  ),
  /**
   * Each pair of the two sides' checklists over time (a pair each day either side recorded one),
   * from the checklists this reader may read, with their levels as `history` shows them.
   * `difference` is the programme's level minus her service's in ranks (negative: lower).
   */
  divergence: z.array(
    z.object({
      date: z.string(),
      perpetratorSide: z.string().nullable(),
      victimSide: z.string().nullable(),
      difference: z.number().int().nullable(),
    }),
  ),
  /**
   * Consulting the other agencies of the case-level agreement: proposed while the latest pair of
   * checklists diverges by a level or more; whom it may consult, and what each said.
   */
  consultation: z.object({
    proposed: z.boolean(),
    agencies: z.array(z.object({ id: Id, name: z.string(), kind: z.string() })),
    records: z.array(ConsultationView),
  }),
  can: RiskAbilities,
});
export type JointRiskView = z.infer<typeof JointRiskView>;

export const RiskDivergenceQuery = StatisticsPeriodQuery;

/**
 * How often, and by how much, the programme assessed lower or higher than her service across a
 * network's joint cases (pairs of checklists completed in the period): counts only, for its
 * coordinator and analysts, small counts suppressed (docs/domain.md, rule 6).
 */
export const RiskDivergenceStatistics = z.object({
  networkId: Id,
  from: z.string().nullable(),
  to: z.string().nullable(),
  minimumCount: z.number().int(),
  pairs: SuppressedCount,
  cases: SuppressedCount,
  cells: z.object({
    programmeLowerByTwoOrMore: SuppressedCount,
    programmeLowerByOne: SuppressedCount,
    same: SuppressedCount,
    programmeHigherByOne: SuppressedCount,
    programmeHigherByTwoOrMore: SuppressedCount,
  }),
});
export type RiskDivergenceStatistics = z.infer<typeof RiskDivergenceStatistics>;

export const VIOLENCE_FORMS = [
  'physical',
  'sexual',
  'psychological',
  'economic',
  'stalking',
  'digital',
  'threats',
  'against_children',
  'order_breach',
] as const;
export const SEVERITIES = ['low', 'moderate', 'severe'] as const;
export const RECIDIVISM_SOURCES = ['him', 'her', 'agency'] as const;

export const RecidivismCreate = z.object({
  occurredOn: IsoDate,
  forms: z.array(z.enum(VIOLENCE_FORMS)).min(1, 'Choose at least one form of violence'),
  severity: z.enum(SEVERITIES),
  source: z.enum(RECIDIVISM_SOURCES),
  sourceAgencyId: Id.optional(),
  policeInvolved: z.boolean().default(false),
  description: Text(4000).optional(),
});

export const RecidivismView = z.object({
  id: Id,
  occurredOn: z.string(),
  forms: z.array(z.enum(VIOLENCE_FORMS)),
  severity: z.enum(SEVERITIES),
  source: z.enum([...RECIDIVISM_SOURCES, 'another_source']),
  policeInvolved: z.boolean(),
  description: z.string().nullable(),
  possibleMinimisation: z.boolean(),
});

export const RecidivismComparison = z.object({
  period: z.enum(['month', 'quarter']),
  episodes: z.array(RecidivismView),
  periods: z.array(
    z.object({
      period: z.string(),
      him: z.number().int(),
      /**
       * Counts by source, only as far as they cannot tell anyone which reports are hers
       * (docs/domain.md, rule 6): her service gets all three; a reader her consent reaches gets
       * `otherSources` only (hers and the agencies' together); anyone else gets `agencies` only,
       * counted over the rows it may read.
       */
      her: z.number().int().optional(),
      agencies: z.number().int().optional(),
      otherSources: z.number().int().optional(),
      possibleMinimisation: z.boolean(),
    }),
  ),
  can: z.object({
    /** The sources an episode the actor records may come from (none: it records none). */
    sources: z.array(z.enum(RECIDIVISM_SOURCES)),
    /** An agency that is neither his programme nor her service reports what it knows as itself. */
    reportsAsAgency: z.boolean(),
  }),
});
export type RecidivismComparison = z.infer<typeof RecidivismComparison>;

export const ImpactPoint = z.object({
  timepoint: z.string(),
  dueOn: z.string(),
  him: z
    .object({
      responseId: Id,
      completedOn: z.string(),
      score: z.number().nullable(),
      areaScores: z.record(z.string(), z.number()),
    })
    .nullable(),
  her: z
    .object({
      responseId: Id,
      completedOn: z.string(),
      score: z.number().nullable(),
      areaScores: z.record(z.string(), z.number()),
    })
    .nullable(),
  /** Her answers are hers: the perpetrator side sees them only with her consent to share risk information. */
  herWithheld: z.boolean(),
  due: z.boolean(),
  overdue: z.boolean(),
});
export const ImpactView = z.object({
  points: z.array(ImpactPoint),
  can: z.object({
    /** The questionnaire the actor gives: his for his programme, hers for her service. */
    recordFor: z.enum(['him', 'her']).nullable(),
    answerSources: AnswerSources,
  }),
});
export type ImpactView = z.infer<typeof ImpactView>;

/** Her digital-violence identifications of a joint case (README, "Digital violence"): her service only. */
export const DigitalViolenceView = z.object({
  /** Newest first, each with its result (level and count of "yes"). */
  identifications: z.array(ResponseView),
  herId: Id,
  can: z.object({ record: z.boolean() }),
});
export type DigitalViolenceView = z.infer<typeof DigitalViolenceView>;

export const DueItem = z.object({
  jointCaseId: Id,
  caseNumber: z.string(),
  what: z.enum(['reassessment', 'questionnaire_him', 'questionnaire_her']),
  timepoint: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  /** programme_end: his programme ended (completed, dropped out, excluded): the closing risk assessment. */
  reason: z.enum(['critical_event', 'scheduled', 'never_assessed', 'programme_end', 'timepoint']),
});
export type DueItem = z.infer<typeof DueItem>;
