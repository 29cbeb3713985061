import {
  Alert,
  Button,
  Collapse,
  Divider,
  Loader,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { authApi, LoginBody } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
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

  const login = useMutation({
    mutationFn: (body: LoginBody) => call(authApi.login, { body }),
    onSuccess: (next) => {
      setSession(next);
      navigate(STAGE_PATHS[next.stage], { replace: true });
    },
  });
  const form = useSchemaForm({
    schema: LoginBody,
    initialValues: { email: '', password: '' },
    onSubmit: async (body) => {
      try {
        await login.mutateAsync(body);
      } catch (error) {
        // A refused password is not kept on the screen.
        form.setFieldValue('password', '');
        throw error;
      }
    },
  });

  // The answers of a refused sign-in, in the user's words (one answer for every wrong password).
  const failure = form.serverError;
  const wait = isApiError(failure) ? failure.retryAfterSeconds : null;
  const messages = {
    sign_in_throttled:
      wait === null ? t('signIn.throttledNoWait') : t('signIn.throttled', { count: Math.max(1, wait) }),
    credential_link_required: t('signIn.linkRequired'),
    mfa_verify_required: t('signIn.mfaRequired'),
  };

  if (session.data && !login.isPending) {
    const stage = session.data.stage;
    return <Navigate to={STAGE_PATHS[stage]} replace />;
  }

  return (
    <AuthLayout>
      <PageTitle documentTitle={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      <Stack>
        {reason && !login.error && (
          <Alert color={reason === 'locked' ? 'red' : 'indigo'} variant="light" role="status">
            {t(`signIn.reason.${reason}`)}
          </Alert>
        )}
        <form onSubmit={form.submit} noValidate>
          <Stack>
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <SchemaFormAlert form={form} title={t('signIn.failed')} messages={messages} />
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
            form.setValues({ email: account, password: demoPassword });
            form.clearErrors();
          }}
        />
      </Stack>
    </AuthLayout>
  );
}

// Demo mode only, and only once asked for: the table's code stays out of the sign-in page's download.
const DemoAccountTable = lazy(() =>
  import('../components/DemoAccountTable').then((module) => ({ default: module.DemoAccountTable })),
);

function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const { t } = useTranslation();
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
          {open && (
            <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
              <DemoAccountTable accounts={demoAccounts} password={demoPassword} onUse={onUse} />
            </Suspense>
          )}
        </Stack>
      </Collapse>
    </>
  );
}
