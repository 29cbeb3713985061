import type { JointCaseClose, JointCaseView, PpStatus } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError } from '../../domain/errors.js';
import { ENDED_STATUSES, hasEnded } from '../../domain/programme.js';
import { jointCasePolicy } from '../../policy/joint-case.policy.js';
import { recomputeGrants } from '../consequences/access-grants.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { systemContextOf } from '../consequences/system-context.js';
import { type ReadCase, readCase } from './case-reader.service.js';
import { jointCaseView } from './case-view.js';

/** The sides whose final (T3) questionnaire closes the case: his and hers. */
const FINAL_QUESTIONNAIRE_SIDES = ['perpetrator', 'victim'] as const;

/**
 * Closes the joint case (docs/domain.md, "End and follow-up"). Its two case managers close it;
 * what flowed through it stops at once (the grants are recomputed) and so do its meetings.
 */
export async function closeJointCase(
  scope: CommandScope,
  id: string,
  input: z.infer<typeof JointCaseClose>,
): Promise<JointCaseView> {
  const read = await readCase(scope, id, 'joint_case.close');
  if (!jointCasePolicy.canClose(scope.actor, read.reader))
    throw scope.db.refuse('joint_case.close', 'joint_case', id);
  if (read.row.status === 'closed')
    throw new AppError(409, 'already_closed', 'This joint case is already closed');
  const missing = await closingProblems(scope, read);
  const reason = input.closingReason?.trim() || null;
  if (missing.length > 0 && !reason) {
    throw new AppError(
      409,
      'closing_incomplete',
      `His programme has ended: record ${missing.join(' and ')} first, or the reason the case closes without them`,
      [
        {
          path: 'closingReason',
          message: `Missing: ${missing.join(', ')}. Record why the case closes without them`,
        },
      ],
    );
  }
  const closed = await scope.repos.jointCases.close(id, {
    closedOn: scope.actor.today,
    closedBy: scope.actor.userId,
    reason: missing.length > 0 ? reason : null,
  });
  if (!closed) throw scope.db.refuse('joint_case.close', 'joint_case', id);
  await recomputeGrants(systemContextOf(scope, 'grant_computation'), read.row.pp_episode_id);
  await ensureNextMeeting(systemContextOf(scope, 'workflow_consequence'), id);
  return jointCaseView(scope, id);
}

/**
 * The one rule of closing at the programme's end: once his programme has ended (completed,
 * dropped out, excluded), the closing risk assessment (an agreed level or a risk checklist dated
 * on or after the end) and the final questionnaires (T3, for him and for her) come first. What
 * is missing, as the closer can see it; nothing while his programme runs.
 */
export async function closingProblems(scope: CommandScope, read: ReadCase): Promise<string[]> {
  const { repos } = scope;
  const episode = await repos.programme.find(read.row.pp_episode_id);
  if (!episode || !hasEnded(episode.status as PpStatus)) return [];
  const endedOn = (await repos.programme.statusDates(episode.id))
    .filter((change) => ENDED_STATUSES.includes(change.to_status as PpStatus))
    .map((change) => change.changed_on)
    .at(-1);
  if (!endedOn) return [];
  const records = await repos.jointCases.closingRecords(read.row.id, endedOn);
  const missing: string[] = [];
  if (!records.riskAssessed) missing.push('the closing risk assessment');
  for (const side of FINAL_QUESTIONNAIRE_SIDES) {
    if (!records.finalQuestionnaireSides.includes(side))
      missing.push(side === 'perpetrator' ? 'his final (T3) questionnaire' : 'her final (T3) questionnaire');
  }
  return missing;
}
