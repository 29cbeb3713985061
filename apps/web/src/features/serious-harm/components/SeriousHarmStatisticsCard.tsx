import { Table, Text } from '@mantine/core';
import type { SeriousHarmStatistics } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Loading, Section } from '../../../components/PageParts';
import { OPEN_PERIOD, PeriodFields } from '../../../components/PeriodFields';
import { useSeriousHarmStatistics } from '../api';

type Count = number | null;

/**
 * How often a network's services shared without her consent, authorised, in a period: counts only,
 * small counts suppressed (shown as "fewer than N"), by lawful basis and by whether she was told.
 */
export function SeriousHarmStatisticsCard({
  networkId,
  networkName,
}: {
  networkId: string;
  networkName: string;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  const [period, setPeriod] = useState(OPEN_PERIOD);
  const statistics = useSeriousHarmStatistics(networkId, period);
  const id = `serious-harm-statistics-${networkId}`;
  return (
    <Section
      id={id}
      title={t('seriousHarm.statistics.title', { network: networkName })}
      description={t('seriousHarm.statistics.description')}
    >
      <PeriodFields
        period={period}
        onChange={setPeriod}
        fromLabel={t('seriousHarm.statistics.from')}
        toLabel={t('seriousHarm.statistics.to')}
      />
      <Loading query={statistics}>
        {statistics.data && <CountsTable data={statistics.data} captionId={`${id}-caption`} />}
      </Loading>
    </Section>
  );
}

function CountsTable({ data, captionId }: { data: SeriousHarmStatistics; captionId: string }) {
  const { t } = useTranslation(CASEWORK_NS);
  const shown = (count: Count) =>
    count === null ? t('seriousHarm.statistics.suppressed', { minimum: data.minimumCount }) : String(count);
  const rows: [string, Count][] = [
    [t('seriousHarm.statistics.total'), data.shares],
    [t('seriousHarm.basis.vital_interests'), data.byBasis.vital_interests],
    [t('seriousHarm.basis.legal_duty'), data.byBasis.legal_duty],
    [t('seriousHarm.telling.status.pending'), data.byTelling.pending],
    [t('seriousHarm.telling.status.told'), data.byTelling.told],
    [t('seriousHarm.telling.status.postponed'), data.byTelling.postponed],
  ];
  return (
    <>
      <Table data-testid="serious-harm-statistics" aria-describedby={captionId} withTableBorder>
        <Table.Caption id={captionId}>{t('seriousHarm.statistics.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('seriousHarm.statistics.what')}</Table.Th>
            <Table.Th scope="col">{t('seriousHarm.statistics.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, count]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              <Table.Td>{shown(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('seriousHarm.statistics.suppressionNote', { minimum: data.minimumCount })}
      </Text>
    </>
  );
}
