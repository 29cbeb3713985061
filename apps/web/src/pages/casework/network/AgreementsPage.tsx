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
import { AGREEMENT_RECEIVABLE_KINDS, AgreementCreate, type AgreementView } from '@tandem/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { keys, useRefreshCasework } from '../../../casework/api';
import { DateField, Empty, Facts, Loading } from '../../../casework/components';
import { formatDate, optional, todayIso } from '../../../casework/format';
import { useFormErrors } from '../../../casework/forms';
import { CASEWORK_NS } from '../../../casework/i18n';
import { FormAlert } from '../../../components/FormAlert';
import { PageTitle } from '../../../components/PageTitle';
import { NoAccess } from '../../NotFoundPage';
import { useMyNetworks } from './useMyNetworks';

/** Multi-Agency Standard Agreements (DOMAIN.md §2 step 1): the coordinator records them. */
export function AgreementsPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.coordinateNetwork || session?.abilities.casework);
  const agreements = useQuery({
    queryKey: keys.agreements,
    queryFn: async () => (await api.get<{ items: AgreementView[] }>('/api/agreements', { limit: 100 })).items,
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
        {canCreate && !creating && <Button onClick={() => setCreating(true)}>{t('agreements.new')}</Button>}
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

interface PartyDraft {
  key: number;
  agencyId: string;
  signatoryName: string;
  signedOn: string;
  receives: string[];
}
let nextKey = 1;
const emptyParty = (): PartyDraft => ({
  key: nextKey++,
  agencyId: '',
  signatoryName: '',
  signedOn: todayIso(),
  receives: [],
});
const TEXT_FIELDS = ['legislativeFramework', 'principles', 'scope', 'objectives', 'commitments'] as const;

function AgreementForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const networks = useMyNetworks();
  const [networkId, setNetworkId] = useState('');
  const chosenNetwork = networkId || networks.list[0]?.id || '';
  const [title, setTitle] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');
  const [texts, setTexts] = useState<Record<(typeof TEXT_FIELDS)[number], string>>({
    legislativeFramework: '',
    principles: '',
    scope: '',
    objectives: '',
    commitments: '',
  });
  const [parties, setParties] = useState<PartyDraft[]>([emptyParty(), emptyParty()]);
  const agencies = networks.agenciesOf(chosenNetwork);
  const update = (key: number, change: Partial<PartyDraft>) =>
    setParties((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const save = useMutation({
    mutationFn: (body: unknown) => api.post<AgreementView>('/api/agreements', body),
    onSuccess: (agreement) => {
      refresh(keys.agreements);
      notifications.show({ color: 'teal', message: t('agreements.saved', { title: agreement.title }) });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(AgreementCreate, {
      level: 'organisation',
      networkId: chosenNetwork || undefined,
      title,
      validFrom,
      validTo: optional(validTo),
      ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, optional(texts[field])])),
      parties: parties.map((p) => ({
        agencyId: p.agencyId || undefined,
        signatoryName: p.signatoryName,
        signedOn: p.signedOn,
        receives: p.receives,
      })),
    });
    if (body) save.mutate(body);
  };

  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-label={t('agreements.new')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('agreements.new')}
          </Title>
          <NativeSelect
            label={t('agreements.network')}
            required
            value={chosenNetwork}
            onChange={(e) => setNetworkId(e.currentTarget.value)}
            error={form.errorAt('networkId')}
            data={networks.list.map((n) => ({ value: n.id, label: n.name }))}
          />
          <TextInput
            label={t('agreements.fields.title')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={form.errorAt('title')}
          />
          <Group>
            <DateField
              label={t('agreements.validFrom')}
              value={validFrom}
              onChange={setValidFrom}
              error={form.errorAt('validFrom')}
              required
            />
            <DateField
              label={t('agreements.validTo')}
              description={t('agreements.validToHint')}
              value={validTo}
              onChange={setValidTo}
              error={form.errorAt('validTo')}
            />
          </Group>
          {TEXT_FIELDS.map((field) => (
            <Textarea
              key={field}
              label={t(`agreements.fields.${field}`)}
              value={texts[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTexts((current) => ({ ...current, [field]: value }));
              }}
              error={form.errorAt(field)}
              autosize
              minRows={2}
            />
          ))}
          <Text fw={600} size="sm">
            {t('agreements.parties')}
          </Text>
          {form.errorAt('parties') && !parties.some((_, i) => form.errorAt(`parties.${i}`)) && (
            <Text c="red.8" size="sm">
              {form.errorAt('parties')}
            </Text>
          )}
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
                      onClick={() => setParties((current) => current.filter((p) => p.key !== party.key))}
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
                    value={party.agencyId}
                    onChange={(e) => update(party.key, { agencyId: e.currentTarget.value })}
                    error={form.errorAt(`parties.${index}.agencyId`)}
                    data={[
                      { value: '', label: t('common.choose') },
                      ...agencies.map((a) => ({ value: a.id, label: a.name })),
                    ]}
                  />
                  <TextInput
                    label={t('agreements.signatory')}
                    required
                    value={party.signatoryName}
                    onChange={(e) => update(party.key, { signatoryName: e.currentTarget.value })}
                    error={form.errorAt(`parties.${index}.signatoryName`)}
                  />
                </SimpleGrid>
                <DateField
                  label={t('agreements.signedOn')}
                  value={party.signedOn}
                  onChange={(v) => update(party.key, { signedOn: v })}
                  error={form.errorAt(`parties.${index}.signedOn`)}
                  required
                />
                <Checkbox.Group
                  label={t('agreements.receives')}
                  value={party.receives}
                  onChange={(v) => update(party.key, { receives: v })}
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
            <Button
              variant="default"
              size="xs"
              onClick={() => setParties((current) => [...current, emptyParty()])}
            >
              {t('agreements.addParty')}
            </Button>
          </Group>
          <FormAlert
            error={save.error}
            shownFields={['networkId', 'title', 'validFrom', 'validTo', 'parties', ...TEXT_FIELDS]}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('agreements.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
