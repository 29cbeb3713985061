import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { NewReferralItem } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Section } from '../../../components/PageParts';

/**
 * For the partner-contact worker: the partners newly named to her service, waiting for the
 * first offer of contact (docs/domain.md, "Partner contact"), oldest first.
 */
export function NewReferrals({ referrals }: { referrals: NewReferralItem[] }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const oldestFirst = [...referrals].sort((a, b) => a.referredAt.localeCompare(b.referredAt));
  return (
    <Section
      id="home-new-referrals"
      title={t('home.newReferrals.title')}
      description={t('home.newReferrals.description')}
      actions={
        referrals.length > 0 ? (
          <Badge size="lg" variant="light" color="indigo">
            {t('home.newReferrals.count', { count: referrals.length })}
          </Badge>
        ) : undefined
      }
    >
      {oldestFirst.length === 0 ? (
        <Empty>{t('home.newReferrals.empty')}</Empty>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {oldestFirst.map((referral) => (
            <Group
              key={referral.referralId}
              component="li"
              justify="space-between"
              gap="sm"
              py={8}
              style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            >
              <div>
                <Anchor
                  component={Link}
                  to={`/victims/${referral.partnerPersonId}?episode=${referral.ppEpisodeId}`}
                  fw={600}
                >
                  {referral.partnerName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`enums.relationship.${referral.relationship}`)}
                </Text>
              </div>
              <Text size="xs" c="dimmed">
                {t('home.newReferrals.referred', { date: formatDate(i18n.language, referral.referredAt) })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
