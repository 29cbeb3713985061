import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { SafetyPlanDueItem } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Section } from '../../../components/PageParts';

/**
 * For the partner-contact worker: the partners named to her service whom no victim service
 * supports and who have no safety plan yet (docs/domain.md, "Partner contact"). The programme's
 * partner contact still sees that she has one; a woman who declined contact is not listed.
 */
export function SafetyPlansDue({ items }: { items: SafetyPlanDueItem[] }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  return (
    <Section
      id="home-safety-plans-due"
      title={t('home.safetyPlansDue.title')}
      description={t('home.safetyPlansDue.description')}
      actions={
        items.length > 0 ? (
          <Badge size="lg" variant="light" color="orange">
            {t('home.safetyPlansDue.count', { count: items.length })}
          </Badge>
        ) : undefined
      }
    >
      {items.length === 0 ? (
        <Empty>{t('home.safetyPlansDue.empty')}</Empty>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <Group
              key={item.partnerPersonId}
              component="li"
              justify="space-between"
              gap="sm"
              py={8}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <div>
                <Anchor component={Link} to={`/victims/${item.partnerPersonId}/safety-plans/safety`} fw={600}>
                  {item.partnerName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`enums.relationship.${item.relationship}`)}
                </Text>
              </div>
              <Text size="xs" c="dimmed">
                {t('home.newReferrals.referred', { date: formatDate(i18n.language, item.referredAt) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
