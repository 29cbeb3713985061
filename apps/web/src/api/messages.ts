import type { Translate } from '../components/forms/translateIssue';
import { isApiError } from './errors';

/** Error codes with a message of our own, in the user's language. Others show the server's text. */
const TRANSLATED_CODES = new Set([
  'invalid_credentials',
  'account_locked',
  'rate_limited',
  'network_error',
  'not_found',
  'forbidden',
  'csrf_failed',
  'wrong_stage',
]);

/**
 * The sentence to show for a failed request. `overrides` lets a page word a code for its context
 * (a wrong authenticator code also answers `invalid_credentials`).
 */
export function errorMessage(error: unknown, t: Translate, overrides: Record<string, string> = {}): string {
  if (!isApiError(error)) return t('errors.unexpected');
  const override = overrides[error.code];
  if (override) return override;
  if (TRANSLATED_CODES.has(error.code)) return t(`errors.${error.code}`);
  if (error.status >= 500) return t('errors.server');
  if (error.status === 403) return t('errors.forbidden');
  if (error.code.startsWith('http_')) return t('errors.unexpected');
  return error.message;
}
