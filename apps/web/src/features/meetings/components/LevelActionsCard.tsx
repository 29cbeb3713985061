import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { useActions } from '../api';
import { ActionStatusBadge, casePagePath, formatDay, OverdueBadge } from './parts';

/**
 * On the joint risk page: the actions the agreed levels proposed (risk management, not only
 * assessment), open ones first, with their status — as far as the reader may see the plan.
 */
export function LevelActionsCard({ jointCaseId }: { jointCaseId: string }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const actions = useActions(jointCaseId);
  const proposed = (actions.data ?? [])
    .filter((action) => action.levelActionKey !== null)
    .sort((a, b) => {
      const open = (status: string) => (status === 'open' || status === 'in_progress' ? 0 : 1);
      return open(a.status) - open(b.status) || a.term.localeCompare(b.term);
    });
  if (!actions.data) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="level-actions-title">
      <Group justify="space-between" gap="xs">
        <div>
          <Title order={2} size="h5" id="level-actions-title">
            {t('levelActions.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('levelActions.description')}
          </Text>
        </div>
        <Anchor component={Link} to={casePagePath(jointCaseId, 'actions')} size="sm">
          {t('levelActions.openPlan')}
        </Anchor>
      </Group>
      {proposed.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" mt="xs">
          {t('levelActions.empty')}
        </Text>
      ) : (
        <Stack gap={6} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {proposed.map((action) => (
            <Group key={action.id} component="li" justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0}>
                <Text size="sm">{action.action}</Text>
                <Text size="xs" c="dimmed">
                  {t('levelActions.due', {
                    term: formatDay(i18n.language, action.term),
                    who: action.responsibleName ?? '—',
                  })}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                {action.victimSideOnly && <VictimSideOnly />}
                {action.overdue && <OverdueBadge />}
                <ActionStatusBadge status={action.status} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
