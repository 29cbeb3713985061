import {
  Alert,
  Anchor,
  Button,
  Code,
  Collapse,
  Divider,
  Loader,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { LoginBody, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { listFormat, roleLabel } from '../../../app/i18n/labels';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { FormAlert } from '../../../components/FormAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../../components/forms/validation';
import { PageTitle } from '../../../components/PageTitle';
import { usePublicConfig } from '../api';
import { clearSignOutReason, peekSignOutReason, STAGE_PATHS, useSession, useSetSession } from '../session';

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [reason] = useState(peekSignOutReason);
  useEffect(() => clearSignOutReason(), []);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const login = useMutation({
    mutationFn: (body: LoginBody) => call(routes.auth.login, { body }),
    onSuccess: (next) => {
      setSession(next);
      navigate(STAGE_PATHS[next.stage], { replace: true });
    },
    onError: (error) => {
      setPassword('');
      if (isApiError(error)) setErrors(serverFieldErrors(error.fields));
    },
  });

  if (session.data && !login.isPending) {
    const stage = session.data.stage;
    return <Navigate to={STAGE_PATHS[stage]} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(LoginBody, { email, password }, t);
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) login.mutate(result.data);
  };

  return (
    <AuthLayout>
      <PageTitle documentTitle={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      <Stack>
        {reason && !login.error && (
          <Alert color={reason === 'locked' ? 'red' : 'indigo'} variant="light" role="status">
            {t(`signIn.reason.${reason}`)}
          </Alert>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.email}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <FormAlert error={login.error} shownFields={['email', 'password']} title={t('signIn.failed')} />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('signIn.help')}
        </Text>
        <DemoAccounts
          onUse={(account, demoPassword) => {
            setEmail(account);
            setPassword(demoPassword);
            setErrors({});
          }}
        />
      </Stack>
    </AuthLayout>
  );
}

function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const { t, i18n } = useTranslation();
  const config = usePublicConfig();
  const [open, setOpen] = useState(false);
  const panelId = useId();

  if (config.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!config.data?.demoMode) return null;
  const { demoAccounts, demoPassword } = config.data;

  return (
    <>
      <Divider />
      <Alert color="red" variant="light" title={t('demo.title')} role="note">
        {t('demo.signInWarning')}
      </Alert>
      <Button
        variant="default"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('demo.hideAccounts') : t('demo.showAccounts')}
      </Button>
      <Collapse expanded={open} id={panelId}>
        <Stack gap="xs">
          {demoPassword && (
            <Text size="sm">
              {t('demo.password')} <Code>{demoPassword}</Code>
            </Text>
          )}
          <Table.ScrollContainer minWidth={360}>
            <Table striped withTableBorder fz="sm">
              <Table.Caption>{t('demo.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('demo.account')}</Table.Th>
                  <Table.Th>{t('demo.roleAndAgency')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {demoAccounts.map((account) => (
                  <Table.Tr key={account.email}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => onUse(account.email, demoPassword ?? '')}
                        aria-label={t('demo.use', { email: account.email })}
                      >
                        {account.email}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {account.displayName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {listFormat(
                          i18n.language,
                          account.roles.map((role) => roleLabel(t, role)),
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {account.agencyName ?? t('layout.noAgency')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Collapse>
    </>
  );
}
