import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Facts, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useReceivedShares } from '../api';

/**
 * What a victim service shared with this agency without her consent, because someone is at risk
 * of serious harm: the content and its lawful basis, only while it may be read (the server
 * decides what is listed, for every signed-in user; most see an empty page).
 */
export function ReceivedSharesPage() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const received = useReceivedShares();
  const date = (iso: string) => formatDate(i18n.language, iso);
  const items = received.data ?? [];
  return (
    <Stack maw={900}>
      <div>
        <PageTitle documentTitle={t('seriousHarm.received.title')}>
          {t('seriousHarm.received.title')}
        </PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('seriousHarm.received.intro')}
        </Text>
      </div>
      <Loading query={received}>
        {items.length === 0 ? (
          <Empty>{t('seriousHarm.received.empty')}</Empty>
        ) : (
          <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((share) => (
              <Paper key={share.id} component="li" withBorder p="md" radius="md">
                <Group justify="space-between" mb="xs" gap="xs">
                  <Text fw={700} component="h2" size="md" m={0}>
                    {t('seriousHarm.received.from', { agency: share.fromAgencyName })}
                  </Text>
                  <Badge color="red" variant="light">
                    {t('seriousHarm.received.until', { date: date(share.validTo) })}
                  </Badge>
                </Group>
                <Facts
                  items={[
                    [t('seriousHarm.share.atRisk'), t(`seriousHarm.atRisk.${share.atRisk}`)],
                    [
                      t('seriousHarm.share.basis'),
                      `${t(`seriousHarm.basis.${share.lawfulBasis}`)} — ${share.legalReference}`,
                    ],
                    [t('seriousHarm.received.authorisedOn'), date(share.authorisedOn)],
                    [t('seriousHarm.share.content'), share.content],
                  ]}
                />
              </Paper>
            ))}
          </Stack>
        )}
      </Loading>
      <Text size="sm" c="dimmed">
        {t('seriousHarm.received.note')}
      </Text>
    </Stack>
  );
}
