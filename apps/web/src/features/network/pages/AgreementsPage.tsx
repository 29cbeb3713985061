import {
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AGREEMENT_RECEIVABLE_KINDS, AgreementCreate, type AgreementView, routes } from '@tandem/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { NoAccess } from '../../../components/NotFound';
import { DateField, Empty, Facts, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { PrintButton } from '../../../components/PrintButton';
import { useSession } from '../../auth/session';
import { useRefreshCasework } from '../../cases/api';
import { networkKeys, useMyNetworks } from '../api';

/** Multi-Agency Standard Agreements (docs/domain.md, "Network and agreements"): the coordinator records them. */
export function AgreementsPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.coordinateNetwork || session?.abilities.casework);
  const agreements = useQuery({
    queryKey: networkKeys.agreements,
    queryFn: async () => (await call(routes.network.listAgreements, { query: { limit: 100 } })).items,
    enabled: allowed,
  });
  const [creating, setCreating] = useState(false);
  if (!session || !allowed) return <NoAccess />;
  const canCreate = session.abilities.coordinateNetwork;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('agreements.title')}>{t('agreements.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('agreements.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <PrintButton />
          {canCreate && !creating && <Button onClick={() => setCreating(true)}>{t('agreements.new')}</Button>}
        </Group>
      </Group>
      {creating && <AgreementForm onClose={() => setCreating(false)} />}
      <Loading query={agreements}>
        {(agreements.data ?? []).length === 0 ? (
          <Empty>{t('agreements.empty')}</Empty>
        ) : (
          (agreements.data ?? []).map((agreement) => (
            <AgreementCard key={agreement.id} agreement={agreement} />
          ))
        )}
      </Loading>
    </Stack>
  );
}

function AgreementCard({ agreement }: { agreement: AgreementView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const { directory, networkName } = useMyNetworks();
  const headingId = `agreement-${agreement.id}`;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4" id={headingId}>
          {agreement.title}
        </Title>
        <Badge variant="light">{t(`enums.agreementLevel.${agreement.level}`)}</Badge>
      </Group>
      <Facts
        items={[
          [
            t('agreements.valid'),
            `${formatDate(i18n.language, agreement.validFrom)} – ${agreement.validTo ? formatDate(i18n.language, agreement.validTo) : t('agreements.noEnd')}`,
          ],
          [t('agreements.network'), agreement.networkId ? networkName(agreement.networkId) : null],
        ]}
      />
      <Table.ScrollContainer minWidth={600} mt="sm">
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agreements.party')}</Table.Th>
              <Table.Th>{t('agreements.signatory')}</Table.Th>
              <Table.Th>{t('agreements.signedOn')}</Table.Th>
              <Table.Th>{t('agreements.receives')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.parties.map((party) => (
              <Table.Tr key={party.agencyId}>
                <Table.Td>{directory.nameOf(party.agencyId)}</Table.Td>
                <Table.Td>{party.signatoryName}</Table.Td>
                <Table.Td>{formatDate(i18n.language, party.signedOn)}</Table.Td>
                <Table.Td>
                  {party.receives.length ? party.receives.map((k) => t(`enums.kind.${k}`)).join('; ') : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(agreement.legislativeFramework ||
        agreement.principles ||
        agreement.scope ||
        agreement.objectives ||
        agreement.commitments) && (
        <Spoiler
          maxHeight={0}
          showLabel={t('agreements.showContent')}
          hideLabel={t('agreements.hideContent')}
          mt="xs"
        >
          <Facts
            items={[
              [t('agreements.fields.legislativeFramework'), agreement.legislativeFramework],
              [t('agreements.fields.principles'), agreement.principles],
              [t('agreements.fields.scope'), agreement.scope],
              [t('agreements.fields.objectives'), agreement.objectives],
              [t('agreements.fields.commitments'), agreement.commitments],
            ]}
          />
        </Spoiler>
      )}
    </Paper>
  );
}

let nextKey = 1;
/** A party as the form holds it (the key only keeps React's rows apart). */
const emptyParty = () => ({
  key: nextKey++,
  agencyId: '',
  signatoryName: '',
  signedOn: todayIso(),
  receives: [] as string[],
});
const TEXT_FIELDS = ['legislativeFramework', 'principles', 'scope', 'objectives', 'commitments'] as const;

function AgreementForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const networks = useMyNetworks();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.network.createAgreement>) =>
      call(routes.network.createAgreement, { body }),
    onSuccess: (agreement) => {
      refresh(networkKeys.agreements);
      notifications.show({ color: 'teal', message: t('agreements.saved', { title: agreement.title }) });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: AgreementCreate,
    initialValues: {
      level: 'organisation' as const,
      networkId: '',
      title: '',
      validFrom: todayIso(),
      validTo: '',
      legislativeFramework: '',
      principles: '',
      scope: '',
      objectives: '',
      commitments: '',
      parties: [emptyParty(), emptyParty()],
    },
    // The coordinator's first network until another is chosen.
    toInput: (values) => blankToUndefined({ ...values, networkId: values.networkId || firstNetwork }),
    onSubmit: (body) => save.mutateAsync(body),
  });
  const firstNetwork = networks.list[0]?.id ?? '';
  const chosenNetwork = form.values.networkId || firstNetwork;
  const agencies = networks.agenciesOf(chosenNetwork);
  const parties = form.values.parties;

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={form.submit} noValidate aria-label={t('agreements.new')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('agreements.new')}
          </Title>
          <NativeSelect
            label={t('agreements.network')}
            required
            {...form.getInputProps('networkId')}
            value={chosenNetwork}
            data={networks.list.map((n) => ({ value: n.id, label: n.name }))}
          />
          <TextInput label={t('agreements.fields.title')} required {...form.getInputProps('title')} />
          <Group>
            <DateField label={t('agreements.validFrom')} {...form.getInputProps('validFrom')} required />
            <DateField
              label={t('agreements.validTo')}
              description={t('agreements.validToHint')}
              {...form.getInputProps('validTo')}
            />
          </Group>
          {TEXT_FIELDS.map((field) => (
            <Textarea
              key={field}
              label={t(`agreements.fields.${field}`)}
              {...form.getInputProps(field)}
              autosize
              minRows={2}
            />
          ))}
          <Text fw={600} size="sm">
            {t('agreements.parties')}
          </Text>
          {parties.map((party, index) => (
            <Fieldset
              key={party.key}
              legend={
                <Group gap="xs">
                  <span>{t('agreements.partyN', { n: index + 1 })}</span>
                  {parties.length > 2 && (
                    <CloseButton
                      size="sm"
                      aria-label={t('agreements.removeParty', { n: index + 1 })}
                      onClick={() => form.removeListItem('parties', index)}
                    />
                  )}
                </Group>
              }
            >
              <Stack gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NativeSelect
                    label={t('agreements.party')}
                    required
                    {...form.getInputProps(`parties.${index}.agencyId`)}
                    data={[
                      { value: '', label: t('common.choose') },
                      ...agencies.map((a) => ({ value: a.id, label: a.name })),
                    ]}
                  />
                  <TextInput
                    label={t('agreements.signatory')}
                    required
                    {...form.getInputProps(`parties.${index}.signatoryName`)}
                  />
                </SimpleGrid>
                <DateField
                  label={t('agreements.signedOn')}
                  {...form.getInputProps(`parties.${index}.signedOn`)}
                  required
                />
                <Checkbox.Group
                  label={t('agreements.receives')}
                  {...form.getInputProps(`parties.${index}.receives`)}
                >
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
                    {AGREEMENT_RECEIVABLE_KINDS.map((kind) => (
                      <Checkbox key={kind} value={kind} label={t(`enums.kind.${kind}`)} />
                    ))}
                  </SimpleGrid>
                </Checkbox.Group>
              </Stack>
            </Fieldset>
          ))}
          <Group>
            <Button variant="default" size="xs" onClick={() => form.insertListItem('parties', emptyParty())}>
              {t('agreements.addParty')}
            </Button>
          </Group>
          <SchemaFormAlert form={form} />
          <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('agreements.submit')} />
        </Stack>
      </form>
    </Paper>
  );
}
