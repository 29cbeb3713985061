import type { routes } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../data/command-scope.js';
import type { DutyRecord, DutyResolution } from '../data/repositories/duties.repository.js';
import { AppError } from '../domain/errors.js';
import { dutyPolicy } from '../policy/duty.policy.js';

/** A duty as the API answers it: what the worker needs to reach her safely, and what they may do. */
export type DutyItem = z.infer<typeof routes.duties.done.response>;

export interface DutyQuery {
  state: 'open' | 'done' | 'closed';
  overdueOnly?: boolean | undefined;
  jointCaseId?: string | undefined;
  limit?: number | undefined;
}

/**
 * Duties to inform her (docs/domain.md, "Duties to inform her"): raised whenever a triggering fact
 * is recorded (services/consequences/duties.ts), seen and resolved only by her service. Each
 * carries her safe channel and times, whether a message may be left and the code word, which
 * the worker needs before contacting her.
 */
export async function listDuties(scope: CommandScope, query: DutyQuery): Promise<DutyItem[]> {
  const now = scope.clock.now();
  const records = await scope.repos.duties.list({
    state: query.state,
    dueBefore: query.overdueOnly ? now : undefined,
    jointCaseId: query.jointCaseId,
    limit: query.limit,
  });
  return records.map((record) => toDutyItem(scope, record, now));
}

/** She was informed (when and how), or the duty is closed without informing her (why). */
export async function resolveDuty(
  scope: CommandScope,
  id: string,
  resolution: DutyResolution,
): Promise<DutyItem> {
  const action = resolution.kind === 'done' ? 'duty.done' : 'duty.close';
  const duty = await scope.repos.duties.find(id);
  if (!duty || !dutyPolicy.canResolve(scope.actor)) throw scope.db.refuse(action, 'duty_to_inform', id);
  const alreadyResolved = () => new AppError(409, 'already_resolved', 'This duty is already resolved');
  if (duty.state !== 'open') throw alreadyResolved();
  if (!(await scope.repos.duties.resolve(id, resolution, scope.clock.now()))) throw alreadyResolved();
  const resolved = await scope.repos.duties.find(id);
  if (!resolved) throw scope.db.refuse(action, 'duty_to_inform', id);
  return toDutyItem(scope, resolved, scope.clock.now());
}

function toDutyItem(scope: CommandScope, duty: DutyRecord, now: Date): DutyItem {
  return {
    id: duty.id,
    trigger: duty.trigger,
    reason: duty.reason,
    partnerPersonId: duty.partnerPersonId,
    partnerName: duty.partnerName,
    ppEpisodeId: duty.ppEpisodeId,
    jointCaseId: duty.jointCaseId,
    raisedAt: duty.raisedAt.toISOString(),
    dueAt: duty.dueAt.toISOString(),
    overdue: duty.state === 'open' && duty.dueAt < now,
    state: duty.state,
    doneOn: duty.doneOn,
    doneHow: duty.doneHow,
    closedReason: duty.closedReason,
    safeChannel: duty.contact?.safeChannel ?? null,
    ...(duty.contact && { mayLeaveMessage: duty.contact.mayLeaveMessage }),
    ...(duty.contact?.safeTimes && { safeTimes: duty.contact.safeTimes }),
    ...(duty.contact?.codeWord && { codeWord: duty.contact.codeWord }),
    lastContactOutcome: duty.lastContactOutcome,
    can: dutyPolicy.abilities(scope.actor, duty),
  };
}
