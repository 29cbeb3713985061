import type { PasswordCheck } from '@tandem/shared';
import type { AuditRecorder } from '../../audit/audit-recorder.js';
import type { AuthStore, SessionRecord } from '../../data/auth.store.js';
import { AppError, invalidInput, unauthenticated } from '../../domain/errors.js';
import {
  judgePassword,
  type PasswordVerdict,
  passwordRefusalMessage,
} from '../../security/password-strength.js';
import { hashPassword, verifyPassword } from '../../security/passwords.js';

/**
 * Changing one's password needs the full sign-in (or the first sign-in of an account that must
 * change its password, before its second factor exists) and the current password; it ends
 * every other session of the account.
 */
export async function changeOwnPassword(
  store: AuthStore,
  audit: AuditRecorder,
  session: SessionRecord,
  current: string,
  next: string,
) {
  if (session.stage !== 'active' && session.stage !== 'password_change')
    throw unauthenticated(`${session.stage}_required`, 'Finish signing in first');
  const account = (await store.credentialsById(session.user.id))!;
  const record = (outcome: 'success' | 'failure', details?: Record<string, unknown>) =>
    audit.record({
      action: 'auth.password_change',
      outcome,
      resourceType: 'user',
      resourceId: account.id,
      ...(details && { details }),
    });
  if (!(await verifyPassword(account.passwordHash, current))) {
    record('failure', { reason: 'wrong_password' });
    throw invalidInput('currentPassword', 'The current password is not correct');
  }
  const verdict: PasswordVerdict =
    current === next
      ? {
          acceptable: false,
          reason: 'password_unchanged',
          score: 0,
          message: passwordRefusalMessage('password_unchanged'),
        }
      : judgePassword(next, account);
  if (!verdict.acceptable) {
    record('failure', { reason: verdict.reason });
    throw new AppError(400, verdict.reason, verdict.message, [
      { path: 'newPassword', message: verdict.message },
    ]);
  }
  await store.setPassword(account.id, await hashPassword(next));
  const ended = await store.deleteOtherSessionsOf(account.id, session.id);
  record('success', { otherSessionsEnded: ended });
  if (session.stage === 'password_change') {
    await store.setSessionStage(session.id, account.mfaEnrolled ? 'active' : 'mfa_enrolment');
  }
}

/** How a new password would be judged, for the strength meter (the owner's words count). */
export function checkPassword(
  password: string,
  owner: { email: string; displayName: string } | null,
): PasswordCheck {
  const verdict = judgePassword(password, owner ?? { email: '', displayName: '' });
  return verdict.acceptable
    ? { acceptable: true, score: verdict.score, reason: null, message: null }
    : { acceptable: false, score: verdict.score, reason: verdict.reason, message: verdict.message };
}
