import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { ChangePasswordBody, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BodyOf, call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { FormAlert } from '../../../components/FormAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../../components/forms/validation';
import { PageTitle } from '../../../components/PageTitle';
import { RequireStage } from '../guards';
import { STAGE_PATHS, useSetSession } from '../session';
import { useSignOut } from '../signOut';

export function ChangePasswordPage() {
  return <RequireStage stage="password_change">{() => <ChangePasswordForm />}</RequireStage>;
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const { signOut, pending: signingOut } = useSignOut();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const change = useMutation({
    mutationFn: (body: BodyOf<typeof routes.auth.changePassword>) =>
      call(routes.auth.changePassword, { body }),
    onSuccess: (session) => {
      setSession(session);
      navigate(STAGE_PATHS[session.stage], { replace: true });
    },
    onError: (error) => {
      if (isApiError(error)) setErrors(serverFieldErrors(error.fields));
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(ChangePasswordBody, { currentPassword, newPassword }, t);
    const next: FieldErrors = result.ok ? {} : { ...result.errors };
    if (!next.newPassword && newPassword === currentPassword)
      next.newPassword = t('changePassword.mustDiffer');
    if (!next.newPassword && repeat !== newPassword) next.repeat = t('changePassword.mismatch');
    setErrors(next);
    if (result.ok && Object.keys(next).length === 0) change.mutate(result.data);
  };

  return (
    <AuthLayout>
      <PageTitle documentTitle={t('changePassword.title')}>{t('changePassword.title')}</PageTitle>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text>{t('changePassword.intro')}</Text>
          <PasswordInput
            label={t('changePassword.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <PasswordInput
            label={t('changePassword.new')}
            description={t('changePassword.newHint')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNewPassword(e.currentTarget.value)}
            error={errors.newPassword}
          />
          <PasswordInput
            label={t('changePassword.repeat')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
          />
          <FormAlert error={change.error} shownFields={['currentPassword', 'newPassword']} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => signOut()} loading={signingOut}>
              {t('auth.cancelAndSignOut')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
