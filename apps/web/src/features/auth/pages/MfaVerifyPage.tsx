import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { MfaVerifyBody, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { PageTitle } from '../../../components/PageTitle';
import { RequireStage } from '../guards';
import { clearEverythingBut, STAGE_PATHS, setSignOutReason, useSetSession } from '../session';
import { useSignOut } from '../signOut';

export function MfaVerifyPage() {
  return <RequireStage stage="mfa_verify">{() => <MfaVerifyForm />}</RequireStage>;
}

/** The two ways of proving the second factor: the app's code, or a recovery code. */
const [CODE, RECOVERY] = MfaVerifyBody.options;

function MfaVerifyForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const queryClient = useQueryClient();
  const { signOut, pending: signingOut } = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);

  const verify = useMutation({
    mutationFn: (body: MfaVerifyBody) => call(routes.auth.verifySecondFactor, { body }),
    onSuccess: (session) => {
      setSession(session);
      navigate(STAGE_PATHS[session.stage], { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'account_locked') {
        // Too many wrong codes: the server has ended this session.
        setSignOutReason('locked');
        clearEverythingBut(queryClient, null);
        navigate('/sign-in', { replace: true });
      }
    },
  });
  const form = useSchemaForm({
    schema: useRecovery ? RECOVERY : CODE,
    initialValues: { code: '', recoveryCode: '' },
    // Only the field on screen is sent.
    toInput: ({ code, recoveryCode }) => (useRecovery ? { recoveryCode } : { code }),
    onSubmit: async (body) => {
      try {
        await verify.mutateAsync(body);
      } catch (error) {
        form.setValues({ code: '', recoveryCode: '' });
        throw error;
      }
    },
  });
  const code = form.getInputProps('code');

  const switchMode = () => {
    setUseRecovery((r) => !r);
    form.reset();
    form.clearErrors();
    verify.reset();
  };

  return (
    <AuthLayout>
      <PageTitle documentTitle={t('mfa.title')}>{t('mfa.title')}</PageTitle>
      <form onSubmit={form.submit} noValidate>
        <Stack>
          <Text>{useRecovery ? t('mfa.recoveryIntro') : t('mfa.intro')}</Text>
          {useRecovery ? (
            <TextInput
              key="recovery"
              label={t('mfa.recoveryLabel')}
              description={t('mfa.recoveryHint')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              {...form.getInputProps('recoveryCode')}
            />
          ) : (
            <TextInput
              key="code"
              label={t('mfa.codeLabel')}
              description={t('mfa.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              {...code}
              onChange={(e) => code.onChange(e.currentTarget.value.replace(/\D/g, ''))}
            />
          )}
          <SchemaFormAlert form={form} messages={{ invalid_credentials: t('mfa.wrongCode') }} />
          <Button type="submit" loading={verify.isPending}>
            {t('mfa.submit')}
          </Button>
          <Group justify="space-between">
            <Anchor component="button" type="button" size="sm" onClick={switchMode}>
              {useRecovery ? t('mfa.useApp') : t('mfa.useRecovery')}
            </Anchor>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => signOut()}
              disabled={signingOut}
            >
              {t('auth.cancelAndSignOut')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
