import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CONSENT_SCOPES,
  ConsentRevoke,
  type ConsentScope,
  ConsentsCreate,
  type ConsentView,
  RECIPIENT_CONSENT_SCOPES,
  routes,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Section } from '../../../components/PageParts';
import { useRefreshCasework } from '../../cases/api';
import { partnerKeys } from '../api';

const needsRecipient = (scopes: readonly ConsentScope[]) =>
  scopes.some((scope) => RECIPIENT_CONSENT_SCOPES.includes(scope));

/** Her consents, per scope, dated and revocable (docs/domain.md, "Information-flow rules"). */
export function ConsentsSection({
  file,
  canRecord,
  canRevoke,
}: {
  file: VictimFileView;
  canRecord: boolean;
  canRevoke: boolean;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<ConsentView | null>(null);
  const consents = [...file.consents].sort(
    (a, b) => Number(a.revokedOn !== null) - Number(b.revokedOn !== null),
  );

  return (
    <Section
      id="her-consents"
      title={t('consents.title')}
      description={t('consents.description')}
      actions={
        canRecord &&
        !adding && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('consents.record')}
          </Button>
        )
      }
    >
      {adding && <ConsentForm file={file} onClose={() => setAdding(false)} />}
      {consents.length === 0 ? (
        <Empty>{t('consents.none')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Caption>{t('consents.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consents.columns.scope')}</Table.Th>
                <Table.Th>{t('consents.columns.given')}</Table.Th>
                <Table.Th>{t('consents.columns.status')}</Table.Th>
                <Table.Th>
                  <span className="sr-only">{t('consents.columns.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.map((consent) => (
                <Table.Tr key={consent.id} data-testid="consent-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`enums.consentScope.${consent.scope}`)}
                    </Text>
                    {(RECIPIENT_CONSENT_SCOPES.includes(consent.scope) || consent.recipientAgencyId) && (
                      <Text size="xs">
                        {t('consents.to', {
                          recipient: consent.recipientAgencyId
                            ? directory.nameOf(consent.recipientAgencyId)
                            : t('consents.theProgramme'),
                        })}
                      </Text>
                    )}
                    {consent.note && (
                      <Text size="xs" c="dimmed">
                        {consent.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(i18n.language, consent.givenOn)}
                  </Table.Td>
                  <Table.Td>
                    {consent.revokedOn ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('consents.revokedOn', { date: formatDate(i18n.language, consent.revokedOn) })}
                      </Text>
                    ) : (
                      <Text size="sm" c="teal.9" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {t('consents.inForce')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {canRevoke && !consent.revokedOn && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        onClick={() => setRevoking(consent)}
                        aria-label={t('consents.revokeNamed', {
                          scope: t(`enums.consentScope.${consent.scope}`),
                        })}
                      >
                        {t('consents.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={
          revoking ? t('consents.revokeTitle', { scope: t(`enums.consentScope.${revoking.scope}`) }) : ''
        }
        centered
      >
        {revoking && (
          <RevokeForm personId={file.person.id} consent={revoking} onClose={() => setRevoking(null)} />
        )}
      </Modal>
    </Section>
  );
}

function ConsentForm({ file, onClose }: { file: VictimFileView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  // Her contact details never go to a perpetrator programme, whatever she signs.
  const recipients = directory.list.filter(
    (a) => a.active && a.id !== file.person.ownerAgencyId && a.kind !== 'perpetrator_programme',
  );
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.giveConsents>) =>
      call(routes.victim.giveConsents, { params: { id: file.person.id }, body }),
    onSuccess: ({ items }) => {
      refresh(partnerKeys.victim(file.person.id));
      notifications.show({
        color: 'teal',
        message: t('consents.saved', {
          scope: items.map((consent) => t(`enums.consentScope.${consent.scope}`)).join(', '),
          count: items.length,
        }),
      });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ConsentsCreate,
    initialValues: { scopes: [] as ConsentScope[], recipientAgencyId: '', givenOn: todayIso(), note: '' },
    // A recipient only for the scopes that send something of hers somewhere.
    toInput: ({ recipientAgencyId, ...values }) =>
      blankToUndefined({
        ...values,
        recipientAgencyId: needsRecipient(values.scopes) ? recipientAgencyId : '',
      }),
    onSubmit: (body) => save.mutateAsync(body),
  });
  const scopes = form.values.scopes;
  const recipient = form.values.recipientAgencyId;
  const contactDetails = scopes.includes('share_contact_details');
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('consents.record')}>
      <Stack gap="sm" mb="sm">
        <Checkbox.Group
          label={t('consents.scope')}
          description={t('consents.scopesHint')}
          withAsterisk
          {...form.getInputProps('scopes')}
        >
          <Stack gap={8} mt={6}>
            {CONSENT_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={t(`enums.consentScope.${scope}`)}
                description={t(`consents.scopeHint.${scope}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {needsRecipient(scopes) && (
          <NativeSelect
            label={t('consents.recipient')}
            description={t('consents.recipientHint')}
            {...form.getInputProps('recipientAgencyId')}
            data={[
              ...(contactDetails
                ? [{ value: '', label: t('common.choose') }]
                : [{ value: '', label: t('consents.theProgramme') }]),
              ...recipients.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
        )}
        <DateField
          label={t('consents.givenOn')}
          {...form.getInputProps('givenOn')}
          max={todayIso()}
          required
        />
        <Textarea
          label={t('consents.note')}
          description={t('consents.noteHint')}
          {...form.getInputProps('note')}
          autosize
          minRows={1}
        />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={contactDetails && !recipient}>
            {t('consents.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeForm({
  personId,
  consent,
  onClose,
}: {
  personId: string;
  consent: ConsentView;
  onClose: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.revokeConsent>) =>
      call(routes.victim.revokeConsent, { params: { id: consent.id }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(personId));
      notifications.show({ color: 'indigo', message: t('consents.revoked') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ConsentRevoke,
    initialValues: { revokedOn: todayIso(), note: '' },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('consents.revokeBody')}</Text>
        <DateField
          label={t('consents.revokedOnLabel')}
          {...form.getInputProps('revokedOn')}
          max={todayIso()}
          required
        />
        <Textarea label={t('consents.note')} {...form.getInputProps('note')} autosize minRows={1} />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={save.isPending}>
            {t('consents.revoke')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
