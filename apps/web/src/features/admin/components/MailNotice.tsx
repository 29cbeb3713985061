import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/i18n/labels';

/**
 * What the last change sent by e-mail: a one-time link went to the account's owner (never shown
 * here), or the change was saved and its e-mail could not be sent — then the link can be sent
 * again (the reset route issues a new one, which replaces the first).
 */
export type MailNotice =
  | { kind: 'linkSent'; name: string; email: string; expiresAt: string }
  | { kind: 'linkNotSent'; name: string; email: string; resend: 'reset-password' | 'reset-mfa' }
  | { kind: 'notSent'; message: string };

export function MailNoticeAlert({
  notice,
  onClose,
  onResend,
  resending,
}: {
  notice: MailNotice;
  onClose: () => void;
  /** Absent while the account is not found in the list. */
  onResend: (() => void) | undefined;
  resending: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (notice.kind === 'linkSent')
    return (
      <Alert color="indigo" variant="light" role="status" withCloseButton onClose={onClose}>
        {t('users.linkSent', {
          name: notice.name,
          email: notice.email,
          date: formatDateTime(i18n.language, notice.expiresAt),
        })}
      </Alert>
    );
  if (notice.kind === 'notSent')
    return (
      <Alert color="orange" variant="light" role="alert" withCloseButton onClose={onClose}>
        {notice.message}
      </Alert>
    );
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('users.mailNotSentTitle')}
      withCloseButton
      onClose={onClose}
    >
      <Text size="sm">{t('users.linkNotSent', { name: notice.name, email: notice.email })}</Text>
      <Group mt="sm">
        <Button size="xs" onClick={onResend} disabled={!onResend} loading={resending}>
          {t('users.sendAgain')}
        </Button>
      </Group>
    </Alert>
  );
}
