import { LineChart } from '@mantine/charts';
import { Box, Stack, Table, Text } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import { formatDate, levelLabel } from '../parts';

type History = JointRiskView['history'];

/** Each series differs in colour and line pattern: colour is never the only cue. */
const RISK_SERIES = [
  { key: 'perpetratorSide', color: 'orange.8', strokeDasharray: '6 4' },
  { key: 'victimSide', color: 'grape.8' },
  { key: 'agreed', color: 'dark.7', strokeDasharray: '2 3' },
] as const;

/**
 * Risk level over time, the programme's, victim support's and the agreed one, as a step chart
 * (a level holds until the next assessment) drawn by @mantine/charts, with the same data as a
 * table.
 */
export function LevelHistoryChart({
  history,
  definition,
}: {
  history: History;
  definition: Pick<InstrumentDefinition, 'levels'> | undefined;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const levels = definition?.levels ?? [];
  if (history.length === 0) return null;
  const rank = (level: string | null) => {
    const index = level ? levels.findIndex((candidate) => candidate.id === level) : -1;
    return index < 0 ? null : index;
  };
  const labelOf = (level: string | null) => (level ? levelLabel(levels, level, language) : t('chart.none'));
  const latest = history.at(-1)!;
  const summary = t('chart.riskSummary', {
    from: formatDate(language, history[0]!.date),
    to: formatDate(language, latest.date),
    pp: labelOf(latest.perpetratorSide),
    vss: labelOf(latest.victimSide),
    agreed: labelOf(latest.agreed),
  });
  const data = history.map((point) => ({
    date: formatDate(language, point.date),
    perpetratorSide: rank(point.perpetratorSide),
    victimSide: rank(point.victimSide),
    agreed: rank(point.agreed),
  }));

  return (
    <Stack gap="xs">
      {/* The picture for the eye; the table below says the same for screen readers. */}
      <Box role="img" aria-label={`${t('chart.riskTitle')}. ${summary}`} maw={640}>
        <LineChart
          h={220}
          data={data}
          dataKey="date"
          series={RISK_SERIES.map((line) => ({
            name: line.key,
            label: t(`series.${line.key}`),
            color: line.color,
            ...('strokeDasharray' in line && { strokeDasharray: line.strokeDasharray }),
          }))}
          curveType="stepAfter"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 40 }}
          withTooltip={false}
          strokeWidth={2}
          yAxisProps={{
            domain: [0, Math.max(levels.length - 1, 1)],
            ticks: levels.map((_level, index) => index),
            tickFormatter: (value: number) =>
              levels[value] ? levelLabel(levels, levels[value].id, language) : '',
            width: 110,
          }}
        />
      </Box>
      <details>
        <summary>
          <Text span size="sm">
            {t('chart.showTable')}
          </Text>
        </summary>
        <Table mt="xs" withTableBorder striped>
          <Table.Caption>{t('chart.riskTitle')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chart.date')}</Table.Th>
              <Table.Th scope="col">{t('series.perpetratorSide')}</Table.Th>
              <Table.Th scope="col">{t('series.victimSide')}</Table.Th>
              <Table.Th scope="col">{t('series.agreed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((point) => (
              <Table.Tr key={point.date}>
                <Table.Th scope="row" fw={400}>
                  {formatDate(language, point.date)}
                </Table.Th>
                <Table.Td>{labelOf(point.perpetratorSide)}</Table.Td>
                <Table.Td>{labelOf(point.victimSide)}</Table.Td>
                <Table.Td>{labelOf(point.agreed)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}
