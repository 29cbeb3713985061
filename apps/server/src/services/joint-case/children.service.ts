import type { ChildAssessmentCreate, ChildrenView, JointCaseView } from '@tandem/shared';
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
 * free to withdraw and told how answers are kept (the schema refuses a record where they were
 * not). Her side and child protection assess children; the programme never does.
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
  const created = await repos.children.insertAssessment({
    child_person_id: childId,
    joint_case_id: input.jointCaseId,
    assessed_on: input.assessedOn,
    parent_consent_from: input.parentConsentFrom,
    child_informed: input.childInformed,
    child_told_may_withdraw: input.childToldMayWithdraw,
    child_told_how_recorded: input.childToldHowRecorded,
    supportPerson: input.supportPerson,
    professionalGenderChosen: input.professionalGenderChosen,
    needsConsidered: input.needsConsidered,
    owner_agency_id: actor.agencyId,
    owner_side: actor.side,
    recorded_by: actor.userId,
  });
  return { id: created.id };
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
  return {
    children: children.map((child) => ({
      id: child.id,
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
    })),
    sectionBOverTime: sectionB,
    actions: actions.filter((action) => action.childPersonId !== null),
    assessments: assessments.map((row) => ({
      id: row.id,
      jointCaseId: row.joint_case_id,
      childPersonId: row.child_person_id,
      assessedOn: row.assessed_on,
      parentConsentFrom: row.parent_consent_from as ChildAssessment['parentConsentFrom'],
      childInformed: true as const,
      childToldMayWithdraw: true as const,
      childToldHowRecorded: true as const,
      ...(row.supportPerson && { supportPerson: row.supportPerson }),
      ...(row.professionalGenderChosen && { professionalGenderChosen: row.professionalGenderChosen }),
      ...(row.needsConsidered && { needsConsidered: row.needsConsidered }),
    })),
  };
}
