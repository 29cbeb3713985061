import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_REFUSAL_REASONS } from '@tandem/shared';
import { ApiError, isApiError } from '../../api/errors';
import type { Translate } from '../../components/forms/translateIssue';

const isRefusalReason = (code: string) => (PASSWORD_REFUSAL_REASONS as readonly string[]).includes(code);

/** Why a new password is refused (a reason of the shared list), in the user's words. */
export const passwordRefusalText = (t: Translate, reason: string) =>
  t(`password.refused.${reason}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

/**
 * The server's answers about passwords, in the user's words at their inputs: a refused new
 * password (400 with one of the shared reasons, at `newPassword`) and a wrong current password
 * (400 naming `currentPassword`). Any other error as it came.
 */
export function translatePasswordError(t: Translate, error: unknown): unknown {
  if (!isApiError(error)) return error;
  if (isRefusalReason(error.code)) {
    const message = passwordRefusalText(t, error.code);
    return new ApiError(error.status, error.code, message, [{ path: 'newPassword', message }]);
  }
  if (error.code === 'invalid_input' && error.fieldMessage('currentPassword')) {
    const message = t('password.wrongCurrent');
    return new ApiError(error.status, error.code, message, [{ path: 'currentPassword', message }]);
  }
  return error;
}
