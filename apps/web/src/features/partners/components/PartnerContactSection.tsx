import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
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
  routes,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Facts, Section } from '../../../components/PageParts';
import { useRefreshCasework } from '../../cases/api';
import { partnerKeys, useEpisodesNamingHer } from '../api';
import { OutcomeBadge } from './badges';

type Channel = (typeof CONTACT_CHANNELS)[number];
type Topic = (typeof PARTNER_CONTACT_TOPICS)[number];

/**
 * The partner-contact log (docs/domain.md, "Partner contact"): what she was told, her hopes and fears, her
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
      {file.namedIn.map((named) => (
        <TopicCoverage key={named.ppEpisodeId} named={named} programme={programmeName(named.ppEpisodeId)} />
      ))}
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

/**
 * Per programme that named her: whether and when contact was offered, and across her contacts
 * which topics she has been told and which remain to offer her (the checklist of the standards).
 */
function TopicCoverage({
  named,
  programme,
}: {
  named: VictimFileView['namedIn'][number];
  programme: string | null;
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const { offer, topics } = named;
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('partnerContact.coverage.label')}>
      <Text size="sm" fw={600} mb={4}>
        {programme ?? t('partnerContact.coverage.thisProgramme')}
      </Text>
      <Text size="sm" mb={4} data-testid="partner-offer">
        {offer
          ? t('partnerContact.coverage.offered', {
              date: formatDate(i18n.language, offer.offeredOn),
              name: offer.offeredBy,
              outcome: t(`partnerContact.outcomes.${offer.outcome}`),
            })
          : t('partnerContact.coverage.notOffered')}
      </Text>
      <Text size="xs" fw={600}>
        {t('partnerContact.coverage.told')}
      </Text>
      {topics.told.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partnerContact.coverage.nothingYet')}
        </Text>
      ) : (
        <List size="sm" data-testid="topics-told">
          {topics.told.map((item) => (
            <List.Item key={item.topic}>
              {t(`enums.topic.${item.topic}`)} · {formatDate(i18n.language, item.firstToldOn)}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" fw={600} mt={4}>
        {t('partnerContact.coverage.remaining')}
      </Text>
      {topics.remaining.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partnerContact.coverage.allTold')}
        </Text>
      ) : (
        <List size="sm" data-testid="topics-remaining">
          {topics.remaining.map((topic) => (
            <List.Item key={topic}>{t(`enums.topic.${topic}`)}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function ContactEntry({
  contact,
  programme,
}: {
  contact: VictimFileView['partnerContacts'][number];
  programme: string | null;
}) {
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
  // The programme she is contacted about: the one chosen, else the one the page came from, else the only one.
  const defaultEpisode = hinted || (episodes.length === 1 ? episodes[0]?.id : '') || '';
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.logPartnerContact>) =>
      call(routes.victim.logPartnerContact, { params: { id: file.person.id }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('partnerContact.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: PartnerContactCreate,
    initialValues: {
      ppEpisodeId: '',
      contactedOn: todayIso(),
      channel: (file.contactPreferences?.safeChannel ?? '') as Channel | '',
      outcome: '' as PartnerContactOutcome | '',
      topicsCovered: [] as Topic[],
      hopesAndFears: '',
      herViewOfRisk: '',
      notes: '',
    },
    // What she said is recorded only when she was reached.
    toInput: (values) => {
      const reached = values.outcome === 'reached';
      return blankToUndefined({
        ...values,
        ppEpisodeId: values.ppEpisodeId || defaultEpisode,
        topicsCovered: reached ? values.topicsCovered : [],
        hopesAndFears: reached ? values.hopesAndFears : '',
        herViewOfRisk: reached ? values.herViewOfRisk : '',
      });
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  const outcome = form.values.outcome;
  const reached = outcome === 'reached';

  if (!loadingEpisodes && episodes.length === 0) {
    return (
      <Alert color="yellow" variant="light" withCloseButton onClose={onClose}>
        {t('partnerContact.noProgramme')}
      </Alert>
    );
  }

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('partnerContact.log')}>
      <Stack gap="sm" mb="md">
        <NativeSelect
          label={t('partnerContact.programme')}
          description={t('partnerContact.programmeHint')}
          required
          {...form.getInputProps('ppEpisodeId')}
          value={form.values.ppEpisodeId || defaultEpisode}
          data={[
            { value: '', label: loadingEpisodes ? t('common.loading') : t('common.choose') },
            ...episodes.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
        <Group align="flex-start">
          <DateField
            label={t('partnerContact.contactedOn')}
            {...form.getInputProps('contactedOn')}
            max={todayIso()}
            required
          />
          <NativeSelect
            label={t('partnerContact.channel')}
            required
            {...form.getInputProps('channel')}
            data={[
              { value: '', label: t('common.choose') },
              ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })),
            ]}
          />
        </Group>
        <Radio.Group label={t('partnerContact.outcome')} {...form.getInputProps('outcome')} required>
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
              {...form.getInputProps('topicsCovered')}
            >
              <Stack gap={6} mt="xs">
                {PARTNER_CONTACT_TOPICS.map((topic) => (
                  <Checkbox key={topic} value={topic} label={t(`enums.topic.${topic}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Textarea
              label={t('partnerContact.hopesAndFears')}
              {...form.getInputProps('hopesAndFears')}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('partnerContact.herViewOfRisk')}
              description={t('partnerContact.herViewOfRiskHint')}
              {...form.getInputProps('herViewOfRisk')}
              autosize
              minRows={2}
            />
          </>
        )}
        <Textarea label={t('partnerContact.notes')} {...form.getInputProps('notes')} autosize minRows={1} />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('partnerContact.submit')} />
      </Stack>
    </form>
  );
}
