/**
 * The server counts idleness from the session's last recorded request, and records a request
 * at most once a minute. The client therefore ends the session a little early (never late), and
 * warns before that.
 */
export interface IdlePlan {
  /** Seconds, from the last request, after which the client signs out. */
  signOutAfter: number;
  /** Seconds of warning before that. */
  warnFor: number;
}

export function idlePlan(idleTimeoutSeconds: number): IdlePlan {
  const slack = Math.min(60, Math.floor(idleTimeoutSeconds / 10));
  const signOutAfter = idleTimeoutSeconds - slack;
  return { signOutAfter, warnFor: Math.min(60, Math.floor(signOutAfter / 2)) };
}

/** Seconds left before the client signs out, counted from the last request. */
export function secondsLeft(lastActivity: number, signOutAfterSeconds: number, now: number): number {
  return Math.max(0, Math.ceil((lastActivity + signOutAfterSeconds * 1000 - now) / 1000));
}
