import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { MfaVerifyBody, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { FormAlert } from '../../../components/FormAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../../components/forms/validation';
import { PageTitle } from '../../../components/PageTitle';
import { RequireStage } from '../guards';
import { clearEverythingBut, STAGE_PATHS, setSignOutReason, useSetSession } from '../session';
import { useSignOut } from '../signOut';

export function MfaVerifyPage() {
  return <RequireStage stage="mfa_verify">{() => <MfaVerifyForm />}</RequireStage>;
}

function MfaVerifyForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const queryClient = useQueryClient();
  const { signOut, pending: signingOut } = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const field = useRecovery ? 'recoveryCode' : 'code';

  const verify = useMutation({
    mutationFn: (body: MfaVerifyBody) => call(routes.auth.verifySecondFactor, { body }),
    onSuccess: (session) => {
      setSession(session);
      navigate(STAGE_PATHS[session.stage], { replace: true });
    },
    onError: (error) => {
      setValue('');
      if (isApiError(error) && error.code === 'account_locked') {
        // Too many wrong codes: the server has ended this session.
        setSignOutReason('locked');
        clearEverythingBut(queryClient, null);
        navigate('/sign-in', { replace: true });
        return;
      }
      if (isApiError(error)) setErrors(serverFieldErrors(error.fields));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(MfaVerifyBody, { [field]: value }, t);
    if (!result.ok) {
      // A union reports both branches: show the message for the field on screen.
      setErrors({
        [field]: result.errors[field] ?? t(useRecovery ? 'validation.recoveryCode' : 'validation.totpCode'),
      });
      return;
    }
    setErrors({});
    verify.mutate(result.data);
  };

  const switchMode = () => {
    setUseRecovery((r) => !r);
    setValue('');
    setErrors({});
    verify.reset();
  };

  return (
    <AuthLayout>
      <PageTitle documentTitle={t('mfa.title')}>{t('mfa.title')}</PageTitle>
      <form onSubmit={onSubmit} noValidate>
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
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              error={errors.recoveryCode}
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
              value={value}
              onChange={(e) => setValue(e.currentTarget.value.replace(/\D/g, ''))}
              error={errors.code}
            />
          )}
          <FormAlert
            error={verify.error}
            shownFields={[field]}
            messages={{ invalid_credentials: t('mfa.wrongCode') }}
          />
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
