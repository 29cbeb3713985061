import { PP_TRANSITIONS, type PpStatus, STATUSES_RAISING_DUTY } from '@tandem/shared';

/**
 * His programme episode as a life cycle (docs/domain.md, "Referral and intake" and "End and
 * follow-up"). The statuses and the allowed moves live in the shared contract (PP_TRANSITIONS);
 * what each status means for the case is decided here, once.
 */

/** The programme is over: meetings stop, the closing assessment and T3/T4 fall due. */
export const ENDED_STATUSES: readonly PpStatus[] = ['completed', 'dropped_out', 'excluded'];

export const hasEnded = (status: PpStatus): boolean => ENDED_STATUSES.includes(status);

/** Final statuses cannot be left: the web app asks for confirmation before moving to one. */
export const isFinal = (status: PpStatus): boolean => PP_TRANSITIONS[status].length === 0;

/**
 * He stopped attending, was suspended or excluded (STATUSES_RAISING_DUTY): she must be told (a
 * duty to inform her), and it is a critical event — the reassessment of risk is due at once.
 */
export const isCriticalStatus = (status: PpStatus): boolean => STATUSES_RAISING_DUTY.includes(status);

export function transitionProblem(from: PpStatus, to: PpStatus): string | null {
  if (PP_TRANSITIONS[from].includes(to)) return null;
  const allowed = PP_TRANSITIONS[from];
  return allowed.length ? `From ${from} it can go to: ${allowed.join(', ')}` : `${from} is final`;
}
