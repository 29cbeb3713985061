import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { NewReferralItem } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Section } from '../../../components/PageParts';

export interface PartnerRow {
  key: string;
  /** Where her name leads. */
  to: string;
  partnerName: string;
  relationship: NewReferralItem['relationship'];
  referredAt: string;
}

/**
 * A home section of the partner-contact worker that lists partners (women named to her service):
 * her name as a link, the relationship, the day she was referred, and the count on top. `words`
 * is the section's key in the casework words (its title, description, count and empty text).
 */
export function PartnerList({
  id,
  words,
  badgeColor,
  rows,
}: {
  id: string;
  words: 'home.newReferrals' | 'home.safetyPlansDue';
  badgeColor: string;
  rows: readonly PartnerRow[];
}) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  return (
    <Section
      id={id}
      title={t(`${words}.title`)}
      description={t(`${words}.description`)}
      actions={
        rows.length > 0 ? (
          <Badge size="lg" variant="light" color={badgeColor}>
            {t(`${words}.count`, { count: rows.length })}
          </Badge>
        ) : undefined
      }
    >
      {rows.length === 0 ? (
        <Empty>{t(`${words}.empty`)}</Empty>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((row) => (
            <Group
              key={row.key}
              component="li"
              justify="space-between"
              gap="sm"
              py={8}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <div>
                <Anchor component={Link} to={row.to} fw={600}>
                  {row.partnerName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`enums.relationship.${row.relationship}`)}
                </Text>
              </div>
              <Text size="xs" c="dimmed">
                {t('home.newReferrals.referred', { date: formatDate(i18n.language, row.referredAt) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
