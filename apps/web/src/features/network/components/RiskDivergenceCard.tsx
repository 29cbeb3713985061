import { BarChart } from '@mantine/charts';
import { Box, Group, Table, Text } from '@mantine/core';
import type { RiskDivergenceStatistics } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Loading, Section } from '../../../components/PageParts';
import { OPEN_PERIOD, PeriodFields } from '../../../components/PeriodFields';
import { useRiskDivergence } from '../api';

const CELLS = [
  'programmeLowerByTwoOrMore',
  'programmeLowerByOne',
  'same',
  'programmeHigherByOne',
  'programmeHigherByTwoOrMore',
] as const;

/**
 * When the two sides assessed differently, across the network (docs/domain.md, "Joint risk
 * assessment"): pairs of checklists by how far the programme's level was below or above her
 * service's. A bar chart for the eye, the same counts as a table; a suppressed count draws no bar.
 */
export function RiskDivergenceCard({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t } = useTranslation(CASEWORK_NS);
  const [period, setPeriod] = useState(OPEN_PERIOD);
  const statistics = useRiskDivergence(networkId, period);
  const id = `risk-divergence-${networkId}`;
  return (
    <Section
      id={id}
      title={t('networkStatistics.divergence.title', { network: networkName })}
      description={t('networkStatistics.divergence.description')}
    >
      <PeriodFields
        period={period}
        onChange={setPeriod}
        fromLabel={t('networkStatistics.divergence.from')}
        toLabel={t('networkStatistics.divergence.to')}
      />
      <Loading query={statistics}>
        {statistics.data && <Divergence data={statistics.data} captionId={`${id}-caption`} />}
      </Loading>
    </Section>
  );
}

function Divergence({ data, captionId }: { data: RiskDivergenceStatistics; captionId: string }) {
  const { t } = useTranslation(CASEWORK_NS);
  const shown = (count: number | null) =>
    count === null
      ? t('networkStatistics.divergence.suppressed', { minimum: data.minimumCount })
      : String(count);
  const label = (cell: (typeof CELLS)[number]) => t(`networkStatistics.divergence.cells.${cell}`);
  const bars = CELLS.map((cell) => ({ comparison: label(cell), pairs: data.cells[cell] }));
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      {/* The picture for the eye; the table beside it says the same for screen readers. */}
      <Box role="img" aria-label={t('networkStatistics.divergence.chartLabel')} w={420} maw="100%">
        <BarChart
          h={240}
          data={bars}
          dataKey="comparison"
          series={[{ name: 'pairs', label: t('networkStatistics.divergence.count'), color: 'indigo.8' }]}
          withTooltip={false}
          xAxisProps={{ tick: false }}
          yAxisProps={{ allowDecimals: false, width: 40 }}
        />
      </Box>
      <div>
        <Table
          data-testid="risk-divergence-statistics"
          aria-describedby={captionId}
          withTableBorder
          maw={480}
        >
          <Table.Caption id={captionId}>{t('networkStatistics.divergence.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('networkStatistics.divergence.what')}</Table.Th>
              <Table.Th scope="col">{t('networkStatistics.divergence.count')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CELLS.map((cell) => (
              <Table.Tr key={cell}>
                <Table.Th scope="row" fw={500}>
                  {label(cell)}
                </Table.Th>
                <Table.Td>{shown(data.cells[cell])}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('networkStatistics.divergence.pairs')}</Table.Th>
              <Table.Td>{shown(data.pairs)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('networkStatistics.divergence.cases')}</Table.Th>
              <Table.Td>{shown(data.cases)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={4}>
          {t('networkStatistics.divergence.suppressionNote', { minimum: data.minimumCount })}
        </Text>
      </div>
    </Group>
  );
}
