import { Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MeetingView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { DateTimeField } from '../../../../components/DateTimeField';
import { FormAlert } from '../../../../components/FormAlert';
import { useDecideProposal } from '../../api';

/** An instant as the value of a datetime-local input (the browser's own time). */
function toLocalInput(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * An extraordinary meeting the system proposed (after an escalation trigger, or a critical event
 * at high risk): the case managers accept it at the date they choose, or decline it.
 */
export function ProposalSection({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation(MEETINGS_NS);
  const decide = useDecideProposal(meeting);
  const [when, setWhen] = useState(() => toLocalInput(meeting.scheduledFor));
  const [mode, setMode] = useState<MeetingView['mode']>(meeting.mode);
  const accept = async () => {
    const at = new Date(when);
    await decide.mutateAsync({
      decision: 'accept',
      scheduledFor: Number.isNaN(at.getTime()) ? when : at.toISOString(),
      mode,
    });
    notifications.show({ color: 'teal', message: t('proposal.accepted') });
  };
  const decline = async () => {
    await decide.mutateAsync({ decision: 'decline' });
    notifications.show({ color: 'gray', message: t('proposal.declined') });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="meeting-proposal">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="meeting-proposal">
            {t('proposal.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('proposal.hint')}
          </Text>
        </div>
        <FormAlert error={decide.error} />
        {meeting.can.decideProposal && (
          <Group gap="lg" align="flex-end">
            <DateTimeField label={t('proposal.when')} value={when} onChange={setWhen} required />
            <Stack gap={4}>
              <Text size="sm" fw={700} id="proposal-mode">
                {t('call.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="proposal-mode"
                value={mode}
                onChange={(value) => setMode(value as MeetingView['mode'])}
                data={[
                  { value: 'remote', label: t('mode.remote') },
                  { value: 'in_person', label: t('mode.in_person') },
                ]}
              />
            </Stack>
            <Button onClick={() => void accept().catch(() => undefined)} loading={decide.isPending}>
              {t('proposal.accept')}
            </Button>
            <Button
              variant="default"
              onClick={() => void decline().catch(() => undefined)}
              disabled={decide.isPending}
            >
              {t('proposal.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
