import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { SeriousHarmWorkItem } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Section } from '../../../components/PageParts';

/**
 * On her case manager's home: a colleague's share without her consent waiting for a second
 * decision, or her still to be told of one. Each links to the section of her file where it is done.
 */
export function SeriousHarmWork({ items }: { items: SeriousHarmWorkItem[] }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  if (items.length === 0) return null;
  return (
    <Section
      id="home-serious-harm"
      title={t('seriousHarm.home.title')}
      description={t('seriousHarm.home.description')}
      actions={
        <Badge size="lg" variant="light" color="red">
          {t('seriousHarm.home.count', { count: items.length })}
        </Badge>
      }
    >
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item) => (
          <Group
            key={`${item.shareId}-${item.task}`}
            component="li"
            justify="space-between"
            gap="sm"
            py={8}
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <div>
              <Anchor component={Link} to={`/victims/${item.personId}#serious-harm`} fw={600}>
                {t(`seriousHarm.home.task.${item.task}`, { name: item.partnerName })}
              </Anchor>
              <Text size="xs" c="dimmed">
                {item.reviewOn
                  ? t('seriousHarm.home.reconsider', { date: formatDate(i18n.language, item.reviewOn) })
                  : t('seriousHarm.home.recorded', { date: formatDate(i18n.language, item.recordedOn) })}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
