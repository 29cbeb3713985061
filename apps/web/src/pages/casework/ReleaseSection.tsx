import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type InformationKind, type PpEpisodeView, ReleaseCreate } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys, useAgencyDirectory, useRefreshCasework } from '../../casework/api';
import { DateField, Empty, Section } from '../../casework/components';
import { compact, formatDate, optional, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';

/** What his release can let flow to the victim side: his own, safety-relevant information. */
export const RELEASE_KINDS: readonly InformationKind[] = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
];

interface PartnerDraft {
  key: number;
  firstName: string;
  lastName: string;
  relationship: 'current' | 'former';
  partnerContactAgencyId: string;
  address: string;
  phone: string;
}

let nextKey = 1;
const emptyPartner = (agencyId = ''): PartnerDraft => ({
  key: nextKey++,
  firstName: '',
  lastName: '',
  relationship: 'current',
  partnerContactAgencyId: agencyId,
  address: '',
  phone: '',
});

/**
 * His signed release and the partners he named (DOMAIN.md §2 step 3). What is entered about
 * her goes to the victim-side service chosen and never comes back: the programme keeps a label.
 */
export function ReleaseSection({
  episode,
  myAgencyId,
}: {
  episode: PpEpisodeView;
  myAgencyId: string | null;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const [editing, setEditing] = useState(false);
  const { release } = episode;

  return (
    <Section
      id="episode-release"
      title={t('release.title')}
      description={t('release.description')}
      actions={
        episode.canEdit &&
        !editing && (
          <Button size="xs" variant={release ? 'default' : 'filled'} onClick={() => setEditing(true)}>
            {release ? t('release.update') : t('release.record')}
          </Button>
        )
      }
    >
      {release ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('release.signedOn', { date: formatDate(i18n.language, release.signedOn) })}
          </Text>
          <Text size="sm" fw={600}>
            {t('release.covers')}
          </Text>
          <List size="sm">
            {release.scope.map((kind) => (
              <List.Item key={kind}>{t(`enums.kind.${kind}`)}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Empty>{t('release.none')}</Empty>
      )}

      <Text fw={600} size="sm" mt="xs">
        {t('release.partnersNamed')}
      </Text>
      {episode.partners.length === 0 ? (
        <Empty>{t('release.noPartners')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('release.columns.partner')}</Table.Th>
                <Table.Th>{t('release.columns.relationship')}</Table.Th>
                <Table.Th>{t('release.columns.service')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {episode.partners.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Td>
                    {partner.partnerPersonId && partner.partnerContactAgencyId === myAgencyId ? (
                      <Anchor
                        component={Link}
                        to={`/victims/${partner.partnerPersonId}?episode=${episode.id}`}
                        fw={600}
                      >
                        {t('release.openHerFile', { label: partner.label })}
                      </Anchor>
                    ) : (
                      partner.label
                    )}
                  </Table.Td>
                  <Table.Td>{t(`enums.relationship.${partner.relationship}`)}</Table.Td>
                  <Table.Td>{directory.nameOf(partner.partnerContactAgencyId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {episode.canEdit && episode.partners.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('release.labelsOnly')}
        </Text>
      )}

      {editing && <ReleaseForm episode={episode} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function ReleaseForm({ episode, onClose }: { episode: PpEpisodeView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  const services = directory.list.filter(
    (a) => a.active && (a.kind === 'victim_support' || a.kind === 'combined_pp_vss'),
  );
  const [signedOn, setSignedOn] = useState(episode.release?.signedOn ?? todayIso());
  const [scope, setScope] = useState<string[]>(episode.release?.scope ?? [...RELEASE_KINDS]);
  const [partners, setPartners] = useState<PartnerDraft[]>(
    episode.partners.length === 0 ? [emptyPartner()] : [],
  );

  const save = useMutation({
    // What he said about her is not kept in this browser once it is sent.
    gcTime: 0,
    mutationFn: (body: unknown) => api.post<PpEpisodeView>(`/api/pp-episodes/${episode.id}/release`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.ppEpisode(episode.id), updated);
      refresh();
      const sent = updated.partners.length - episode.partners.length;
      notifications.show({
        color: 'teal',
        message: sent > 0 ? t('release.savedWithPartners', { count: sent }) : t('release.saved'),
      });
      onClose();
    },
  });
  const form = useFormErrors(save.error);

  const update = (key: number, change: Partial<PartnerDraft>) =>
    setPartners((current) => current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(ReleaseCreate, {
      signedOn,
      scope,
      partners: partners.map((p) => {
        const contact = compact({ address: optional(p.address), phone: optional(p.phone) });
        return {
          firstName: p.firstName,
          lastName: p.lastName,
          relationship: p.relationship,
          partnerContactAgencyId: p.partnerContactAgencyId || undefined,
          ...(Object.keys(contact).length > 0 && { contact }),
        };
      }),
    });
    if (body) save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('release.formLabel')}>
      <Stack gap="md" mt="sm">
        <DateField
          label={t('release.signedOnLabel')}
          value={signedOn}
          onChange={setSignedOn}
          error={form.errorAt('signedOn')}
          max={todayIso()}
          required
        />
        <Checkbox.Group
          label={t('release.scopeLabel')}
          description={t('release.scopeHint')}
          value={scope}
          onChange={setScope}
          error={form.errorAt('scope')}
          required
        >
          <Stack gap={6} mt="xs">
            {RELEASE_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                value={kind}
                label={t(`enums.kind.${kind}`)}
                description={t(`release.kindHint.${kind}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>

        <Alert color="indigo" variant="light" title={t('release.partnersNoticeTitle')}>
          {t('release.partnersNotice')}
        </Alert>

        {partners.map((partner, index) => (
          <Fieldset
            key={partner.key}
            legend={
              <Group gap="xs">
                <span>{t('release.partnerLegend', { n: episode.partners.length + index + 1 })}</span>
                <CloseButton
                  size="sm"
                  aria-label={t('release.removePartner', { n: episode.partners.length + index + 1 })}
                  onClick={() => setPartners((current) => current.filter((p) => p.key !== partner.key))}
                />
              </Group>
            }
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('release.herFirstName')}
                  required
                  autoComplete="off"
                  value={partner.firstName}
                  onChange={(e) => update(partner.key, { firstName: e.currentTarget.value })}
                  error={form.errorAt(`partners.${index}.firstName`)}
                />
                <TextInput
                  label={t('release.herLastName')}
                  required
                  autoComplete="off"
                  value={partner.lastName}
                  onChange={(e) => update(partner.key, { lastName: e.currentTarget.value })}
                  error={form.errorAt(`partners.${index}.lastName`)}
                />
              </SimpleGrid>
              <Radio.Group
                label={t('release.relationship')}
                value={partner.relationship}
                onChange={(value) => update(partner.key, { relationship: value as 'current' | 'former' })}
                error={form.errorAt(`partners.${index}.relationship`)}
                required
              >
                <Group mt="xs">
                  <Radio value="current" label={t('enums.relationship.current')} />
                  <Radio value="former" label={t('enums.relationship.former')} />
                </Group>
              </Radio.Group>
              <NativeSelect
                label={t('release.service')}
                description={t('release.serviceHint')}
                required
                value={partner.partnerContactAgencyId}
                onChange={(e) => update(partner.key, { partnerContactAgencyId: e.currentTarget.value })}
                error={form.errorAt(`partners.${index}.partnerContactAgencyId`)}
                data={[
                  { value: '', label: t('common.choose') },
                  ...services.map((a) => ({ value: a.id, label: a.name })),
                ]}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('release.address')}
                  description={t('release.optionalToVictimSide')}
                  autoComplete="off"
                  value={partner.address}
                  onChange={(e) => update(partner.key, { address: e.currentTarget.value })}
                  error={form.errorAt(`partners.${index}.contact.address`)}
                />
                <TextInput
                  label={t('release.phone')}
                  description={t('release.optionalToVictimSide')}
                  autoComplete="off"
                  value={partner.phone}
                  onChange={(e) => update(partner.key, { phone: e.currentTarget.value })}
                  error={form.errorAt(`partners.${index}.contact.phone`)}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => setPartners((current) => [...current, emptyPartner()])}
            disabled={partners.length >= 10}
          >
            {t('release.addPartner')}
          </Button>
          {partners.length > 0 && (
            <Badge variant="light" color="indigo">
              {t('release.willBeSent', { count: partners.length })}
            </Badge>
          )}
        </Group>
        <FormAlert error={save.error} shownFields={['signedOn', 'scope', 'partners']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {partners.length > 0
              ? t('release.submitWithPartners', { count: partners.length })
              : t('release.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
