import type { ActionCreate, ActionUpdate, ActionView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { ActionChange } from '../../data/repositories/actions.repository.js';
import { AppError, forbidden, invalidInput } from '../../domain/errors.js';
import { actionPolicy } from '../../policy/meeting.policy.js';
import { guardHerDetails } from './her-details-guard.js';

/**
 * The joint action plan (docs/domain.md, "Phase 2"): need → action → term → responsible person
 * and agency, status, reviewed at each meeting. Overdue actions surface to their owner and to
 * both case managers. Her own safety measures ("victim side only") are recorded and read on
 * the victim side only; every other row is joint, so its text is checked against her details.
 */
type ActionRow = NonNullable<Awaited<ReturnType<CommandScope['repos']['actions']['find']>>>;

const LIST_LIMIT = 500;

function toActionView(scope: CommandScope, row: ActionRow): ActionView {
  const open = row.status === 'open' || row.status === 'in_progress';
  return {
    id: row.id,
    jointCaseId: row.joint_case_id,
    caseNumber: row.case_number,
    need: row.need,
    action: row.action,
    term: row.term,
    responsibleAgencyId: row.responsible_agency_id,
    responsibleUserId: row.responsible_user_id,
    responsibleName: row.responsible_name,
    childPersonId: row.child_person_id,
    victimSideOnly: row.victim_side_only,
    status: row.status as ActionView['status'],
    overdue: open && row.term < scope.actor.today,
    lastReviewedAt: row.last_reviewed_at ? new Date(row.last_reviewed_at).toISOString() : null,
    lastReviewedMeetingId: row.last_reviewed_meeting_id,
    levelActionKey: row.level_action_key,
    can: actionPolicy.abilities(scope.actor, { victimSideOnly: row.victim_side_only }),
  };
}

async function actionView(scope: CommandScope, id: string, action: string): Promise<ActionView> {
  const row = await scope.repos.actions.find(id);
  if (!row) throw scope.db.refuse(action, 'action_item', id);
  return toActionView(scope, row);
}

/** The action plan of a joint case as the actor may see it (the page, the PDFs, the children's view). */
export async function actionsOfCase(scope: CommandScope, jointCaseId: string): Promise<ActionView[]> {
  if (!(await scope.repos.meetings.jointCase(jointCaseId)))
    throw scope.db.refuse('action.list', 'joint_case', jointCaseId);
  const rows = await scope.repos.actions.list({ jointCaseId, limit: LIST_LIMIT });
  return rows.map((row) => toActionView(scope, row));
}

/** For the home page: open actions past their term that the actor owns or whose case they manage. */
export async function overdueActionsForMe(scope: CommandScope): Promise<ActionView[]> {
  const rows = await scope.repos.actions.list({
    overdueFor: { userId: scope.actor.userId, before: scope.actor.today },
    limit: LIST_LIMIT,
  });
  return rows.map((row) => toActionView(scope, row));
}

async function assertResponsible(scope: CommandScope, agencyId: string, userId: string | null | undefined) {
  if (!userId) return;
  if ((await scope.repos.actions.activeStaffAgency(userId)) !== agencyId) {
    throw invalidInput('responsibleUserId', 'Choose an active person of the responsible agency');
  }
}

async function assertMeetingOfCase(
  scope: CommandScope,
  meetingId: string | undefined,
  jointCaseId: string,
  path: string,
) {
  if (meetingId && !(await scope.repos.meetings.belongsToCase(meetingId, jointCaseId))) {
    throw invalidInput(path, 'No such meeting in this joint case');
  }
}

export async function createAction(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof ActionCreate>,
): Promise<ActionView> {
  const { repos, actor } = scope;
  const jointCase = await repos.meetings.jointCase(jointCaseId);
  if (!jointCase) throw scope.db.refuse('action.create', 'joint_case', jointCaseId);
  // A closed case's plan is its record (the page offers no "add" there either).
  if (!actionPolicy.canAdd(actor, jointCase.status) && actionPolicy.canWork(actor))
    throw new AppError(409, 'case_closed', 'This joint case is closed: its action plan is its record');
  if (!actionPolicy.canWrite(actor, input)) {
    scope.audit.record({
      action: 'action.create',
      outcome: 'denied',
      resourceType: 'joint_case',
      resourceId: jointCaseId,
    });
    throw forbidden(
      input.victimSideOnly
        ? 'Only the victim side records her own safety measures'
        : 'Case managers record actions',
    );
  }
  if (!(await repos.directory.agencyKind(input.responsibleAgencyId)))
    throw invalidInput('responsibleAgencyId', 'No such agency');
  await assertResponsible(scope, input.responsibleAgencyId, input.responsibleUserId);
  if (input.childPersonId && !(await repos.actions.isChildOfCase(jointCaseId, input.childPersonId))) {
    throw invalidInput('childPersonId', 'No such child in this joint case');
  }
  await assertMeetingOfCase(scope, input.meetingId, jointCaseId, 'meetingId');
  if (!input.victimSideOnly) {
    await guardHerDetails(
      scope,
      jointCaseId,
      [
        { path: 'need', text: input.need },
        { path: 'action', text: input.action },
      ],
      input.confirmHerDetails,
    );
  }
  const id = await repos.actions.insert({
    jointCaseId,
    need: input.need,
    action: input.action,
    term: input.term,
    responsibleAgencyId: input.responsibleAgencyId,
    responsibleUserId: input.responsibleUserId ?? null,
    childPersonId: input.childPersonId ?? null,
    victimSideOnly: input.victimSideOnly,
    meetingId: input.meetingId ?? null,
    reviewedAt: input.meetingId ? scope.clock.now() : null,
  });
  return actionView(scope, id, 'action.create');
}

/** Status, term, responsible person; reviewed in a meeting. */
export async function updateAction(
  scope: CommandScope,
  actionId: string,
  input: z.infer<typeof ActionUpdate>,
): Promise<ActionView> {
  const current = await scope.repos.actions.find(actionId);
  if (!current || !actionPolicy.canWrite(scope.actor, { victimSideOnly: current.victim_side_only })) {
    throw scope.db.refuse('action.update', 'action_item', actionId);
  }
  await assertResponsible(scope, current.responsible_agency_id, input.responsibleUserId);
  await assertMeetingOfCase(scope, input.reviewedInMeetingId, current.joint_case_id, 'reviewedInMeetingId');
  const set: ActionChange = {
    ...(input.status !== undefined && { status: input.status }),
    ...(input.term !== undefined && { term: input.term }),
    ...(input.responsibleUserId !== undefined && { responsible_user_id: input.responsibleUserId }),
    ...(input.reviewedInMeetingId !== undefined && {
      last_reviewed_meeting_id: input.reviewedInMeetingId,
      last_reviewed_at: scope.clock.now(),
    }),
  };
  if (Object.keys(set).length === 0) return toActionView(scope, current);
  if (!(await scope.repos.actions.update(actionId, set)))
    throw scope.db.refuse('action.update', 'action_item', actionId);
  return actionView(scope, actionId, 'action.update');
}
