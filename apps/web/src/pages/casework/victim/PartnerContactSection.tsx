import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CONTACT_CHANNELS,
  PARTNER_CONTACT_OUTCOMES,
  PARTNER_CONTACT_TOPICS,
  PartnerContactCreate,
  type PartnerContactOutcome,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { keys, useEpisodesNamingHer, useRefreshCasework } from '../../../casework/api';
import { DateField, Empty, Facts, OutcomeBadge, Section } from '../../../casework/components';
import { formatDate, optional, todayIso } from '../../../casework/format';
import { useFormErrors } from '../../../casework/forms';
import { CASEWORK_NS } from '../../../casework/i18n';
import type { Created, PartnerContactEntry } from '../../../casework/types';
import { FormAlert } from '../../../components/FormAlert';

type Channel = (typeof CONTACT_CHANNELS)[number];
type Topic = (typeof PARTNER_CONTACT_TOPICS)[number];

/**
 * The partner-contact log (DOMAIN.md §2 step 4): what she was told, her hopes and fears, her
 * view of the risk. "She declined" is an outcome like any other, and nothing follows from it.
 */
export function PartnerContactSection({
  file,
  canEdit,
  episodeHint,
}: {
  file: VictimFileView;
  canEdit: boolean;
  episodeHint: string | null;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const [logging, setLogging] = useState(false);
  const naming = useEpisodesNamingHer(file.person.id);
  const programmeName = (id: string) => {
    const episode = naming.episodes.find((e) => e.id === id);
    return episode ? `${episode.person.firstName} ${episode.person.lastName}` : null;
  };
  const contacts = [...file.partnerContacts].reverse();

  return (
    <Section
      id="her-partner-contact"
      title={t('partnerContact.title')}
      description={t('partnerContact.description')}
      actions={
        canEdit &&
        !logging && (
          <Button size="xs" onClick={() => setLogging(true)}>
            {t('partnerContact.log')}
          </Button>
        )
      }
    >
      {logging && (
        <PartnerContactForm
          file={file}
          episodes={naming.naming.map((e) => ({
            id: e.id,
            name: `${e.person.firstName} ${e.person.lastName}`,
          }))}
          loadingEpisodes={naming.isPending}
          episodeHint={episodeHint}
          onClose={() => setLogging(false)}
        />
      )}
      {contacts.length === 0 ? (
        <Empty>{t('partnerContact.none')}</Empty>
      ) : (
        contacts.map((contact) => (
          <ContactEntry key={contact.id} contact={contact} programme={programmeName(contact.ppEpisodeId)} />
        ))
      )}
    </Section>
  );
}

function ContactEntry({ contact, programme }: { contact: PartnerContactEntry; programme: string | null }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  return (
    <Paper withBorder p="sm" radius="sm" component="article" data-testid="partner-contact">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {formatDate(i18n.language, contact.contactedOn)} · {t(`enums.channel.${contact.channel}`)}
        </Text>
        <OutcomeBadge outcome={contact.outcome} />
      </Group>
      <Facts
        labelWidth={150}
        items={[
          [t('partnerContact.programme'), programme],
          [
            t('partnerContact.topics'),
            contact.topicsCovered.length
              ? contact.topicsCovered.map((topic) => t(`enums.topic.${topic}`)).join('; ')
              : null,
          ],
          [t('partnerContact.hopesAndFears'), contact.hopesAndFears ?? null],
          [t('partnerContact.herViewOfRisk'), contact.herViewOfRisk ?? null],
          [t('partnerContact.notes'), contact.notes ?? null],
          [t('partnerContact.recordedBy'), contact.recordedBy],
        ]}
      />
    </Paper>
  );
}

function PartnerContactForm({
  file,
  episodes,
  loadingEpisodes,
  episodeHint,
  onClose,
}: {
  file: VictimFileView;
  episodes: { id: string; name: string }[];
  loadingEpisodes: boolean;
  episodeHint: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const hinted = episodes.find((e) => e.id === episodeHint)?.id;
  const [ppEpisodeId, setPpEpisodeId] = useState<string>('');
  const chosenEpisode = ppEpisodeId || hinted || (episodes.length === 1 ? episodes[0]?.id : '') || '';
  const [contactedOn, setContactedOn] = useState(todayIso());
  const [channel, setChannel] = useState<Channel | ''>(file.contactPreferences?.safeChannel ?? '');
  const [outcome, setOutcome] = useState<PartnerContactOutcome | ''>('');
  const [topics, setTopics] = useState<string[]>([]);
  const [hopesAndFears, setHopesAndFears] = useState('');
  const [herViewOfRisk, setHerViewOfRisk] = useState('');
  const [notes, setNotes] = useState('');
  const reached = outcome === 'reached';

  const save = useMutation({
    mutationFn: (body: unknown) => api.post<Created>(`/api/victims/${file.person.id}/partner-contacts`, body),
    onSuccess: () => {
      refresh(keys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('partnerContact.saved') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(PartnerContactCreate, {
      ppEpisodeId: chosenEpisode || undefined,
      contactedOn,
      channel: channel || undefined,
      outcome: outcome || undefined,
      topicsCovered: reached ? (topics as Topic[]) : [],
      hopesAndFears: reached ? optional(hopesAndFears) : undefined,
      herViewOfRisk: reached ? optional(herViewOfRisk) : undefined,
      notes: optional(notes),
    });
    if (body) save.mutate(body);
  };

  if (!loadingEpisodes && episodes.length === 0) {
    return (
      <Alert color="yellow" variant="light" withCloseButton onClose={onClose}>
        {t('partnerContact.noProgramme')}
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('partnerContact.log')}>
      <Stack gap="sm" mb="md">
        <NativeSelect
          label={t('partnerContact.programme')}
          description={t('partnerContact.programmeHint')}
          required
          value={chosenEpisode}
          onChange={(e) => setPpEpisodeId(e.currentTarget.value)}
          error={form.errorAt('ppEpisodeId')}
          data={[
            { value: '', label: loadingEpisodes ? t('common.loading') : t('common.choose') },
            ...episodes.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
        <Group align="flex-start">
          <DateField
            label={t('partnerContact.contactedOn')}
            value={contactedOn}
            onChange={setContactedOn}
            error={form.errorAt('contactedOn')}
            max={todayIso()}
            required
          />
          <NativeSelect
            label={t('partnerContact.channel')}
            required
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as Channel)}
            error={form.errorAt('channel')}
            data={[
              { value: '', label: t('common.choose') },
              ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })),
            ]}
          />
        </Group>
        <Radio.Group
          label={t('partnerContact.outcome')}
          value={outcome}
          onChange={(v) => setOutcome(v as PartnerContactOutcome)}
          error={form.errorAt('outcome')}
          required
        >
          <Stack gap={6} mt="xs">
            {PARTNER_CONTACT_OUTCOMES.map((o) => (
              <Radio
                key={o}
                value={o}
                label={t(`partnerContact.outcomes.${o}`)}
                description={t(`partnerContact.outcomeHints.${o}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {outcome === 'declined' && (
          <Alert color="gray" variant="light">
            {t('partnerContact.declinedNote')}
          </Alert>
        )}
        {reached && (
          <>
            <Checkbox.Group
              label={t('partnerContact.topics')}
              description={t('partnerContact.topicsHint')}
              value={topics}
              onChange={setTopics}
              error={form.errorAt('topicsCovered')}
            >
              <Stack gap={6} mt="xs">
                {PARTNER_CONTACT_TOPICS.map((topic) => (
                  <Checkbox key={topic} value={topic} label={t(`enums.topic.${topic}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Textarea
              label={t('partnerContact.hopesAndFears')}
              value={hopesAndFears}
              onChange={(e) => setHopesAndFears(e.currentTarget.value)}
              error={form.errorAt('hopesAndFears')}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('partnerContact.herViewOfRisk')}
              description={t('partnerContact.herViewOfRiskHint')}
              value={herViewOfRisk}
              onChange={(e) => setHerViewOfRisk(e.currentTarget.value)}
              error={form.errorAt('herViewOfRisk')}
              autosize
              minRows={2}
            />
          </>
        )}
        <Textarea
          label={t('partnerContact.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={form.errorAt('notes')}
          autosize
          minRows={1}
        />
        <FormAlert
          error={save.error}
          shownFields={[
            'ppEpisodeId',
            'contactedOn',
            'channel',
            'outcome',
            'topicsCovered',
            'hopesAndFears',
            'herViewOfRisk',
            'notes',
          ]}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('partnerContact.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
