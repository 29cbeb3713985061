import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  credentials: { email: string; displayName: string; temporaryPassword: string } | null;
  onClose: () => void;
}

/** The temporary password is shown once, here: the server keeps only its hash. */
export function TemporaryPasswordModal({ credentials, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={credentials !== null}
      onClose={onClose}
      title={t('users.temporaryPassword.title')}
      centered
      closeOnClickOutside={false}
    >
      {credentials && (
        <Stack>
          <Text>
            {t('users.temporaryPassword.intro', {
              name: credentials.displayName,
              email: credentials.email,
            })}
          </Text>
          <div>
            <Text size="sm" fw={600} id="temporary-password-label">
              {t('users.temporaryPassword.label')}
            </Text>
            <Code
              block
              fz="lg"
              data-testid="temporary-password"
              aria-labelledby="temporary-password-label"
              style={{ userSelect: 'all', letterSpacing: '0.05em' }}
            >
              {credentials.temporaryPassword}
            </Code>
          </div>
          <Alert color="yellow" variant="light" title={t('users.temporaryPassword.onceTitle')} role="note">
            {t('users.temporaryPassword.onceBody')}
          </Alert>
          <Group justify="flex-end">
            <CopyButton value={credentials.temporaryPassword}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('common.copied') : t('users.temporaryPassword.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
