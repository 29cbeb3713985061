import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { useHome } from '../../home/api';
import { formatInZone } from './meetingTime';
import { formatDay } from './parts';

/**
 * The home page's "Meetings this week" and "Overdue actions": each row one click from where
 * the work is done (the meeting screen; the action's row in the case's action plan).
 */
export function HomeMeetingCards({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const enabled = session.abilities.casework;
  // The home view the other cards read: same key, same request, one cache.
  const home = useHome(enabled);
  if (!enabled || !home.data) return null;
  const meetings = home.data.meetingsThisWeek ?? [];
  const overdue = home.data.overdueActions ?? [];

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <HomeCard
        id="home-meetings"
        title={t('home.meetings.title')}
        description={t('home.meetings.description')}
      >
        {meetings.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('home.meetings.empty')}
          </Text>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {meetings.map((meeting) => (
              <Stack
                key={meeting.id}
                component="li"
                gap={2}
                py={8}
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} size="sm">
                  {t('home.meetings.item', {
                    case: meeting.caseNumber,
                    when: formatInZone(i18n.language, meeting.scheduledFor, meeting.timeZone),
                  })}
                </Anchor>
                <Group gap={4}>
                  {meeting.status !== 'planned' && (
                    <Badge size="sm" variant="light" color="gray">
                      {t(`status.${meeting.status}`)}
                    </Badge>
                  )}
                  {meeting.kind === 'extraordinary' && (
                    <Badge size="sm" variant="light" color="orange">
                      {t('kind.extraordinary')}
                    </Badge>
                  )}
                  <Badge size="sm" variant="outline" color={meeting.mode === 'remote' ? 'cyan' : 'gray'}>
                    {t(`mode.${meeting.mode}`)}
                  </Badge>
                </Group>
              </Stack>
            ))}
          </Stack>
        )}
      </HomeCard>
      <HomeCard
        id="home-overdue-actions"
        title={t('home.overdueActions.title')}
        description={t('home.overdueActions.description')}
        badge={
          overdue.length > 0 ? (
            <Badge color="red" variant="filled" size="lg">
              {overdue.length}
            </Badge>
          ) : undefined
        }
      >
        {overdue.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('home.overdueActions.empty')}
          </Text>
        ) : (
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {overdue.map((action) => (
              <Group
                key={action.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                gap="sm"
                py={8}
                style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
              >
                <div>
                  <Anchor
                    component={Link}
                    to={`/joint-cases/${action.jointCaseId}/actions#action-${action.id}`}
                    fw={600}
                    size="sm"
                  >
                    {action.action}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {action.caseNumber} · {action.need}
                    {action.responsibleName ? ` · ${action.responsibleName}` : ''}
                  </Text>
                </div>
                <Text size="xs" c="red.8" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('home.overdueActions.since', { date: formatDay(i18n.language, action.term) })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </HomeCard>
    </SimpleGrid>
  );
}

function HomeCard({
  id,
  title,
  description,
  badge,
  children,
}: {
  id: string;
  title: string;
  description: string;
  badge?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={2}>
            {description}
          </Text>
        </div>
        {badge}
      </Group>
      {children}
    </Card>
  );
}
