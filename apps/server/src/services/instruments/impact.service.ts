import type { ImpactView, PpStatus } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import type { ResponseRecord } from '../../data/repositories/responses.repository.js';
import { addDays } from '../../domain/clock.js';
import { type EpisodeDates, impactSchedule, type Timepoint } from '../../domain/impact-schedule.js';
import { hasEnded } from '../../domain/programme.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { type InstrumentCase, instrumentCase, QUESTIONNAIRE } from './case-of-instrument.js';

/** A time point is listed as due this many days before its date. */
export const DUE_SOON_DAYS = 14;
/** The network's follow-up interval when the network names none (docs/domain.md: six months). */
const DEFAULT_FOLLOW_UP_MONTHS = 6;

/** His episode's dates as the IMPACT schedule reads them, from its status history (oldest first). */
export function episodeDatesOf(
  episode: NonNullable<InstrumentCase['episode']>,
  changes: ReadonlyArray<{ to_status: string; changed_on: string }>,
): EpisodeDates {
  return {
    referralDate: episode.referralDate,
    intakeDate: episode.intakeDate,
    activeSince: changes.find((change) => change.to_status === 'active')?.changed_on ?? null,
    endedOn: changes.find((change) => hasEnded(change.to_status as PpStatus))?.changed_on ?? null,
    plannedEndDate: episode.plannedEndDate,
  };
}

/** The network's follow-up interval for T4, from the network of the case's programme. */
export async function followUpMonthsOf(scope: CommandScope, ppAgencyId: string): Promise<number> {
  const network = await scope.repos.directory.networkOf(ppAgencyId);
  return network?.impact_follow_up_months ?? DEFAULT_FOLLOW_UP_MONTHS;
}

async function scheduleOf(scope: CommandScope, jointCase: InstrumentCase): Promise<Timepoint[]> {
  // His episode's dates reach the reader with his episode (his programme; others through his release).
  if (!jointCase.episode) return [];
  const [changes, followUpMonths] = await Promise.all([
    scope.repos.programme.statusDates(jointCase.ppEpisodeId),
    followUpMonthsOf(scope, jointCase.ppAgencyId),
  ]);
  return impactSchedule(episodeDatesOf(jointCase.episode, changes), followUpMonths, scope.actor.today);
}

/**
 * IMPACT time points T0-T4 with his and her scores (docs/domain.md, "IMPACT questionnaires").
 * Her questionnaires are hers: off her service only with her consent to share risk information
 * (the policy hides the rows otherwise). Whether a point is due is judged on what the reader can
 * see, so it never tells the programme whether she has answered.
 */
export async function impactView(scope: CommandScope, jointCaseId: string): Promise<ImpactView> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'impact.read', 'questionnaires');
  const [schedule, rows] = await Promise.all([
    scheduleOf(scope, jointCase),
    scope.repos.responses.ofCase(jointCase.id, QUESTIONNAIRE),
  ]);
  const herWithheld = !jointCase.reader.herRiskShared;
  const today = scope.actor.today;
  const summary = (row: ResponseRecord | undefined) =>
    row
      ? {
          responseId: row.id,
          completedOn: row.completedOn,
          score: row.computedScore,
          areaScores: row.areaScores,
        }
      : null;
  return {
    points: schedule.map((point) => {
      const at = (side: string) =>
        rows.filter((row) => row.ownerSide === side && row.timepoint === point.timepoint).at(-1);
      const him = at('perpetrator');
      const her = herWithheld ? undefined : at('victim');
      const missing = !him || (!herWithheld && !her);
      return {
        timepoint: point.timepoint,
        dueOn: point.dueOn,
        him: summary(him),
        her: summary(her),
        herWithheld,
        due: missing && point.dueOn <= addDays(today, DUE_SOON_DAYS),
        overdue: missing && point.dueOn < today,
      };
    }),
    can: {
      recordFor: instrumentPolicy.questionnaireFor(scope.actor, jointCase.reader),
      answerSources: instrumentPolicy.answerSources(scope.actor),
    },
  };
}
