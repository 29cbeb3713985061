import { LineChart } from '@mantine/charts';
import { Box, Stack, Table, Text } from '@mantine/core';
import type { ImpactView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import { formatDate } from '../parts';

type ImpactPoint = ImpactView['points'][number];

/** Each series differs in colour and line pattern: colour is never the only cue. */
const SERIES = [
  { key: 'him', color: 'orange.8', strokeDasharray: '6 4' },
  { key: 'her', color: 'grape.8' },
] as const;

/**
 * IMPACT scores over the time points, his account beside hers (higher = more violence or harm),
 * drawn by @mantine/charts, with the same data as a table. Her scores may be withheld from the
 * programme: then her line is not drawn at all.
 */
export function ScoreChart({ points }: { points: ImpactPoint[] }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const withheld = points.some((point) => point.herWithheld);
  const values = points
    .flatMap((point) => [point.him?.score, point.her?.score])
    .filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  const shown = (value: number | null | undefined) => (typeof value === 'number' ? String(value) : '—');
  const answered = points.filter((point) => point.him || point.her);
  const latest = answered.at(-1);
  const summary = latest
    ? t('chart.impactSummary', {
        timepoint: latest.timepoint,
        him: shown(latest.him?.score),
        her: latest.herWithheld ? t('impact.withheldShort') : shown(latest.her?.score),
      })
    : '';
  const data = points.map((point) => ({
    timepoint: point.timepoint,
    him: point.him?.score ?? null,
    her: point.herWithheld ? null : (point.her?.score ?? null),
  }));
  const series = SERIES.filter((line) => !(line.key === 'her' && withheld)).map((line) => ({
    name: line.key,
    label: t(`series.${line.key}`),
    color: line.color,
    ...('strokeDasharray' in line && { strokeDasharray: line.strokeDasharray }),
  }));

  return (
    <Stack gap="xs">
      {/* The picture for the eye; the table below says the same for screen readers. */}
      <Box role="img" aria-label={`${t('chart.impactTitle')}. ${summary}`} maw={640}>
        <LineChart
          h={220}
          data={data}
          dataKey="timepoint"
          series={series}
          curveType="linear"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 40 }}
          withTooltip={false}
          strokeWidth={2}
          yAxisProps={{ allowDecimals: false, width: 40 }}
        />
      </Box>
      <Text size="xs" c="dimmed">
        {t('chart.impactHint')}
        {withheld && ` ${t('impact.withheldExplained')}`}
      </Text>
      <details>
        <summary>
          <Text span size="sm">
            {t('chart.showTable')}
          </Text>
        </summary>
        <Table mt="xs" withTableBorder striped>
          <Table.Caption>{t('chart.impactTitle')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('impact.timepoint')}</Table.Th>
              <Table.Th scope="col">{t('series.him')}</Table.Th>
              <Table.Th scope="col">{t('series.her')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((point) => (
              <Table.Tr key={point.timepoint}>
                <Table.Th scope="row" fw={400}>
                  {point.timepoint}
                </Table.Th>
                <Table.Td>
                  {point.him
                    ? `${shown(point.him.score)} (${formatDate(language, point.him.completedOn)})`
                    : '—'}
                </Table.Td>
                <Table.Td>
                  {point.herWithheld
                    ? t('impact.withheldShort')
                    : point.her
                      ? `${shown(point.her.score)} (${formatDate(language, point.her.completedOn)})`
                      : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}
