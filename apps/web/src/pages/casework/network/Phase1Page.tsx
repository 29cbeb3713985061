import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Phase1MeetingCreate } from '@tandem/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { keys, useRefreshCasework } from '../../../casework/api';
import { DateField, Empty, Facts, Loading } from '../../../casework/components';
import { formatDate, todayIso } from '../../../casework/format';
import { useFormErrors } from '../../../casework/forms';
import { CASEWORK_NS } from '../../../casework/i18n';
import type { Phase1Meeting } from '../../../casework/types';
import { FormAlert } from '../../../components/FormAlert';
import { PageTitle } from '../../../components/PageTitle';
import { NoAccess } from '../../NotFoundPage';
import { useMyNetworks } from './useMyNetworks';

/** The Phase 1 team meeting (DOMAIN.md §2 step 2): who took part, topics, outcomes. */
export function Phase1Page() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.coordinateNetwork);
  const networks = useMyNetworks();
  const meetings = useQuery({
    queryKey: keys.phase1,
    queryFn: async () => (await api.get<{ items: Phase1Meeting[] }>('/api/phase1-meetings')).items,
    enabled: allowed,
  });
  const [creating, setCreating] = useState(false);
  if (!allowed) return <NoAccess />;
  return (
    <Stack maw={1000}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('phase1.title')}>{t('phase1.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('phase1.intro')}
          </Text>
        </div>
        {!creating && <Button onClick={() => setCreating(true)}>{t('phase1.new')}</Button>}
      </Group>
      {creating && <Phase1Form onClose={() => setCreating(false)} />}
      <Loading query={meetings}>
        {(meetings.data ?? []).length === 0 ? (
          <Empty>{t('phase1.empty')}</Empty>
        ) : (
          (meetings.data ?? []).map((meeting) => (
            <Paper
              key={meeting.id}
              withBorder
              p="md"
              radius="md"
              component="article"
              aria-labelledby={`meeting-${meeting.id}`}
            >
              <Title order={2} size="h4" id={`meeting-${meeting.id}`} mb="xs">
                {t('phase1.heldOnTitle', { date: formatDate(i18n.language, meeting.heldOn) })}
              </Title>
              <Facts
                items={[
                  [t('phase1.network'), networks.networkName(meeting.networkId)],
                  [
                    t('phase1.agencies'),
                    meeting.agencyIds.map((id) => networks.directory.nameOf(id)).join('; '),
                  ],
                  [t('phase1.participants'), meeting.participants.join('; ')],
                  [t('phase1.topics'), meeting.topics],
                  [t('phase1.outcomes'), meeting.outcomes],
                ]}
              />
            </Paper>
          ))
        )}
      </Loading>
    </Stack>
  );
}

function Phase1Form({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const networks = useMyNetworks();
  const [networkId, setNetworkId] = useState('');
  const chosenNetwork = networkId || networks.list[0]?.id || '';
  const [heldOn, setHeldOn] = useState(todayIso());
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [participants, setParticipants] = useState('');
  const [topics, setTopics] = useState('');
  const [outcomes, setOutcomes] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<Phase1Meeting>('/api/phase1-meetings', body),
    onSuccess: () => {
      refresh(keys.phase1);
      notifications.show({ color: 'teal', message: t('phase1.saved') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(Phase1MeetingCreate, {
      networkId: chosenNetwork || undefined,
      heldOn,
      agencyIds,
      participants: participants
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      topics,
      outcomes,
    });
    if (body) save.mutate(body);
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate aria-label={t('phase1.new')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('phase1.new')}
          </Title>
          <NativeSelect
            label={t('phase1.network')}
            required
            value={chosenNetwork}
            onChange={(e) => {
              setNetworkId(e.currentTarget.value);
              setAgencyIds([]);
            }}
            error={form.errorAt('networkId')}
            data={networks.list.map((n) => ({ value: n.id, label: n.name }))}
          />
          <DateField
            label={t('phase1.heldOn')}
            value={heldOn}
            onChange={setHeldOn}
            error={form.errorAt('heldOn')}
            required
          />
          <Checkbox.Group
            label={t('phase1.agencies')}
            value={agencyIds}
            onChange={setAgencyIds}
            error={form.errorAt('agencyIds')}
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
              {networks.agenciesOf(chosenNetwork).map((a) => (
                <Checkbox key={a.id} value={a.id} label={a.name} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('phase1.participants')}
            description={t('phase1.participantsHint')}
            required
            value={participants}
            onChange={(e) => setParticipants(e.currentTarget.value)}
            error={form.errorAt('participants')}
            autosize
            minRows={3}
          />
          <Textarea
            label={t('phase1.topics')}
            description={t('phase1.topicsHint')}
            required
            value={topics}
            onChange={(e) => setTopics(e.currentTarget.value)}
            error={form.errorAt('topics')}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('phase1.outcomes')}
            required
            value={outcomes}
            onChange={(e) => setOutcomes(e.currentTarget.value)}
            error={form.errorAt('outcomes')}
            autosize
            minRows={2}
          />
          <FormAlert
            error={save.error}
            shownFields={['networkId', 'heldOn', 'agencyIds', 'participants', 'topics', 'outcomes']}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('phase1.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
