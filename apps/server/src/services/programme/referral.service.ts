import type {
  AttendanceCreate,
  PpEpisodeUpdate,
  PpEpisodeView,
  PpStatus,
  ReferralCreate,
  StatusChange,
} from '@tandem/shared';
import { STATUSES_RAISING_DUTY } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError, forbidden, invalidInput } from '../../domain/errors.js';
import { enrolmentProblem, isCriticalStatus, transitionProblem } from '../../domain/programme.js';
import { ppEpisodePolicy } from '../../policy/pp-episode.policy.js';
import { raiseDuties } from '../consequences/duties.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { markReassessmentDue } from '../consequences/reassessment.js';
import { systemContextOf } from '../consequences/system-context.js';
import { episodeView, manageableEpisode } from './episode-view.js';

/**
 * His programme episode (docs/domain.md, "Referral and intake"): referral, intake details, the
 * status machine and what each move sets off, attendance.
 */
export async function refer(scope: CommandScope, input: ReferralCreate): Promise<PpEpisodeView> {
  const { actor, repos } = scope;
  if (!ppEpisodePolicy.canRefer(actor) || !actor.agencyId) {
    scope.db.refuse('pp_episode.refer', 'pp_episode');
    throw forbidden('Only a perpetrator-programme case manager records referrals');
  }
  if (input.referringAgencyId && !(await repos.directory.activeAgencyKind(input.referringAgencyId)))
    throw invalidInput('referringAgencyId', 'No such agency');
  const personId = await repos.people.insert({
    kind: 'perpetrator',
    ownerAgencyId: actor.agencyId,
    ownerSide: 'perpetrator',
    firstName: input.person.firstName,
    lastName: input.person.lastName,
    dateOfBirth: input.person.dateOfBirth,
  });
  const episode = await repos.programme.insert({
    person_id: personId,
    agency_id: actor.agencyId,
    pathway: input.pathway,
    referring_agency_id: input.referringAgencyId ?? null,
    court_order: input.order ? JSON.stringify(input.order) : null,
    referral_date: input.referralDate,
    programme_type: input.programmeType ?? null,
    planned_sessions: input.plannedSessions ?? null,
    planned_end_date: input.plannedEndDate ?? null,
    schedule: input.schedule ?? null,
    status: 'referred',
    case_manager_id: actor.userId,
  });
  await repos.programme.insertStatusChange({
    episode_id: episode.id,
    from_status: null,
    to_status: 'referred',
    changed_on: input.referralDate,
    reason: null,
    changed_by: actor.userId,
  });
  return episodeView(scope, episode.id);
}

export async function listEpisodes(
  scope: CommandScope,
  query: { limit: number; cursor?: string | undefined; status?: PpStatus | undefined },
) {
  const page = await scope.repos.programme.list(query);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      personName: `${row.first_name} ${row.last_name}`,
      status: row.status as PpStatus,
      pathway: row.pathway as PpEpisodeView['pathway'],
      referralDate: row.referral_date,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function updateEpisode(
  scope: CommandScope,
  id: string,
  changes: z.infer<typeof PpEpisodeUpdate>,
): Promise<PpEpisodeView> {
  await manageableEpisode(scope, id, 'pp_episode.update');
  await scope.repos.programme.update(
    id,
    {
      ...(changes.intakeDate !== undefined && { intake_date: changes.intakeDate }),
      ...(changes.assessment !== undefined && { assessment: changes.assessment }),
      ...(changes.programmeType !== undefined && { programme_type: changes.programmeType }),
      ...(changes.plannedSessions !== undefined && { planned_sessions: changes.plannedSessions }),
      ...(changes.plannedEndDate !== undefined && { planned_end_date: changes.plannedEndDate }),
      ...(changes.schedule !== undefined && { schedule: changes.schedule }),
    },
    'pp_episode.update',
  );
  return episodeView(scope, id);
}

/**
 * Moves the episode along the status machine. What follows is decided here, once: meetings
 * follow his status; suspension, dropout and exclusion raise a duty to inform each partner he
 * named and are critical events (the reassessment is due now).
 */
export async function changeStatus(
  scope: CommandScope,
  id: string,
  change: z.infer<typeof StatusChange>,
): Promise<PpEpisodeView> {
  const episode = await manageableEpisode(scope, id, 'pp_episode.status');
  const system = systemContextOf(scope, 'workflow_consequence');
  // Two changes at once take turns on the episode row and the second judges the status the
  // first left: one move, one set of duties to inform her, never two.
  const locked = await system.db
    .selectFrom('pp_episode')
    .select('status')
    .where('id', '=', id)
    .forNoKeyUpdate()
    .executeTakeFirstOrThrow();
  const from = locked.status as PpStatus;
  const problem = transitionProblem(from, change.to);
  if (problem) {
    throw new AppError(409, 'invalid_transition', `A programme cannot go from ${from} to ${change.to}`, [
      { path: 'to', message: problem },
    ]);
  }
  if (change.to === 'active') {
    const [release, partnersNamed] = await Promise.all([
      scope.repos.programme.release(id),
      scope.repos.programme.referralCount(id),
    ]);
    const unmet = enrolmentProblem(
      release ? { noPartnersReason: release.no_partners_reason } : null,
      partnersNamed,
    );
    if (unmet)
      throw new AppError(409, 'enrolment_condition', 'His release and his partners come before enrolment', [
        unmet,
      ]);
  }
  await scope.repos.programme.update(
    id,
    {
      status: change.to,
      ...(change.to === 'intake' && !episode.intake_date && { intake_date: change.date }),
    },
    'pp_episode.status',
  );
  await scope.repos.programme.insertStatusChange({
    episode_id: id,
    from_status: from,
    to_status: change.to,
    changed_on: change.date,
    reason: change.reason ?? null,
    changed_by: scope.actor.userId,
  });
  // Meetings run for as long as both attend: the schedule follows his status.
  const jointCases = await system.db
    .selectFrom('joint_case')
    .select('id')
    .where('pp_episode_id', '=', id)
    .execute();
  for (const jointCase of jointCases) await ensureNextMeeting(system, jointCase.id);
  if (isCriticalStatus(change.to)) await markReassessmentDue(system, id);
  if (STATUSES_RAISING_DUTY.includes(change.to)) {
    await raiseDuties(system, {
      episodeId: id,
      trigger: `status_${change.to}` as 'status_suspended',
      reason: change.reason ?? null,
      dueWorkingDays: scope.settings.dutyDueWorkingDays,
    });
  }
  return episodeView(scope, id);
}

export async function recordAttendance(
  scope: CommandScope,
  id: string,
  session: z.infer<typeof AttendanceCreate>,
): Promise<PpEpisodeView> {
  const episode = await manageableEpisode(scope, id, 'pp_episode.attendance');
  if (!['intake', 'active'].includes(episode.status))
    throw invalidInput('sessionDate', 'Attendance is recorded while the programme is at intake or active');
  if (await scope.repos.programme.hasAttendance(id, session.sessionDate))
    throw invalidInput('sessionDate', 'Attendance for this session date is already recorded');
  await scope.repos.programme.insertAttendance({
    episode_id: id,
    session_date: session.sessionDate,
    status: session.status,
    note: session.note ?? null,
    recorded_by: scope.actor.userId,
  });
  return episodeView(scope, id);
}
