import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { routes, TotpCodeBody } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BodyOf, call } from '../../../api/client';
import { AuthLayout } from '../../../app/layout/AuthLayout';
import { FormAlert } from '../../../components/FormAlert';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { PageTitle } from '../../../components/PageTitle';
import { RequireStage } from '../guards';
import { groupSecret } from '../secret';
import { SESSION_KEY } from '../session';
import { useSignOut } from '../signOut';

const ENROLMENT_KEY = ['mfa-enrolment'] as const;

export function MfaSetupPage() {
  return <RequireStage stage="mfa_enrolment">{() => <MfaSetup />}</RequireStage>;
}

function MfaSetup() {
  const { t } = useTranslation();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  return (
    <AuthLayout wide>
      {recoveryCodes ? (
        <RecoveryCodesStep codes={recoveryCodes} />
      ) : (
        <>
          <PageTitle documentTitle={t('mfaSetup.title')}>{t('mfaSetup.title')}</PageTitle>
          <EnrolStep onConfirmed={setRecoveryCodes} />
        </>
      )}
    </AuthLayout>
  );
}

function EnrolStep({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { signOut, pending: signingOut } = useSignOut();
  // A query, not an effect: React Query runs it once even when React mounts twice, so the
  // secret on screen is the one the server keeps.
  const enrolment = useQuery({
    queryKey: ENROLMENT_KEY,
    queryFn: () => call(routes.auth.startEnrolment),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const confirm = useMutation({
    mutationFn: (body: BodyOf<typeof routes.auth.confirmEnrolment>) =>
      call(routes.auth.confirmEnrolment, { body }),
    onSuccess: ({ recoveryCodes }) => {
      // The secret is no longer needed in memory.
      queryClient.removeQueries({ queryKey: ENROLMENT_KEY });
      onConfirmed(recoveryCodes);
    },
  });
  const form = useSchemaForm({
    schema: TotpCodeBody,
    initialValues: { code: '' },
    onSubmit: async (body) => {
      try {
        await confirm.mutateAsync(body);
      } catch (error) {
        // A wrong code is typed again from scratch.
        form.setFieldValue('code', '');
        throw error;
      }
    },
  });
  const code = form.getInputProps('code');

  if (enrolment.isPending) return <Loader aria-label={t('common.loading')} />;
  if (enrolment.isError) return <FormAlert error={enrolment.error} />;
  const { qrCodeDataUrl, secret } = enrolment.data;

  return (
    <Stack>
      <Text>{t('mfaSetup.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('mfaSetup.step1')}
          </Title>
          <Text size="sm">{t('mfaSetup.step1Body')}</Text>
          <Title order={2} size="h4" mt="sm">
            {t('mfaSetup.step2')}
          </Title>
          <Image src={qrCodeDataUrl} alt={t('mfaSetup.qrAlt')} w={200} h={200} fit="contain" />
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('mfaSetup.manualTitle')}
          </Title>
          <Text size="sm">{t('mfaSetup.manualBody')}</Text>
          <Code block fz="md" data-testid="mfa-secret" style={{ wordBreak: 'break-all' }}>
            {groupSecret(secret)}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy} w="fit-content">
                {copied ? t('common.copied') : t('mfaSetup.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </SimpleGrid>
      <form onSubmit={form.submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('mfaSetup.step3')}
          </Title>
          <TextInput
            label={t('mfa.codeLabel')}
            description={t('mfa.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            w={220}
            {...code}
            onChange={(e) => code.onChange(e.currentTarget.value.replace(/\D/g, ''))}
          />
          <SchemaFormAlert form={form} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => signOut()} loading={signingOut}>
              {t('auth.cancelAndSignOut')}
            </Button>
            <Button type="submit" loading={confirm.isPending}>
              {t('mfaSetup.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function RecoveryCodesStep({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [continuing, setContinuing] = useState(false);

  const onContinue = async () => {
    setContinuing(true);
    // Only now ask for the (already active) session: until then the codes stay on screen.
    await queryClient.refetchQueries({ queryKey: SESSION_KEY });
    navigate('/', { replace: true });
  };

  return (
    <Stack>
      <PageTitle documentTitle={t('recoveryCodes.title')}>{t('recoveryCodes.title')}</PageTitle>
      <Alert color="indigo" variant="light" title={t('recoveryCodes.onceTitle')} role="note">
        {t('recoveryCodes.onceBody')}
      </Alert>
      <List
        data-testid="recovery-codes"
        listStyleType="none"
        ff="monospace"
        fz="lg"
        spacing={4}
        aria-label={t('recoveryCodes.listLabel')}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy} w="fit-content">
            {copied ? t('common.copied') : t('recoveryCodes.copy')}
          </Button>
        )}
      </CopyButton>
      <Checkbox
        label={t('recoveryCodes.saved')}
        checked={saved}
        onChange={(e) => setSaved(e.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button disabled={!saved} loading={continuing} onClick={onContinue}>
          {t('recoveryCodes.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
