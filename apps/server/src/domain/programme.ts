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

/**
 * His signed release and the partners he named are a condition of his enrolment (WWP EN: "a
 * condition of joining the programme"): the episode becomes active only with a release that
 * names his partners or records why it names none. Null when the condition holds.
 */
export function enrolmentProblem(
  release: { noPartnersReason: string | null } | null,
  partnersNamed: number,
): { path: string; message: string } | null {
  if (!release)
    return { path: 'release', message: 'Record his signed release before the programme becomes active' };
  if (partnersNamed === 0 && !release.noPartnersReason)
    return {
      path: 'release.partners',
      message:
        'His release names no partner: name his current and former partners, or record why he names none',
    };
  return null;
}
