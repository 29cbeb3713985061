import { Box, Group, Stack, Table, Text } from '@mantine/core';
import type { ImpactView } from '@tandem/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import { formatDate } from '../parts';
import { bandScale, linearScale, linePath, niceMax, ticks } from './geometry';
import { Marker, type MarkerShape } from './Marker';

type ImpactPoint = ImpactView['points'][number];

const SERIES: ReadonlyArray<{ key: 'him' | 'her'; colour: string; dash?: string; shape: MarkerShape }> = [
  { key: 'him', colour: 'var(--mantine-color-orange-8)', dash: '6 4', shape: 'square' },
  { key: 'her', colour: 'var(--mantine-color-grape-8)', shape: 'circle' },
];

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 36;

/**
 * IMPACT scores over the time points, his account beside hers (higher = more violence or harm),
 * with the same data as a table. Her scores may be withheld from the programme.
 */
export function ScoreChart({ points }: { points: ImpactPoint[] }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const id = useId().replace(/:/g, '');
  const withheld = points.some((point) => point.herWithheld);
  const values = points
    .flatMap((point) => [point.him?.score, point.her?.score])
    .filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return null;
  const max = niceMax(Math.max(...values));
  const x = bandScale(points.length, [LEFT + 16, WIDTH - RIGHT - 16]);
  const y = linearScale(max, [HEIGHT - BOTTOM, TOP]);
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

  return (
    <Stack gap="xs">
      <Group gap="lg" aria-hidden="true">
        {SERIES.filter((series) => !(series.key === 'her' && withheld)).map((series) => (
          <Group key={series.key} gap={6} wrap="nowrap">
            <svg width={34} height={14} aria-hidden="true">
              <line
                x1={2}
                x2={32}
                y1={7}
                y2={7}
                stroke={series.colour}
                strokeWidth={2}
                strokeDasharray={series.dash}
              />
              <Marker shape={series.shape} x={17} y={7} colour={series.colour} />
            </svg>
            <Text size="sm">{t(`series.${series.key}`)}</Text>
          </Group>
        ))}
      </Group>
      <Box style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          style={{ maxWidth: WIDTH, minWidth: 360, display: 'block' }}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{t('chart.impactTitle')}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {ticks(max).map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT}
                x2={WIDTH - RIGHT}
                y1={y(tick)}
                y2={y(tick)}
                stroke="var(--mantine-color-gray-3)"
              />
              <text
                x={LEFT - 8}
                y={y(tick) + 4}
                textAnchor="end"
                fontSize={11}
                fill="var(--mantine-color-gray-8)"
              >
                {tick}
              </text>
            </g>
          ))}
          {points.map((point, index) => (
            <text
              key={point.timepoint}
              x={x(index)}
              y={HEIGHT - 12}
              textAnchor="middle"
              fontSize={11}
              fill="var(--mantine-color-gray-8)"
            >
              {point.timepoint}
            </text>
          ))}
          {SERIES.map((series) => {
            const coordinates = points.map((point, index) => {
              const score = point[series.key]?.score;
              return { x: x(index), y: typeof score === 'number' ? y(score) : null };
            });
            return (
              <g key={series.key}>
                <path
                  d={linePath(coordinates)}
                  fill="none"
                  stroke={series.colour}
                  strokeWidth={2}
                  strokeDasharray={series.dash}
                />
                {coordinates.map((point, index) =>
                  point.y === null ? null : (
                    <Marker
                      key={points[index]!.timepoint}
                      shape={series.shape}
                      x={point.x}
                      y={point.y}
                      colour={series.colour}
                    />
                  ),
                )}
              </g>
            );
          })}
        </svg>
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
