import { authApi, type SessionStage, type SessionView } from '@tandem/shared';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { isApiError } from '../../api/errors';
import { setServerCalendar } from '../../components/format';

export const SESSION_KEY = ['session'] as const;

/** Survives a reload in this tab, so "you were signed out" can be told even after one. */
const SIGNED_IN_FLAG = 'tandem.signedIn';
const SIGN_OUT_REASON = 'tandem.signOutReason';

export type SignOutReason = 'idle' | 'signed_out' | 'signed_out_everywhere' | 'locked';
const REASONS: readonly string[] = ['idle', 'signed_out', 'signed_out_everywhere', 'locked'];

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await call(authApi.session);
    setServerCalendar(session);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Store a SessionView the server just returned (sign-in, password change, MFA, preferences). */
export function setSession(queryClient: QueryClient, session: SessionView | null): void {
  queryClient.setQueryData(SESSION_KEY, session);
  if (session) {
    setServerCalendar(session);
    rememberSignedIn();
  }
}

export function useSetSession() {
  const queryClient = useQueryClient();
  return (session: SessionView | null) => setSession(queryClient, session);
}

export function rememberSignedIn(): void {
  try {
    sessionStorage.setItem(SIGNED_IN_FLAG, '1');
  } catch {
    // Storage can be unavailable (private mode); the message after a timeout is then best effort.
  }
}

export function wasSignedIn(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_IN_FLAG) === '1';
  } catch {
    return false;
  }
}

export function setSignOutReason(reason: SignOutReason | null): void {
  try {
    sessionStorage.removeItem(SIGNED_IN_FLAG);
    if (reason) sessionStorage.setItem(SIGN_OUT_REASON, reason);
    else sessionStorage.removeItem(SIGN_OUT_REASON);
  } catch {
    // see above
  }
}

export function peekSignOutReason(): SignOutReason | null {
  try {
    const reason = sessionStorage.getItem(SIGN_OUT_REASON);
    return reason && REASONS.includes(reason) ? (reason as SignOutReason) : null;
  } catch {
    return null;
  }
}

/** The sign-in page shows the reason once, then forgets it. */
export function clearSignOutReason(): void {
  try {
    sessionStorage.removeItem(SIGN_OUT_REASON);
  } catch {
    // see above
  }
}

/**
 * The server ended the session (idle timeout, signed out elsewhere, deactivated): forget every
 * cached answer, and say why on the sign-in page if this tab was signed in.
 */
export function handleSessionEnded(queryClient: QueryClient): void {
  const hadSession = Boolean(queryClient.getQueryData(SESSION_KEY)) || wasSignedIn();
  if (!hadSession) return; // nobody was signed in: nothing to forget, nothing to explain
  setSignOutReason('idle');
  clearEverythingBut(queryClient, null);
}

/** Drops all cached data (case data must not linger after sign-out) and sets the session. */
export function clearEverythingBut(queryClient: QueryClient, session: SessionView | null): void {
  const personal = (q: { queryKey: readonly unknown[] }) => !KEPT_QUERIES.has(String(q.queryKey[0]));
  void queryClient.cancelQueries({ predicate: personal });
  queryClient.removeQueries({ predicate: personal });
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Not about anyone: survive a sign-out. */
const KEPT_QUERIES = new Set<string>([SESSION_KEY[0], 'public-config']);

/**
 * Where each stage of signing in happens. A signed-in session always starts on its own home:
 * no page survives a sign-out, so the next user never lands on the last user's page (with its
 * record id in the address).
 */
export const STAGE_PATHS: Record<SessionStage, string> = {
  password_change: '/sign-in/password',
  mfa_enrolment: '/sign-in/mfa-setup',
  mfa_verify: '/sign-in/mfa',
  active: '/',
};
