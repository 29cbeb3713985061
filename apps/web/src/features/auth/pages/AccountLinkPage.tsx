import { Alert, Anchor, Button, Center, Group, Loader, PasswordInput, Stack, Text } from '@mantine/core';
import {
  CredentialLinkToken,
  type CredentialLinkView,
  NewPassword,
  routes,
  type SessionView,
} from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { type BodyOf, call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { formatDateTime } from '../../../app/i18n/labels';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { FormAlert } from '../../../components/FormAlert';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { PageTitle } from '../../../components/PageTitle';
import { PasswordStrength } from '../components/PasswordStrength';
import { translatePasswordError } from '../password';
import { clearEverythingBut, rememberSignedIn, STAGE_PATHS } from '../session';

const LINK_INVALID = 'credential_link_invalid';

/**
 * The token of a one-time link is in the address's fragment (`/account-link#<token>`), which the
 * browser never sends to a server; it is read once and taken out of the address bar and the
 * history, then sent only in the body of the two requests that need it.
 */
function readToken(): string | null {
  const token = window.location.hash.replace(/^#/, '');
  return CredentialLinkToken.safeParse({ token }).success ? token : null;
}

/**
 * The one-time link an account is set up or recovered with (sent by e-mail to its owner): a new
 * password, or after a second-factor reset the current one; then the second factor, on the
 * pages of signing in.
 */
export function AccountLinkPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) navigate('/account-link', { replace: true });
  }, [navigate]);

  const link = useQuery({
    queryKey: ['credential-link', token],
    queryFn: () => call(routes.auth.inspectCredentialLink, { body: { token: token ?? '' } }),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const [spent, setSpent] = useState(false);

  let body: ReactNode;
  if (token === null)
    body = <LinkProblem title={t('accountLink.missingTitle')} body={t('accountLink.missingBody')} />;
  else if (spent || (isApiError(link.error) && link.error.code === LINK_INVALID))
    body = <LinkProblem title={t('accountLink.invalidTitle')} body={t('accountLink.invalidBody')} />;
  else if (link.isPending)
    body = (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  else if (link.error) body = <FormAlert error={link.error} />;
  else body = <LinkForm token={token} link={link.data} onInvalid={() => setSpent(true)} />;

  const title = !link.data
    ? t('accountLink.title')
    : link.data.setsPassword
      ? link.data.enrolsSecondFactor
        ? t('accountLink.titleSetup')
        : t('accountLink.titlePassword')
      : t('accountLink.titleSecondFactor');
  return (
    <AuthLayout>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      {body}
    </AuthLayout>
  );
}

function LinkProblem({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange" variant="light" title={title} role="alert">
        {body}
      </Alert>
      <Anchor component={Link} to="/sign-in">
        {t('accountLink.toSignIn')}
      </Anchor>
    </Stack>
  );
}

function LinkForm({
  token,
  link,
  onInvalid,
}: {
  token: string;
  link: CredentialLinkView;
  onInvalid: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const redeem = useMutation({
    mutationFn: (body: BodyOf<typeof routes.auth.redeemCredentialLink>) =>
      call(routes.auth.redeemCredentialLink, { body }),
    onSuccess: (session: SessionView) => {
      // A new session (the cookie is set): nothing of any earlier one stays in this tab.
      clearEverythingBut(queryClient, session);
      rememberSignedIn();
      navigate(STAGE_PATHS[session.stage], { replace: true });
    },
  });
  const schema = useMemo(
    () =>
      link.setsPassword
        ? z
            .object({ newPassword: NewPassword, repeat: z.string(), currentPassword: z.string() })
            .refine((value) => value.repeat === value.newPassword, {
              path: ['repeat'],
              message: t('changePassword.mismatch'),
            })
        : z.object({ newPassword: z.string(), repeat: z.string(), currentPassword: z.string().min(1) }),
    [link.setsPassword, t],
  );
  const form = useSchemaForm({
    schema,
    initialValues: { newPassword: '', repeat: '', currentPassword: '' },
    toInput: (values) => values,
    onSubmit: async ({ newPassword, currentPassword }) => {
      try {
        await redeem.mutateAsync(link.setsPassword ? { token, newPassword } : { token, currentPassword });
      } catch (error) {
        if (isApiError(error) && error.code === LINK_INVALID) onInvalid();
        throw translatePasswordError(t, error);
      }
    },
  });

  const intro = link.setsPassword
    ? link.enrolsSecondFactor
      ? t('accountLink.setupIntro')
      : t('accountLink.passwordIntro')
    : t('accountLink.secondFactorIntro');
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <Text>
          {t('accountLink.greeting', {
            name: link.displayName,
            email: link.email,
            date: formatDateTime(i18n.language, link.expiresAt),
          })}
        </Text>
        <Text>{intro}</Text>
        {/* The account's address, for the browser's password manager to file the password under. */}
        <input type="email" name="username" autoComplete="username" value={link.email} readOnly hidden />
        {link.setsPassword ? (
          <>
            <Stack gap="xs">
              <PasswordInput
                label={t('changePassword.new')}
                description={t('changePassword.newHint')}
                autoComplete="new-password"
                required
                {...form.getInputProps('newPassword')}
              />
              <PasswordStrength password={form.values.newPassword} token={token} />
            </Stack>
            <PasswordInput
              label={t('changePassword.repeat')}
              autoComplete="new-password"
              required
              {...form.getInputProps('repeat')}
            />
          </>
        ) : (
          <PasswordInput
            label={t('accountLink.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
        )}
        <Text size="sm" c="dimmed">
          {link.enrolsSecondFactor ? t('accountLink.nextEnrol') : t('accountLink.nextVerify')}
        </Text>
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button type="submit" loading={redeem.isPending}>
            {t('accountLink.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
