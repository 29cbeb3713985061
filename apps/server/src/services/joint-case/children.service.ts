import type {
  ChildAssessmentCreate,
  ChildAssessmentView,
  ChildrenRiskView,
  ChildrenView,
  ChildVulnerabilityMarkers,
  JointCaseView,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError, conflict, invalidInput } from '../../domain/errors.js';
import { jointCasePolicy } from '../../policy/joint-case.policy.js';
import { recomputeGrants } from '../consequences/access-grants.js';
import { systemContextOf } from '../consequences/system-context.js';
import { sectionOverTime } from '../instruments/section-over-time.js';
import { actionsOfCase } from '../meetings/action-plan.service.js';
import { type ReadCase, readCase } from './case-reader.service.js';
import { jointCaseView } from './case-view.js';
import { markersOf, type ScoredSectionB, scoreChildSectionB } from './child-section-b.js';

type ChildAssessment = z.infer<typeof ChildAssessmentCreate>;

/**
 * The children of a joint case (docs/domain.md, "Joint case" and "The tools"): added and taken
 * off at any time by the two sides that run it — what flows about each child follows at once
 * (the grants are recomputed in the same transaction) — and the record of how each was assessed.
 */
export async function addChild(
  scope: CommandScope,
  jointCaseId: string,
  childId: string,
): Promise<JointCaseView> {
  const read = await changeableCase(scope, jointCaseId, 'joint_case.child_add');
  if ((await scope.repos.people.find(childId))?.kind !== 'child')
    throw invalidInput('childId', 'No such child in your reach');
  if ((await scope.repos.children.childIdsOf(jointCaseId)).includes(childId))
    throw conflict('childId', 'This child is already on the joint case');
  await scope.repos.children.add(jointCaseId, [childId]);
  await recomputeGrants(systemContextOf(scope, 'grant_computation'), read.row.pp_episode_id);
  return jointCaseView(scope, jointCaseId);
}

/** The child's records (assessments, actions) stay; what flowed about the child through the case stops. */
export async function removeChild(
  scope: CommandScope,
  jointCaseId: string,
  childId: string,
): Promise<JointCaseView> {
  const read = await changeableCase(scope, jointCaseId, 'joint_case.child_remove');
  if (!(await scope.repos.children.remove(jointCaseId, childId)))
    throw scope.db.refuse('joint_case.child_remove', 'person', childId, { jointCaseId });
  await recomputeGrants(systemContextOf(scope, 'grant_computation'), read.row.pp_episode_id);
  return jointCaseView(scope, jointCaseId);
}

async function changeableCase(scope: CommandScope, jointCaseId: string, action: string): Promise<ReadCase> {
  const read = await readCase(scope, jointCaseId, action);
  if (!jointCasePolicy.canChangeChildren(scope.actor, read.reader))
    throw scope.db.refuse(action, 'joint_case', jointCaseId);
  if (read.row.status !== 'open') throw new AppError(409, 'case_closed', 'This joint case is closed');
  return read;
}

/**
 * A record that the principles were followed: the parent's consent first, the child informed,
 * free to withdraw and to refuse to answer, and told how answers are kept (the schema refuses a
 * record where they were not) — with the child's own Section B, if it was asked, and the
 * markers that make the child more vulnerable. Her side and child protection assess children;
 * the programme never does.
 */
export async function recordChildAssessment(
  scope: CommandScope,
  childId: string,
  input: ChildAssessment,
): Promise<{ id: string }> {
  const { actor, repos } = scope;
  const child = await repos.people.find(childId);
  const inCase =
    child?.kind === 'child' && (await repos.children.childIdsOf(input.jointCaseId)).includes(childId);
  if (!inCase || !jointCasePolicy.canAssessChildren(actor) || !actor.agencyId)
    throw scope.db.refuse('child_assessment.record', 'person', childId, { jointCaseId: input.jointCaseId });
  if (input.separationOn && input.separationOn > input.assessedOn)
    throw invalidInput('separationOn', 'A separation is recorded once it has happened');
  const facts = {
    dateOfBirth: child.dateOfBirth,
    medicalNeeds: input.medicalNeeds,
    notVisibleToOthers: input.notVisibleToOthers,
    separationOn: input.separationOn ?? null,
  };
  const instrument = input.sectionB
    ? { instrumentId: input.sectionB.instrumentId, version: input.sectionB.version }
    : null;
  const markers = await markersOf(scope, instrument, facts, input.assessedOn);
  const sectionB: ScoredSectionB | null = input.sectionB
    ? await scoreChildSectionB(scope, input.sectionB, markers)
    : null;
  const created = await repos.children.insertAssessment({
    child_person_id: childId,
    joint_case_id: input.jointCaseId,
    assessed_on: input.assessedOn,
    parent_consent_from: input.parentConsentFrom,
    child_informed: input.childInformed,
    child_told_may_withdraw: input.childToldMayWithdraw,
    child_told_may_refuse: input.childToldMayRefuse,
    child_told_how_recorded: input.childToldHowRecorded,
    supportPerson: input.supportPerson,
    professionalGenderChosen: input.professionalGenderChosen,
    needsConsidered: input.needsConsidered,
    under_age: markers.underAge,
    medical_needs: input.medicalNeeds,
    not_visible_to_others: input.notVisibleToOthers,
    separation_on: input.separationOn ?? null,
    instrument_id: sectionB?.instrumentId ?? null,
    version: sectionB?.version ?? null,
    answers: sectionB?.answers,
    refused_items: sectionB?.refusedItems ?? [],
    computed_level: sectionB?.computedLevel ?? null,
    judged_level: sectionB?.judgedLevel ?? null,
    judgementReason: sectionB?.judgementReason,
    level: sectionB?.level ?? null,
    owner_agency_id: actor.agencyId,
    owner_side: actor.side,
    recorded_by: actor.userId,
  });
  return { id: created.id };
}

type AssessmentRecord = Awaited<ReturnType<CommandScope['repos']['children']['assessments']>>[number];

/**
 * The markers of a record as they stand today: under age and the child's needs as assessed, the
 * post-separation window judged on today, so the flag ends by itself when the window does.
 */
function todaysMarkers(scope: CommandScope) {
  const memo = new Map<string, Promise<ChildVulnerabilityMarkers>>();
  return async (row: AssessmentRecord) => {
    const instrument =
      row.instrument_id && row.version ? { instrumentId: row.instrument_id, version: row.version } : null;
    const key = `${instrument?.instrumentId}:${instrument?.version}:${row.separation_on}`;
    let window = memo.get(key);
    if (!window) {
      window = markersOf(
        scope,
        instrument,
        {
          dateOfBirth: null,
          medicalNeeds: false,
          notVisibleToOthers: false,
          separationOn: row.separation_on,
        },
        scope.actor.today,
      );
      memo.set(key, window);
    }
    return {
      underAge: row.under_age,
      medicalNeeds: row.medical_needs,
      notVisibleToOthers: row.not_visible_to_others,
      separationOn: row.separation_on,
      withinPostSeparationWindow: (await window).withinPostSeparationWindow,
    };
  };
}

function assessmentView(
  row: AssessmentRecord,
  markers: z.input<typeof ChildAssessmentView>['markers'],
): z.input<typeof ChildAssessmentView> {
  return {
    id: row.id,
    jointCaseId: row.joint_case_id,
    childPersonId: row.child_person_id,
    assessedOn: row.assessed_on,
    parentConsentFrom: row.parent_consent_from as ChildAssessment['parentConsentFrom'],
    childInformed: true as const,
    childToldMayWithdraw: true as const,
    childToldMayRefuse: row.child_told_may_refuse ? (true as const) : null,
    childToldHowRecorded: true as const,
    ...(row.supportPerson && { supportPerson: row.supportPerson }),
    ...(row.professionalGenderChosen && { professionalGenderChosen: row.professionalGenderChosen }),
    ...(row.needsConsidered && { needsConsidered: row.needsConsidered }),
    markers,
    sectionB:
      row.instrument_id && row.version && row.answers && row.level
        ? {
            instrumentId: row.instrument_id,
            version: row.version,
            answers: row.answers,
            refusedItems: row.refused_items,
            computedLevel: row.computed_level,
            judgedLevel: row.judged_level,
            judgementReason: row.judgementReason,
            level: row.level,
          }
        : null,
  };
}

/** The children's page of a case: who they are, Section B over time, their actions, how each was assessed. */
export async function childrenOfCase(
  scope: CommandScope,
  jointCaseId: string,
): Promise<z.input<typeof ChildrenView>> {
  const { repos } = scope;
  const jointCase = await repos.jointCases.find(jointCaseId);
  if (!jointCase) throw scope.db.refuse('joint_case.children', 'joint_case', jointCaseId);
  const [childIds, sectionB, actions, assessments] = await Promise.all([
    repos.children.childIdsOf(jointCaseId),
    sectionOverTime(scope, jointCaseId, 'b_children'),
    actionsOfCase(scope, jointCaseId),
    repos.children.assessments(jointCaseId),
  ]);
  const children = await repos.people.findMany(childIds);
  const markersToday = todaysMarkers(scope);
  const latestLevel = (childId: string) =>
    assessments.filter((row) => row.child_person_id === childId && row.level !== null).at(-1)?.level ?? null;
  return {
    children: children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
      latestLevel: latestLevel(child.id),
    })),
    sectionBOverTime: sectionB,
    actions: actions.filter((action) => action.childPersonId !== null),
    assessments: await Promise.all(
      assessments.map(async (row) => assessmentView(row, await markersToday(row))),
    ),
  };
}

/**
 * The child-protection lead's view: each child's newest level and markers, across every case
 * whose agreement gives the reader's agency the children — the read policy of the records and of
 * the child's person row decides which; nothing about where the child is (no school, no address).
 */
export async function childrenRiskLevels(scope: CommandScope): Promise<z.input<typeof ChildrenRiskView>> {
  if (!jointCasePolicy.canAssessChildren(scope.actor))
    throw scope.db.refuse('child_assessment.levels', 'person');
  const newest = await scope.repos.children.newestScoredPerChild();
  const people = new Map(
    (await scope.repos.people.findMany(newest.map((row) => row.child_person_id))).map((child) => [
      child.id,
      child,
    ]),
  );
  const markersToday = todaysMarkers(scope);
  const children: z.input<typeof ChildrenRiskView>['children'] = [];
  for (const row of newest) {
    const child = people.get(row.child_person_id);
    if (!child || !row.instrument_id || !row.version || !row.level) continue;
    children.push({
      childPersonId: child.id,
      firstName: child.firstName,
      jointCaseId: row.joint_case_id,
      assessedOn: row.assessed_on,
      instrumentId: row.instrument_id,
      version: row.version,
      level: row.level,
      markers: await markersToday(row),
    });
  }
  return { children };
}
