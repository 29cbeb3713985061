import { Progress, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { authApi, PASSWORD_MIN_SCORE } from '@tandem/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { passwordRefusalText } from '../password';

const LEVELS = ['veryWeak', 'weak', 'fair', 'good', 'strong'] as const;
const COLOURS = ['red', 'red', 'orange', 'teal', 'green'] as const;
const DEBOUNCE_MS = 400;

/** Not about anyone once the page is left: never kept in the cache. */
export const PASSWORD_CHECK_KEY = 'password-check';

/**
 * How the server would judge the new password, while it is typed (asked once typing pauses).
 * On the one-time-link page the link's token names the account (its name and e-mail address
 * count against the password); signed in, the session does. It only informs: the server judges
 * the password again when it is saved.
 */
export function PasswordStrength({ password, token }: { password: string; token?: string | undefined }) {
  const { t } = useTranslation();
  const [typed] = useDebouncedValue(password, DEBOUNCE_MS);
  const check = useQuery({
    queryKey: [PASSWORD_CHECK_KEY, typed, token ?? null],
    queryFn: () => call(authApi.checkPassword, { body: { password: typed, ...(token && { token }) } }),
    enabled: typed.length > 0,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    placeholderData: keepPreviousData,
  });

  if (password.length === 0) return null;
  const verdict = check.data;
  const score = verdict?.score ?? 0;
  const summary = !verdict
    ? t('password.strength.checking')
    : verdict.acceptable
      ? t('password.strength.acceptable')
      : verdict.reason
        ? passwordRefusalText(t, verdict.reason)
        : t('password.strength.notYet', {
            level: t(`password.strength.levels.${LEVELS[PASSWORD_MIN_SCORE]}`),
          });

  return (
    <Stack gap={4}>
      <Progress
        value={verdict ? ((score + 1) / LEVELS.length) * 100 : 0}
        color={COLOURS[score]}
        size="sm"
        aria-label={t('password.strength.label')}
        aria-valuetext={verdict ? t(`password.strength.levels.${LEVELS[score]}`) : undefined}
      />
      <Text size="sm" aria-live="polite" data-testid="password-strength">
        {verdict && (
          <Text span fw={600}>
            {t('password.strength.level', { level: t(`password.strength.levels.${LEVELS[score]}`) })}{' '}
          </Text>
        )}
        {summary}
      </Text>
    </Stack>
  );
}
