import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Empty, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { SeriousHarmStatisticsCard } from '../../serious-harm/components/SeriousHarmStatisticsCard';
import { useMyNetworks } from '../api';
import { RiskDivergenceCard } from '../components/RiskDivergenceCard';
import { StatisticsExportCard } from '../components/StatisticsExportCard';

/**
 * The network's figures for its coordinator and analysts: counts only, small ones suppressed by
 * the server. When the two sides assessed differently, and how often her service shared without
 * her consent for someone's safety; and the same figures as a file for data collection.
 */
export function NetworkStatisticsPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const networks = useMyNetworks();
  return (
    <Stack maw={960}>
      <div>
        <PageTitle documentTitle={t('networkStatistics.title')}>{t('networkStatistics.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('networkStatistics.intro')}
        </Text>
      </div>
      <Loading query={{ isPending: networks.isPending, error: null }}>
        {networks.list.length === 0 && <Empty>{t('networkStatistics.empty')}</Empty>}
        {networks.list.map((network) => (
          <Stack key={network.id}>
            <RiskDivergenceCard networkId={network.id} networkName={network.name} />
            <SeriousHarmStatisticsCard networkId={network.id} networkName={network.name} />
            <StatisticsExportCard networkId={network.id} networkName={network.name} />
          </Stack>
        ))}
      </Loading>
    </Stack>
  );
}
