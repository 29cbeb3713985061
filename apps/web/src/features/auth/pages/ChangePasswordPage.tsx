import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChangePasswordBody, routes, type SessionView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { type BodyOf, call } from '../../../api/client';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { PageTitle } from '../../../components/PageTitle';
import { PasswordStrength } from '../components/PasswordStrength';
import { RequireStage } from '../guards';
import { translatePasswordError } from '../password';
import { STAGE_PATHS, useSetSession } from '../session';
import { useSignOut } from '../signOut';

/** A step of signing in: the account must change its password before it continues. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signOut, pending: signingOut } = useSignOut();
  return (
    <RequireStage stage="password_change">
      {() => (
        <AuthLayout>
          <PageTitle documentTitle={t('changePassword.title')}>{t('changePassword.title')}</PageTitle>
          <ChangePasswordForm
            intro={t('changePassword.intro')}
            onChanged={(session) => navigate(STAGE_PATHS[session.stage], { replace: true })}
            cancel={
              <Button variant="subtle" onClick={() => signOut()} loading={signingOut}>
                {t('auth.cancelAndSignOut')}
              </Button>
            }
          />
        </AuthLayout>
      )}
    </RequireStage>
  );
}

/** Signed in: one's own password, changed with the current one; every other session ends. */
export function OwnPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack maw={520}>
      <PageTitle documentTitle={t('ownPassword.title')}>{t('ownPassword.title')}</PageTitle>
      <ChangePasswordForm
        intro={t('ownPassword.intro')}
        onChanged={() => {
          notifications.show({ color: 'indigo', message: t('ownPassword.changed') });
          navigate('/', { replace: true });
        }}
        cancel={
          <Button variant="default" onClick={() => navigate(-1)}>
            {t('common.cancel')}
          </Button>
        }
      />
    </Stack>
  );
}

function ChangePasswordForm({
  intro,
  onChanged,
  cancel,
}: {
  intro: string;
  onChanged: (session: SessionView) => void;
  cancel: ReactNode;
}) {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const change = useMutation({
    mutationFn: (body: BodyOf<typeof routes.auth.changePassword>) =>
      call(routes.auth.changePassword, { body }),
    onSuccess: (session) => {
      setSession(session);
      onChanged(session);
    },
  });
  // The new password differs from the current one, and is typed twice alike.
  const schema = useMemo(
    () =>
      ChangePasswordBody.extend({ repeat: z.string() })
        .refine((value) => value.newPassword !== value.currentPassword, {
          path: ['newPassword'],
          message: t('changePassword.mustDiffer'),
        })
        .refine((value) => value.repeat === value.newPassword, {
          path: ['repeat'],
          message: t('changePassword.mismatch'),
        }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    onSubmit: async ({ currentPassword, newPassword }) => {
      try {
        await change.mutateAsync({ currentPassword, newPassword });
      } catch (error) {
        throw translatePasswordError(t, error);
      }
    },
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <Text>{intro}</Text>
        <PasswordInput
          label={t('changePassword.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <Stack gap="xs">
          <PasswordInput
            label={t('changePassword.new')}
            description={t('changePassword.newHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrength password={form.values.newPassword} />
        </Stack>
        <PasswordInput
          label={t('changePassword.repeat')}
          autoComplete="new-password"
          required
          {...form.getInputProps('repeat')}
        />
        <SchemaFormAlert form={form} />
        <Group justify="space-between">
          {cancel}
          <Button type="submit" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
