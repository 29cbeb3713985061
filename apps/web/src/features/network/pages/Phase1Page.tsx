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
import { Phase1MeetingCreate, routes } from '@tandem/shared';
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
import { useSession } from '../../auth/session';
import { useRefreshCasework } from '../../cases/api';
import { networkKeys, useMyNetworks } from '../api';

/** The Phase 1 team meeting (docs/domain.md, "Phase 1"): who took part, topics, outcomes. */
export function Phase1Page() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.coordinateNetwork);
  const networks = useMyNetworks();
  const meetings = useQuery({
    queryKey: networkKeys.phase1,
    queryFn: async () => (await call(routes.network.listPhase1Meetings)).items,
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
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.network.recordPhase1Meeting>) =>
      call(routes.network.recordPhase1Meeting, { body }),
    onSuccess: () => {
      refresh(networkKeys.phase1);
      notifications.show({ color: 'teal', message: t('phase1.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: Phase1MeetingCreate,
    initialValues: {
      networkId: '',
      heldOn: todayIso(),
      agencyIds: [] as string[],
      participants: '',
      topics: '',
      outcomes: '',
    },
    // One participant a line; the coordinator's first network until another is chosen.
    toInput: ({ participants, networkId, ...values }) =>
      blankToUndefined({
        ...values,
        networkId: networkId || firstNetwork,
        participants: participants
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      }),
    onSubmit: (body) => save.mutateAsync(body),
  });
  const firstNetwork = networks.list[0]?.id ?? '';
  const chosenNetwork = form.values.networkId || firstNetwork;
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={form.submit} noValidate aria-label={t('phase1.new')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('phase1.new')}
          </Title>
          <NativeSelect
            label={t('phase1.network')}
            required
            {...form.getInputProps('networkId')}
            value={chosenNetwork}
            onChange={(e) => form.setValues({ networkId: e.currentTarget.value, agencyIds: [] })}
            data={networks.list.map((n) => ({ value: n.id, label: n.name }))}
          />
          <DateField label={t('phase1.heldOn')} {...form.getInputProps('heldOn')} required />
          <Checkbox.Group label={t('phase1.agencies')} {...form.getInputProps('agencyIds')} required>
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
            {...form.getInputProps('participants')}
            autosize
            minRows={3}
          />
          <Textarea
            label={t('phase1.topics')}
            description={t('phase1.topicsHint')}
            required
            {...form.getInputProps('topics')}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('phase1.outcomes')}
            required
            {...form.getInputProps('outcomes')}
            autosize
            minRows={2}
          />
          <SchemaFormAlert form={form} />
          <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('phase1.submit')} />
        </Stack>
      </form>
    </Paper>
  );
}
