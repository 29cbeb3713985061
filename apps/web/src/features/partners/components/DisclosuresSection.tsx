import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DisclosureCreate, routes, ShareCreate, type VictimFileView } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Section } from '../../../components/PageParts';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { caseKeys, useJointCase, useRefreshCasework } from '../../cases/api';
import { useAgreement } from '../../network/api';
import { partnerKeys } from '../api';

type Disclosure = VictimFileView['disclosures'][number];

/**
 * What she disclosed stays on the victim side. Her case manager may share one item with the
 * programme or an agency of her joint case, with her consent, source-protected by default.
 */
export function DisclosuresSection({
  file,
  canRecord,
  canShare,
}: {
  file: VictimFileView;
  canRecord: boolean;
  canShare: boolean;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const [recording, setRecording] = useState(false);
  const [sharing, setSharing] = useState<Disclosure | null>(null);
  const disclosures = [...file.disclosures].reverse();
  return (
    <Section
      id="her-disclosures"
      title={
        <Group gap="xs" component="span">
          {t('disclosures.title')} <VictimSideOnly />
        </Group>
      }
      description={t('disclosures.description')}
      actions={
        canRecord &&
        !recording && (
          <Button size="xs" onClick={() => setRecording(true)}>
            {t('disclosures.record')}
          </Button>
        )
      }
    >
      {recording && <DisclosureForm personId={file.person.id} onClose={() => setRecording(false)} />}
      {disclosures.length === 0 ? (
        <Empty>{t('disclosures.none')}</Empty>
      ) : (
        disclosures.map((d) => (
          <Paper key={d.id} withBorder p="sm" radius="sm" component="article">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {formatDate(i18n.language, d.disclosedOn)}
              </Text>
              <Group gap="xs">
                {d.sharedCount > 0 ? (
                  <Badge variant="light" color="orange">
                    {t('disclosures.sharedCount', { count: d.sharedCount })}
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    {t('disclosures.notShared')}
                  </Badge>
                )}
                {canShare && (
                  <Button size="compact-xs" variant="default" onClick={() => setSharing(d)}>
                    {t('disclosures.share')}
                  </Button>
                )}
              </Group>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.content}
            </Text>
          </Paper>
        ))
      )}
      <Modal
        opened={sharing !== null}
        onClose={() => setSharing(null)}
        title={t('share.title')}
        size="lg"
        centered
      >
        {sharing && <ShareForm file={file} disclosure={sharing} onClose={() => setSharing(null)} />}
      </Modal>
    </Section>
  );
}

function DisclosureForm({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.recordDisclosure>) =>
      call(routes.victim.recordDisclosure, { params: { id: personId }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(personId));
      notifications.show({ color: 'teal', message: t('disclosures.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: DisclosureCreate,
    initialValues: { disclosedOn: todayIso(), content: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('disclosures.record')}>
      <Stack gap="sm" mb="sm">
        <DateField
          label={t('disclosures.disclosedOn')}
          {...form.getInputProps('disclosedOn')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('disclosures.content')}
          {...form.getInputProps('content')}
          required
          autosize
          minRows={3}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('disclosures.submit')} />
      </Stack>
    </form>
  );
}

function ShareForm({
  file,
  disclosure,
  onClose,
}: {
  file: VictimFileView;
  disclosure: Disclosure;
  onClose: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  const openCases = file.jointCases.filter((c) => c.status === 'open');
  const form = useSchemaForm({
    schema: ShareCreate,
    initialValues: {
      jointCaseId: openCases.length === 1 ? (openCases[0]?.id ?? '') : '',
      recipientAgencyId: '',
      sourceProtected: true,
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  const chosenCase = form.values.jointCaseId;
  const recipient = form.values.recipientAgencyId;
  const jointCase = useJointCase(chosenCase || undefined);
  const agreement = useAgreement(jointCase.data?.agreementId);
  const ppAgencyId = jointCase.data?.perpetratorSide?.agencyId;
  const otherParties = (agreement.data?.parties ?? []).filter(
    (p) => p.agencyId !== ppAgencyId && p.agencyId !== file.person.ownerAgencyId,
  );
  const consent = file.consents.find(
    (c) => c.scope === 'share_disclosures' && !c.revokedOn && (c.recipientAgencyId ?? '') === recipient,
  );
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.share>) =>
      call(routes.victim.share, { params: { id: disclosure.id }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(file.person.id), caseKeys.case(chosenCase));
      notifications.show({ color: 'teal', message: t('share.saved') });
      onClose();
    },
  });
  const sourceProtected = form.values.sourceProtected;

  if (openCases.length === 0) {
    return (
      <Stack>
        <Alert color="yellow" variant="light">
          {t('share.noCase')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="sm">
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {disclosure.content}
          </Text>
        </Paper>
        <NativeSelect
          label={t('share.case')}
          required
          {...form.getInputProps('jointCaseId')}
          onChange={(e) => form.setValues({ jointCaseId: e.currentTarget.value, recipientAgencyId: '' })}
          data={[
            { value: '', label: t('common.choose') },
            ...openCases.map((c) => ({ value: c.id, label: c.caseNumber || c.id })),
          ]}
        />
        <NativeSelect
          label={t('share.recipient')}
          {...form.getInputProps('recipientAgencyId')}
          data={[
            { value: '', label: t('share.theProgramme') },
            ...otherParties.map((p) => ({ value: p.agencyId, label: directory.nameOf(p.agencyId) })),
          ]}
        />
        {!consent && (
          <Alert color="orange" variant="light" title={t('share.noConsentTitle')}>
            {t('share.noConsent')}
          </Alert>
        )}
        <Checkbox
          {...form.getInputProps('sourceProtected', { type: 'checkbox' })}
          label={t('share.sourceProtected')}
          description={sourceProtected ? t('share.sourceProtectedOn') : t('share.sourceProtectedOff')}
        />
        <Text size="sm" c="dimmed">
          {t('share.recorded')}
        </Text>
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!consent}>
            {t('share.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
