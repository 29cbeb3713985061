import { PASSWORD_REFUSAL_REASONS } from '@tandem/shared';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { LOCALE_FILES } from '../../app/i18n/all-locales';
import { buildResources } from '../../app/i18n/resources';
import { translatePasswordError } from './password';

const resources = buildResources(LOCALE_FILES);
const i18n = i18next.createInstance();
await i18n.init({ lng: 'it', fallbackLng: 'en', resources, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;

describe('the answers about passwords, in the user’s words', () => {
  it('say every refusal reason of the shared list, with its numbers, at the new password', () => {
    for (const reason of PASSWORD_REFUSAL_REASONS) {
      const said = translatePasswordError(t, new ApiError(400, reason, 'English', []));
      expect(said).toBeInstanceOf(ApiError);
      const message = (said as ApiError).fieldMessage('newPassword');
      expect(message, reason).toBeTruthy();
      expect(message).not.toContain('password.refused');
      expect(message).not.toContain('{{');
    }
    const short = translatePasswordError(t, new ApiError(400, 'password_too_short', 'English'));
    expect((short as ApiError).message).toBe('Usa almeno 12 caratteri');
  });

  it('say a wrong current password at its input, and leave other errors as they came', () => {
    const wrong = new ApiError(400, 'invalid_input', 'The password is not correct', [
      { path: 'currentPassword', message: 'The password is not correct' },
    ]);
    expect((translatePasswordError(t, wrong) as ApiError).fieldMessage('currentPassword')).toBe(
      'La password non è corretta.',
    );
    const other = new ApiError(400, 'invalid_input', 'email', [{ path: 'email', message: 'x' }]);
    expect(translatePasswordError(t, other)).toBe(other);
    expect(translatePasswordError(t, 'boom')).toBe('boom');
  });
});
