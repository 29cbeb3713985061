import { z } from 'zod';
import {
  AGREEMENT_LEVELS,
  AGREEMENT_RECEIVABLE_KINDS,
  CRITICAL_EVENT_KINDS,
  DUTY_STATES,
  DUTY_TRIGGERS,
  INFORMATION_KINDS,
  INFORMATION_SOURCES,
  JOINT_CASE_STATES,
} from '../casework-enums.js';
import { ROLES } from '../enums.js';
import { IsoDate, PersonView, PpEpisodeView } from './casework-people.js';
import { DutyAbilities, DutyContactHints, PartnerContactView, VictimFileView } from './casework-victim.js';
import { Id, PageQuery, RequiredText } from './common.js';
import { DueItem } from './instruments-api.js';
import { ActionView, ConfirmHerDetails, MeetingSummary } from './meetings-api.js';
import { SeriousHarmWorkItem } from './serious-harm.js';

const Text = (max = 4000) => z.string().trim().max(max);

export const AgreementParty = z.object({
  agencyId: Id,
  signatoryName: RequiredText('the signatory'),
  signedOn: IsoDate,
  /** What this agency may receive under the agreement. */
  receives: z.array(z.enum(AGREEMENT_RECEIVABLE_KINDS)).default([]),
});

const AgreementContent = z.object({
  title: RequiredText('a title', 300),
  legislativeFramework: Text().optional(),
  principles: Text().optional(),
  scope: Text().optional(),
  objectives: Text().optional(),
  commitments: Text().optional(),
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
  parties: z.array(AgreementParty).min(2, 'An agreement needs at least two agencies'),
});

export const AgreementCreate = AgreementContent.extend({
  level: z.enum(AGREEMENT_LEVELS),
  networkId: Id.optional(),
}).superRefine((value, ctx) => {
  if (value.level === 'organisation' && !value.networkId) {
    ctx.addIssue({
      code: 'custom',
      path: ['networkId'],
      message: 'An organisation-level agreement belongs to a network',
    });
  }
  if (value.level === 'case' && !value.validTo) {
    ctx.addIssue({
      code: 'custom',
      path: ['validTo'],
      message: 'A case-level agreement is limited in time: give an end date',
    });
  }
  if (value.validTo && value.validTo < value.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'The end date is before the start date' });
  }
});

export const AgreementView = AgreementContent.extend({
  id: Id,
  level: z.enum(AGREEMENT_LEVELS),
  networkId: Id.nullable(),
  jointCaseId: Id.nullable(),
  parties: z.array(AgreementParty.extend({ receives: z.array(z.enum(AGREEMENT_RECEIVABLE_KINDS)) })),
  legislativeFramework: z.string().nullable(),
  principles: z.string().nullable(),
  scope: z.string().nullable(),
  objectives: z.string().nullable(),
  commitments: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type AgreementView = z.infer<typeof AgreementView>;
export const AgreementListQuery = PageQuery.extend({ networkId: Id.optional() });

export const Phase1MeetingCreate = z.object({
  networkId: Id,
  heldOn: IsoDate,
  agencyIds: z.array(Id).min(2, 'A Phase 1 meeting brings at least two agencies together'),
  participants: z.array(RequiredText('who took part')).min(1, 'List who took part').max(100),
  topics: Text().min(1, 'Record the topics'),
  outcomes: Text().min(1, 'Record the outcomes'),
});
export const Phase1MeetingView = Phase1MeetingCreate.extend({ id: Id });

export const JointCaseCreate = z.object({
  ppEpisodeId: Id,
  vssEpisodeId: Id,
  /** Her consent with scope joint_case, still in force. */
  consentId: Id,
  childIds: z.array(Id).max(20).default([]),
  ppCaseManagerId: Id,
  vssCaseManagerId: Id,
  partnerContactWorkerId: Id.optional(),
  agreement: z.object({
    title: RequiredText('a title', 300).default('Case-level agreement'),
    validFrom: IsoDate,
    validTo: IsoDate,
    /** Further agencies (police, probation, child protection…) and what each may receive. */
    otherParties: z
      .array(z.object({ agencyId: Id, receives: z.array(z.enum(AGREEMENT_RECEIVABLE_KINDS)) }))
      .default([]),
  }),
});

export const CriticalEventCreate = z.object({
  kind: z.enum(CRITICAL_EVENT_KINDS),
  occurredOn: IsoDate,
  source: z.enum(INFORMATION_SOURCES),
  sourceAgencyId: Id.optional(),
  description: Text().min(1, 'Describe what happened'),
});
/** A critical event on his episode; about her (her id), it stays on the victim side. */
export const CriticalEventRecord = CriticalEventCreate.extend({ aboutPartnerId: Id.optional() });
/** A critical event an escalation trigger raised: which trigger, and the figures that made it fire. */
export const EscalationTriggerFired = z.object({
  triggerId: z.string(),
  facts: z.record(z.string(), z.union([z.number(), z.string()])),
});
export const CriticalEventView = z.object({
  id: Id,
  /**
   * `escalation`: raised by a trigger of the rules file; `his_risk_factor`: by an answer about
   * his risk (instruments/raises.ts). Neither is recorded by hand.
   */
  kind: z.enum([...CRITICAL_EVENT_KINDS, 'escalation', 'his_risk_factor']),
  occurredOn: z.string(),
  /** For the perpetrator side, what came from her reads "another source". */
  source: z.enum([...INFORMATION_SOURCES, 'another_source']),
  description: z.string(),
  recordedBySide: z.string(),
  trigger: EscalationTriggerFired.nullable(),
});

const InformalContactFields = z.object({
  occurredOn: IsoDate,
  withWhom: RequiredText('who you spoke with'),
  summary: Text().min(1, 'Summarise the contact'),
});
/** Joint text: the programme reads it as written, so it is checked against her recorded details. */
export const InformalContactCreate = InformalContactFields.extend({ confirmHerDetails: ConfirmHerDetails });
export const InformalContactView = InformalContactFields.extend({ id: Id, recordedBy: z.string() });

export const SharedItemView = z.object({
  id: Id,
  sharedOn: z.string(),
  content: z.string(),
  /** "her" only for recipients allowed to know; otherwise "another source". */
  attribution: z.enum(['her', 'another_source']),
});

export const DutyView = z.object({
  id: Id,
  trigger: z.enum(DUTY_TRIGGERS),
  reason: z.string().nullable(),
  partnerPersonId: Id,
  partnerName: z.string(),
  ppEpisodeId: Id,
  jointCaseId: Id.nullable(),
  raisedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  state: z.enum(DUTY_STATES),
  doneOn: z.string().nullable(),
  doneHow: z.string().nullable(),
  closedReason: z.string().nullable(),
  /** Her safe channel, so the worker knows how to reach her. */
  safeChannel: z.string().nullable(),
  /** The outcome of her latest partner contact about this programme (e.g. she declined). */
  lastContactOutcome: z.enum(['reached', 'declined', 'unreachable']).nullable(),
  ...DutyContactHints.shape,
  can: DutyAbilities,
});
export type DutyView = z.infer<typeof DutyView>;
export const DutyListQuery = z.object({ state: z.enum(DUTY_STATES).default('open') });
export const DutyDone = z.object({ doneOn: IsoDate, how: Text(2000).min(1, 'Say how she was informed') });
export const DutyClose = z.object({ reason: Text(2000).min(1, 'Record why she was not informed') });

/** A child joins the joint case after it was opened. */
export const JointCaseChildAdd = z.object({ childId: Id });
export const JointCaseChildParams = z.object({ id: Id, childId: Id });

/**
 * Closing the joint case. Once his programme has ended, the closing risk assessment and the
 * final questionnaires (T3) come first; closing without them needs the reason recorded.
 */
export const JointCaseClose = z
  .object({ closingReason: Text(2000).min(1, 'Record why the case closes without them').optional() })
  .default({});

/** What the actor may do with this joint case (the server decides again on every request). */
export const JointCaseAbilities = z.object({
  close: z.boolean(),
  recordEvent: z.boolean(),
  recordInformalContact: z.boolean(),
  addChild: z.boolean(),
  removeChild: z.boolean(),
  recordChildAssessment: z.boolean(),
  /** Call an extraordinary meeting from the case's list of meetings. */
  callMeeting: z.boolean(),
  /** Add to the action plan outside a meeting. */
  addAction: z.boolean(),
  /** Her digital-violence identification (her service's victim side only). */
  identifyDigitalViolence: z.boolean(),
});
export type JointCaseAbilities = z.infer<typeof JointCaseAbilities>;

export const JointCaseSummary = z.object({
  id: Id,
  caseNumber: z.string(),
  status: z.enum(JOINT_CASE_STATES),
  reassessmentDue: z.boolean(),
  createdAt: z.string(),
});

/**
 * The case page: each section is present only when the policy lets this user see it.
 * The perpetrator side gets no victim section at all.
 */
export const JointCaseView = z.object({
  id: Id,
  caseNumber: z.string(),
  status: z.enum(JOINT_CASE_STATES),
  reassessmentDueSince: z.string().nullable(),
  ppCaseManager: z.string().nullable(),
  vssCaseManager: z.string().nullable(),
  partnerContactWorker: z.string().nullable(),
  agreementId: Id,
  myAccess: z.array(z.enum(INFORMATION_KINDS)),
  perpetratorSide: PpEpisodeView.nullable(),
  victimSide: VictimFileView.nullable(),
  children: z.array(PersonView),
  events: z.array(CriticalEventView),
  informalContacts: z.array(InformalContactView),
  sharedItems: z.array(SharedItemView),
  duties: z.array(DutyView),
  partnerContacts: z.array(PartnerContactView),
  can: JointCaseAbilities,
});
export type JointCaseView = z.infer<typeof JointCaseView>;

export const AccessLogEntry = z.object({
  occurredAt: z.string(),
  actorUserId: Id.nullable(),
  actorName: z.string().nullable(),
  actorAgencyId: Id.nullable(),
  action: z.string(),
  outcome: z.string(),
  basis: z.record(z.string(), z.unknown()).nullable(),
});

/** A colleague as the staff directory shows them: name and roles, nothing else. */
export const StaffView = z.object({
  id: Id,
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  agencyId: Id,
});
export type StaffView = z.infer<typeof StaffView>;

/** A partner newly named to her service, not yet contacted (the partner-contact worker's list). */
export const NewReferralItem = z.object({
  referralId: Id,
  ppEpisodeId: Id,
  partnerPersonId: Id,
  partnerName: z.string(),
  relationship: z.enum(['current', 'former']),
  referredAt: z.string(),
});
export type NewReferralItem = z.infer<typeof NewReferralItem>;

/**
 * A partner named to the actor's service who has no open support episode and no safety plan: the
 * programme's partner-contact worker (always on the victim side) still sees that she has one
 * (WWP EN: "ensuring that there is safety planning for the victim"). Not listed once she declined.
 */
export const SafetyPlanDueItem = z.object({
  ppEpisodeId: Id,
  partnerPersonId: Id,
  partnerName: z.string(),
  relationship: z.enum(['current', 'former']),
  referredAt: z.string(),
});
export type SafetyPlanDueItem = z.infer<typeof SafetyPlanDueItem>;

export const HomeView = z.object({
  /** Reassessments and IMPACT questionnaires due or overdue in my joint cases. */
  due: z.array(DueItem),
  duties: z.array(DutyView),
  overdueDuties: z.array(DutyView),
  reassessmentsDue: z.array(JointCaseSummary),
  myCases: z.array(JointCaseSummary),
  meetingsThisWeek: z.array(MeetingSummary),
  overdueActions: z.array(ActionView),
  /** For the partner-contact worker: partners newly referred to her service, awaiting first contact. */
  newReferrals: z.array(NewReferralItem).optional(),
  /** For the partner-contact worker: named partners without support or a safety plan. */
  safetyPlansDue: z.array(SafetyPlanDueItem).optional(),
  /** For her case managers: serious-harm shares awaiting a decision, or her being told of one. */
  seriousHarm: z.array(SeriousHarmWorkItem).optional(),
});
export type HomeView = z.infer<typeof HomeView>;
