import type { MeetingCreate, MeetingProposalDecision, MeetingView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { conflict, forbidden, invalidInput } from '../../domain/errors.js';
import { meetingPolicy } from '../../policy/meeting.policy.js';
import { guardHerDetails } from './her-details-guard.js';
import { meetingView } from './meeting-view.js';

/**
 * An extraordinary meeting, after a critical event or whenever the case managers need one
 * (docs/domain.md, "Phase 2"), in person or remote. It is planned in the zone of the case's
 * network, like the scheduled ones, and carries the five compulsory agenda items.
 */
export async function callMeeting(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof MeetingCreate>,
): Promise<MeetingView> {
  const { repos } = scope;
  const jointCase = await repos.meetings.jointCase(jointCaseId);
  if (!jointCase) throw scope.db.refuse('meeting.create', 'joint_case', jointCaseId);
  const team = {
    ppCaseManagerId: jointCase.pp_case_manager_id,
    vssCaseManagerId: jointCase.vss_case_manager_id,
    partnerContactWorkerId: jointCase.partner_contact_worker_id,
  };
  if (!meetingPolicy.runs(scope.actor, team)) {
    scope.audit.record({
      action: 'meeting.create',
      outcome: 'denied',
      resourceType: 'joint_case',
      resourceId: jointCaseId,
    });
    throw forbidden('The case managers of the joint case call its meetings');
  }
  if (jointCase.status !== 'open') throw invalidInput('jointCaseId', 'The joint case is closed');
  if (
    input.triggerEventId &&
    !(await repos.meetings.criticalEventOfEpisode(input.triggerEventId, jointCase.pp_episode_id))
  ) {
    throw invalidInput('triggerEventId', 'No such critical event in this case');
  }
  // The schedule keeps one planned scheduled meeting per case; another is called as extraordinary.
  if (input.kind === 'scheduled' && (await repos.meetings.hasPlannedScheduled(jointCaseId))) {
    throw conflict(
      'kind',
      'The next scheduled meeting of this case is already planned: call an extraordinary one',
    );
  }
  await guardHerDetails(scope, jointCaseId, [{ path: 'place', text: input.place }], input.confirmHerDetails);
  const network = await repos.directory.networkOf(jointCase.pp_agency_id);
  const id = await repos.meetings.insert({
    jointCaseId,
    kind: input.kind,
    mode: input.mode,
    scheduledFor: new Date(input.scheduledFor),
    timeZone: network?.time_zone ?? scope.actor.timeZone,
    durationMinutes: input.durationMinutes,
    place: input.place ?? null,
    triggerEventId: input.triggerEventId ?? null,
  });
  return meetingView(scope, id);
}

/**
 * The case managers' answer to an extraordinary meeting the system proposed (after an
 * escalation trigger, or a critical event at high risk): accepted, it is planned like any other
 * — at the date they choose, or the one proposed; declined, it is cancelled.
 */
export async function decideMeetingProposal(
  scope: CommandScope,
  meetingId: string,
  input: z.infer<typeof MeetingProposalDecision>,
): Promise<MeetingView> {
  const action = 'meeting.decide_proposal';
  const row = await scope.repos.meetings.find(meetingId);
  if (!row) throw scope.db.refuse(action, 'case_meeting', meetingId);
  const team = {
    ppCaseManagerId: row.pp_case_manager_id,
    vssCaseManagerId: row.vss_case_manager_id,
    partnerContactWorkerId: row.partner_contact_worker_id,
  };
  if (!meetingPolicy.runs(scope.actor, team)) {
    scope.audit.record({ action, outcome: 'denied', resourceType: 'case_meeting', resourceId: meetingId });
    throw forbidden('The case managers of the joint case decide on its meetings');
  }
  if (
    !meetingPolicy.canDecideProposal(scope.actor, team, { status: row.status, caseStatus: row.case_status })
  )
    throw conflict('decision', 'This meeting no longer awaits a decision: reload the case');
  const decided = await scope.repos.meetings.decideProposal(
    meetingId,
    input.decision === 'decline'
      ? { status: 'cancelled' }
      : {
          status: 'planned',
          ...(input.scheduledFor && { scheduled_for: new Date(input.scheduledFor) }),
          ...(input.mode && { mode: input.mode }),
        },
  );
  if (!decided) throw conflict('decision', 'This meeting no longer awaits a decision: reload the case');
  return meetingView(scope, meetingId);
}
