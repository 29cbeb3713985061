import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DueItem } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { useDueFromHome } from '../api';
import { dueLink, sortDue } from '../logic';
import { Empty, formatDate, Loading } from './parts';

const FIRST_SHOWN = 6;

/** The list of reassessments and questionnaires due, each one click from where it is done. */
export function DueList({ items }: { items: readonly DueItem[] }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const [all, setAll] = useState(false);
  if (items.length === 0) return <Empty>{t('due.empty')}</Empty>;
  const sorted = sortDue(items);
  const shown = all ? sorted : sorted.slice(0, FIRST_SHOWN);
  return (
    <Stack gap="xs">
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((item) => (
          <Group
            key={`${item.jointCaseId}-${item.what}-${item.timepoint ?? ''}`}
            component="li"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            py={8}
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <div>
              <Anchor component={Link} to={dueLink(item)} fw={600} size="sm">
                {item.what === 'reassessment'
                  ? t(item.reason === 'never_assessed' ? 'due.assessment' : 'due.reassessment')
                  : t(`due.${item.what}`, { timepoint: item.timepoint ?? '' })}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.caseNumber} · {t(`due.reason.${item.reason}`)}
              </Text>
            </div>
            <Stack gap={2} align="flex-end">
              {item.overdue && (
                <Badge color="red" variant="light" size="sm">
                  {t('due.overdue')}
                </Badge>
              )}
              <Text size="xs" c={item.overdue ? 'red.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                {t('due.dueOn', { date: formatDate(i18n.language, item.dueOn) })}
              </Text>
            </Stack>
          </Group>
        ))}
      </Stack>
      {sorted.length > FIRST_SHOWN && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll((current) => !current)}>
            {all ? t('due.showFewer') : t('due.showAll', { count: sorted.length })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The home page's card: "Reassessments and questionnaires due". */
export function DueCard() {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const due = useDueFromHome();
  const overdue = due.data?.filter((item) => item.overdue).length ?? 0;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="card-due">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2} size="h4" id="card-due">
            {t('due.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('due.description')}
          </Text>
        </div>
        {overdue > 0 && (
          <Badge color="red" size="lg" variant="light" style={{ flexShrink: 0 }}>
            {t('due.overdueCount', { count: overdue })}
          </Badge>
        )}
      </Group>
      <Stack mt="sm">
        <Loading query={due}>
          <DueList items={due.data ?? []} />
        </Loading>
      </Stack>
    </Card>
  );
}
