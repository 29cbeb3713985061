import type { DueItem, PpStatus } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays } from '../../domain/clock.js';
import { impactSchedule, type Timepoint } from '../../domain/impact-schedule.js';
import { hasEnded } from '../../domain/programme.js';
import { DUE_SOON_DAYS, episodeDatesOf, followUpMonthsOf } from './impact.service.js';

/** The due list covers at most this many of the actor's open cases (the home page shows the first ones). */
const MAX_CASES = 200;

/** At the programme's end only the final questionnaires are asked for: missed earlier points cannot be caught up. */
const FINAL_TIMEPOINTS = new Set(['T3', 'T4']);

type CaseRow = Awaited<ReturnType<CommandScope['repos']['agreedLevels']['openCasesNamingMe']>>[number];

/**
 * Reassessments and questionnaires due in the actor's open joint cases (docs/domain.md,
 * "Critical events", "IMPACT", "End and follow-up"), for GET /api/due and the home page. The
 * cases are loaded in one query and their facts in a few set-based ones, whatever their number.
 *
 * - A reassessment a critical event raised is due now: today, not overdue the moment it is raised.
 * - At the programme's end (completed, dropped out, excluded) the closing risk assessment is
 *   due now until the case managers agree a level on or after the end, and the final
 *   questionnaires are due: T3 at the end, T4 at the network's follow-up interval.
 * - Otherwise: the first assessment of a case never assessed, the scheduled one when it nears,
 *   and the IMPACT time points of the actor's own side.
 */
export async function dueForMe(scope: CommandScope): Promise<DueItem[]> {
  const { actor, repos } = scope;
  const cases = await repos.agreedLevels.openCasesNamingMe(MAX_CASES);
  if (cases.length === 0) return [];
  const ids = cases.map((jointCase) => jointCase.id);
  const readableEpisodes = cases
    .filter((jointCase) => jointCase.pp_status !== null)
    .map((jointCase) => jointCase.pp_episode_id);
  const ownSide = actor.side === 'neutral' ? null : actor.side;
  const [assessedOn, changes, done, followUps] = await Promise.all([
    repos.agreedLevels.latestAgreedOn(ids),
    repos.programme.statusDatesOf(readableEpisodes),
    ownSide ? repos.responses.questionnaireTimepoints(ids, ownSide) : Promise.resolve([]),
    followUpsByAgency(scope, cases),
  ]);
  const answered = new Set(done.map((row) => `${row.joint_case_id}|${row.timepoint}`));
  const today = actor.today;
  const soon = addDays(today, DUE_SOON_DAYS);
  const items: DueItem[] = [];
  for (const jointCase of cases) {
    const item = (fields: Pick<DueItem, 'what' | 'timepoint' | 'dueOn' | 'overdue' | 'reason'>): DueItem => ({
      jointCaseId: jointCase.id,
      caseNumber: jointCase.case_number,
      ...fields,
    });
    const { endedOn, schedule } = scheduleOf(jointCase, changes, followUps, today);
    const ended = jointCase.pp_status !== null && hasEnded(jointCase.pp_status as PpStatus);
    const agreedOn = assessedOn.get(jointCase.id) ?? null;
    const now = { timepoint: null, dueOn: today, overdue: false } as const;
    if (ended && endedOn && !(agreedOn && agreedOn >= endedOn)) {
      items.push(
        item({
          what: 'reassessment',
          ...now,
          // Due now, from the day it ended (an end recorded ahead of time is due on that day).
          dueOn: [endedOn, today].sort()[1]!,
          reason: 'programme_end',
        }),
      );
    } else if (jointCase.reassessment_due_since) {
      items.push(item({ what: 'reassessment', ...now, reason: 'critical_event' }));
    } else if (!ended && !agreedOn) {
      items.push(item({ what: 'reassessment', ...now, reason: 'never_assessed' }));
    } else if (!ended && jointCase.next_reassessment_on && jointCase.next_reassessment_on <= soon) {
      const dueOn = jointCase.next_reassessment_on;
      items.push(
        item({ what: 'reassessment', timepoint: null, dueOn, overdue: dueOn < today, reason: 'scheduled' }),
      );
    }
    if (!ownSide) continue;
    for (const point of schedule) {
      if (ended && !FINAL_TIMEPOINTS.has(point.timepoint)) continue;
      if (point.dueOn > soon || answered.has(`${jointCase.id}|${point.timepoint}`)) continue;
      items.push(
        item({
          what: ownSide === 'perpetrator' ? 'questionnaire_him' : 'questionnaire_her',
          timepoint: point.timepoint,
          dueOn: point.dueOn,
          overdue: point.dueOn < today,
          reason: 'timepoint',
        }),
      );
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** His episode's end and the IMPACT schedule, where the actor may read his episode. */
function scheduleOf(
  jointCase: CaseRow,
  changes: ReadonlyArray<{ episode_id: string; to_status: string; changed_on: string }>,
  followUps: ReadonlyMap<string, number>,
  today: string,
): { endedOn: string | null; schedule: Timepoint[] } {
  if (jointCase.pp_status === null || jointCase.referral_date === null)
    return { endedOn: null, schedule: [] };
  const dates = episodeDatesOf(
    {
      status: jointCase.pp_status,
      referralDate: jointCase.referral_date,
      intakeDate: jointCase.intake_date,
      plannedEndDate: jointCase.planned_end_date,
    },
    changes.filter((change) => change.episode_id === jointCase.pp_episode_id),
  );
  const followUpMonths = followUps.get(jointCase.pp_agency_id);
  return {
    endedOn: dates.endedOn,
    schedule: followUpMonths === undefined ? [] : impactSchedule(dates, followUpMonths, today),
  };
}

/** The follow-up interval of each programme's network: one look-up per programme, not per case. */
async function followUpsByAgency(
  scope: CommandScope,
  cases: readonly CaseRow[],
): Promise<Map<string, number>> {
  const agencies = [...new Set(cases.map((jointCase) => jointCase.pp_agency_id))];
  const months = await Promise.all(agencies.map((agencyId) => followUpMonthsOf(scope, agencyId)));
  return new Map(agencies.map((agencyId, index) => [agencyId, months[index]!]));
}
