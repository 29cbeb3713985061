import { z } from 'zod';
import { Answers } from '../instruments/definition.js';
import { IsoDate } from './casework-people.js';
import { EMPTY_PATCH_MESSAGE, Id, IsoDateTime, nonEmptyPatch } from './common.js';

/** The five compulsory items of every Phase 2 meeting (docs/domain.md, "Phase 2"), in agenda order. */
export const AGENDA_ITEMS = [
  'joint_risk_assessment',
  'recidivism',
  'individual_change',
  'qualitative_elements',
  'joint_action_plan',
] as const;
export type AgendaItemName = (typeof AGENDA_ITEMS)[number];
export const MEETING_MODES = ['in_person', 'remote'] as const;
export const MEETING_KINDS = ['scheduled', 'extraordinary'] as const;
export const CONCERN_LEVELS = ['low', 'medium', 'high'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;

/**
 * A victim-side writer's joint free text is compared with her recorded details before it is
 * saved (docs/domain.md, "Information-flow rules", 1); on a match the API answers 409 `her_details` and the
 * web asks. The request says `confirmHerDetails: true` once she has been asked.
 */
export const ConfirmHerDetails = z.boolean().optional();

/** `proposed`: an extraordinary meeting the system proposed, waiting for the case managers. */
export const MEETING_STATUSES = ['proposed', 'planned', 'closed', 'cancelled'] as const;

export const MeetingCreate = z.object({
  kind: z.enum(MEETING_KINDS).default('extraordinary'),
  mode: z.enum(MEETING_MODES).default('in_person'),
  scheduledFor: IsoDateTime,
  durationMinutes: z.number().int().min(15).max(480).default(60),
  place: z.string().trim().max(500).optional(),
  triggerEventId: Id.optional(),
  confirmHerDetails: ConfirmHerDetails,
});

/**
 * The case managers' answer to an extraordinary meeting the system proposed: accepted, at the
 * date and in the mode they choose (the proposal's own if left out), or declined.
 */
export const MeetingProposalDecision = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('accept'),
    scheduledFor: IsoDateTime.optional(),
    mode: z.enum(MEETING_MODES).optional(),
  }),
  z.object({ decision: z.literal('decline') }),
]);

export const AgendaItemUpdate = z
  .object({
    status: z.enum(['addressed', 'deferred']),
    notes: z.string().trim().max(8000).optional(),
    deferredReason: z.string().trim().max(2000).optional(),
    confirmHerDetails: ConfirmHerDetails,
  })
  .refine((value) => value.status !== 'deferred' || Boolean(value.deferredReason), {
    path: ['deferredReason'],
    message: 'Say why this item is deferred',
  });

export const QualitativeNoteCreate = z.object({
  concernLevel: z.enum(CONCERN_LEVELS),
  text: z.string().trim().min(1, 'Describe the danger you perceive').max(4000),
});

export const MeetingClose = z.object({
  attendance: z.array(Id).min(1, 'Record who attended'),
  minutes: z.string().trim().max(20000).optional(),
  decisions: z.string().trim().max(8000).optional(),
  /** When the meeting was actually held, if not now (before or after its planned date). */
  heldAt: IsoDateTime.optional(),
  confirmHerDetails: ConfirmHerDetails,
});

/**
 * The free text of a meeting that both sides of the joint case read: the programme sees it as
 * written (the web marks it "seen by the programme"). Her side's qualitative notes are not
 * among them: they stay on the victim side (`victimSideNotes`).
 */
export const JOINT_MEETING_FIELDS = [
  'place',
  'agenda.notes',
  'minutes',
  'decisions',
  'qualitativeNotes',
] as const;

export const MeetingAbilities = z.object({
  updateAgenda: z.boolean(),
  addNote: z.boolean(),
  close: z.boolean(),
  callExtraordinary: z.boolean(),
  addAction: z.boolean(),
  /** Accept or decline an extraordinary meeting the system proposed. */
  decideProposal: z.boolean(),
});
export type MeetingAbilities = z.infer<typeof MeetingAbilities>;

const QualitativeNoteView = z.object({
  id: Id,
  authorName: z.string(),
  authorSide: z.string(),
  concernLevel: z.enum(CONCERN_LEVELS),
  text: z.string(),
});

export const MeetingView = z.object({
  id: Id,
  jointCaseId: Id,
  caseNumber: z.string(),
  kind: z.enum(MEETING_KINDS),
  mode: z.enum(MEETING_MODES),
  scheduledFor: z.string(),
  /** When it was actually held (set on closing); the record shows this when there is one. */
  heldAt: z.string().nullable(),
  /** The zone the meeting is planned and shown in (its network's). */
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(
    z.object({
      item: z.enum(AGENDA_ITEMS),
      status: z.enum(['open', 'addressed', 'deferred']),
      notes: z.string().nullable(),
      deferredReason: z.string().nullable(),
    }),
  ),
  /** Notes both sides read (the programme's). */
  qualitativeNotes: z.array(QualitativeNoteView),
  /** Her side's notes: a field of their own, never sent to the perpetrator side. */
  victimSideNotes: z.array(QualitativeNoteView),
  /** Which free-text fields the programme reads as written. */
  seenByProgramme: z.array(z.enum(JOINT_MEETING_FIELDS)),
  attendance: z.array(z.object({ id: Id, name: z.string() })),
  /** Who runs the meeting: the two case managers and the partner-contact worker. */
  team: z.array(
    z.object({
      id: Id,
      name: z.string(),
      role: z.enum(['pp_case_manager', 'vss_case_manager', 'partner_contact_worker']),
    }),
  ),
  minutes: z.string().nullable(),
  decisions: z.string().nullable(),
  closedAt: z.string().nullable(),
  can: MeetingAbilities,
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingSummary = z.object({
  id: Id,
  jointCaseId: Id,
  caseNumber: z.string(),
  kind: z.enum(MEETING_KINDS),
  mode: z.enum(MEETING_MODES),
  scheduledFor: z.string(),
  heldAt: z.string().nullable(),
  timeZone: z.string(),
  status: z.enum(MEETING_STATUSES),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const ActionCreate = z.object({
  need: z.string().trim().min(1, 'Name the protection or support need').max(1000),
  action: z.string().trim().min(1, 'Describe the action').max(2000),
  term: IsoDate,
  responsibleAgencyId: Id,
  responsibleUserId: Id.optional(),
  childPersonId: Id.optional(),
  victimSideOnly: z.boolean().default(false),
  meetingId: Id.optional(),
  confirmHerDetails: ConfirmHerDetails,
});
export const ActionUpdate = z
  .object({
    status: z.enum(ACTION_STATUSES).optional(),
    term: IsoDate.optional(),
    responsibleUserId: Id.nullable().optional(),
    /** Marks the action reviewed in this meeting. */
    reviewedInMeetingId: Id.optional(),
  })
  .refine(nonEmptyPatch, EMPTY_PATCH_MESSAGE);
export const ActionAbilities = z.object({ update: z.boolean() });
export const ActionView = z.object({
  id: Id,
  jointCaseId: Id,
  caseNumber: z.string(),
  need: z.string(),
  action: z.string(),
  term: z.string(),
  responsibleAgencyId: Id,
  responsibleUserId: Id.nullable(),
  responsibleName: z.string().nullable(),
  childPersonId: Id.nullable(),
  victimSideOnly: z.boolean(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  lastReviewedAt: z.string().nullable(),
  lastReviewedMeetingId: Id.nullable(),
  /** Proposed when a risk level was agreed: the level action it came from ("high.call_her_safe_channel"). */
  levelActionKey: z.string().nullable(),
  can: ActionAbilities,
});
export type ActionView = z.infer<typeof ActionView>;

/** Her safety plan (docs/domain.md, "The tools"). Victim side only, never shared. */
export const SafetyPlan = z.object({
  safeCommunicationChannel: z.string().trim().max(2000).optional(),
  safeDevice: z.string().trim().max(2000).optional(),
  onlineAccounts: z.string().trim().max(4000).optional(),
  escalationConcerns: z.string().trim().max(4000).optional(),
  stoppingTheViolence: z.string().trim().max(4000).optional(),
  newAccountsAndSafeConnections: z.string().trim().max(4000).optional(),
  hisAccountability: z.string().trim().max(4000).optional(),
  protectionMeasures: z.string().trim().max(4000).optional(),
});
export type SafetyPlan = z.infer<typeof SafetyPlan>;
export const SAFETY_PLAN_KINDS = ['safety', 'it_safety'] as const;
/**
 * A step of her IT safety plan drawn in by the identification (README, "Digital violence"):
 * "document before you act" first (no itemId; the web names it), then each "yes" item's steps.
 */
export const ItSafetyStep = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  text: z.record(z.string(), z.string()).nullable(),
});
export type ItSafetyStep = z.infer<typeof ItSafetyStep>;
export const SafetyPlanView = z.object({
  kind: z.enum(SAFETY_PLAN_KINDS),
  plan: SafetyPlan,
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** IT safety plan only: the steps, and the identification they were drawn from. */
  itSafety: z
    .object({
      steps: z.array(ItSafetyStep),
      identification: z
        .object({
          id: z.string(),
          jointCaseId: z.string().nullable(),
          version: z.number().int(),
          completedOn: z.string(),
          level: z.string().nullable(),
        })
        .nullable(),
    })
    .optional(),
});
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;

/** Section B for one child, under the children's instrument (README, "Children, one by one"). */
export const ChildSectionBAnswers = z.object({
  instrumentId: z.string().min(1).max(100),
  version: z.number().int().min(1),
  answers: Answers,
  /** Items the child chose not to answer: recorded as a refusal, never as "unknown". */
  refusedItems: z.array(z.string().min(1).max(100)).max(100).default([]),
  judgedLevel: z.string().max(50).optional(),
  judgementReason: z.string().trim().min(1).max(2000).optional(),
});

export const ChildAssessmentCreate = z.object({
  jointCaseId: Id,
  assessedOn: IsoDate,
  parentConsentFrom: z.enum(['mother', 'father', 'both', 'court']),
  childInformed: z.literal(true, { message: 'The child must be told about the topics first' }),
  childToldMayWithdraw: z.literal(true, { message: 'The child must know they may stop at any time' }),
  childToldMayRefuse: z.literal(true, { message: 'The child must know they may refuse to answer' }),
  childToldHowRecorded: z.literal(true, { message: 'The child must know how answers are recorded' }),
  supportPerson: z.string().trim().max(200).optional(),
  professionalGenderChosen: z.string().trim().max(100).optional(),
  needsConsidered: z.string().trim().max(4000).optional(),
  /** Vulnerability markers the date of birth cannot give. */
  medicalNeeds: z.boolean().default(false),
  notVisibleToOthers: z.boolean().default(false),
  /** When the parents separated, if they did: the months after raise the child's risk. */
  separationOn: IsoDate.optional(),
  sectionB: ChildSectionBAnswers.optional(),
});

export const ChildMarkersView = z.object({
  /** Under the instrument's age (five in the ASAP file) on the day of the assessment. */
  underAge: z.boolean(),
  medicalNeeds: z.boolean(),
  notVisibleToOthers: z.boolean(),
  separationOn: z.string().nullable(),
  /** Today, not on the day of the assessment: the flag ends by itself when the window does. */
  withinPostSeparationWindow: z.boolean(),
});

export const ChildAssessmentView = z.object({
  id: Id,
  jointCaseId: Id,
  childPersonId: Id,
  assessedOn: z.string(),
  parentConsentFrom: z.enum(['mother', 'father', 'both', 'court']),
  childInformed: z.literal(true),
  childToldMayWithdraw: z.literal(true),
  /** Null for records made before the right to refuse was recorded on its own. */
  childToldMayRefuse: z.literal(true).nullable(),
  childToldHowRecorded: z.literal(true),
  supportPerson: z.string().optional(),
  professionalGenderChosen: z.string().optional(),
  needsConsidered: z.string().optional(),
  markers: ChildMarkersView,
  sectionB: z
    .object({
      instrumentId: z.string(),
      version: z.number().int(),
      answers: Answers,
      refusedItems: z.array(z.string()),
      computedLevel: z.string().nullable(),
      judgedLevel: z.string().nullable(),
      judgementReason: z.string().nullable(),
      level: z.string(),
    })
    .nullable(),
});

/** Each child's newest level, across the cases the reader's grants reach (the child-protection lead's view). */
export const ChildrenRiskView = z.object({
  children: z.array(
    z.object({
      childPersonId: Id,
      firstName: z.string(),
      jointCaseId: Id,
      assessedOn: z.string(),
      instrumentId: z.string(),
      version: z.number().int(),
      level: z.string(),
      markers: ChildMarkersView,
    }),
  ),
});

export const ChildrenView = z.object({
  children: z.array(
    z.object({
      id: Id,
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: z.string().nullable(),
      /** The level of the child's newest Section B, if any. */
      latestLevel: z.string().nullable(),
    }),
  ),
  sectionBOverTime: z.array(
    z.object({
      date: z.string(),
      side: z.string(),
      yesCount: z.number().int(),
      unknownCount: z.number().int(),
    }),
  ),
  actions: z.array(ActionView),
  assessments: z.array(ChildAssessmentView),
});
