import { Box, Group, Stack, Table, Text } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import { formatDate, levelLabel } from '../parts';
import { stepPath, timeScale } from './geometry';
import { Marker, type MarkerShape } from './Marker';

type History = JointRiskView['history'];
type SeriesKey = 'perpetratorSide' | 'victimSide' | 'agreed';

/** Each series differs in colour, line pattern and marker shape: colour is never the only cue. */
export const RISK_SERIES: ReadonlyArray<{
  key: SeriesKey;
  colour: string;
  dash?: string;
  shape: MarkerShape;
  offset: number;
  width: number;
}> = [
  {
    key: 'perpetratorSide',
    colour: 'var(--mantine-color-orange-8)',
    dash: '6 4',
    shape: 'square',
    offset: -5,
    width: 2,
  },
  { key: 'victimSide', colour: 'var(--mantine-color-grape-8)', shape: 'circle', offset: 0, width: 2 },
  {
    key: 'agreed',
    colour: 'var(--mantine-color-dark-7)',
    dash: '2 3',
    shape: 'diamond',
    offset: 5,
    width: 3,
  },
];

const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 110;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 36;

/**
 * Risk level over time, the programme's, victim support's and the agreed one, as a step chart
 * (a level holds until the next assessment), with the same data as a table.
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
  const id = useId().replace(/:/g, '');
  const levels = definition?.levels ?? [];
  if (history.length === 0) return null;

  const x = timeScale(
    history.map((point) => point.date),
    [LEFT, WIDTH - RIGHT],
  );
  const rowHeight = (HEIGHT - TOP - BOTTOM) / Math.max(levels.length - 1, 1);
  const y = (level: string | null) => {
    if (!level) return null;
    const index = levels.findIndex((candidate) => candidate.id === level);
    return index < 0 ? null : HEIGHT - BOTTOM - index * rowHeight;
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
  // Date labels: first, last, and those far enough from the previous label.
  let lastLabelX = Number.NEGATIVE_INFINITY;
  const dateLabels = history.flatMap((point, index) => {
    const position = x(point.date);
    const isLast = index === history.length - 1;
    if (position - lastLabelX < 90 && !isLast) return [];
    if (isLast && position - lastLabelX < 90 && index > 0) return [];
    lastLabelX = position;
    return [{ date: point.date, position }];
  });

  return (
    <Stack gap="xs">
      <Legend />
      <Box style={{ overflowX: 'auto' }}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          style={{ maxWidth: WIDTH, minWidth: 360, display: 'block' }}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{t('chart.riskTitle')}</title>
          <desc id={`${id}-desc`}>{summary}</desc>
          {levels.map((level) => {
            const levelY = y(level.id)!;
            return (
              <g key={level.id}>
                <line
                  x1={LEFT}
                  x2={WIDTH - RIGHT}
                  y1={levelY}
                  y2={levelY}
                  stroke="var(--mantine-color-gray-3)"
                />
                <text
                  x={LEFT - 10}
                  y={levelY + 4}
                  textAnchor="end"
                  fontSize={12}
                  fill="var(--mantine-color-gray-8)"
                >
                  {levelLabel(levels, level.id, language)}
                </text>
              </g>
            );
          })}
          {dateLabels.map((label) => (
            <text
              key={label.date}
              x={label.position}
              y={HEIGHT - 10}
              textAnchor={
                label.position > WIDTH - RIGHT - 40 ? 'end' : label.position < LEFT + 40 ? 'start' : 'middle'
              }
              fontSize={11}
              fill="var(--mantine-color-gray-8)"
            >
              {formatDate(language, label.date)}
            </text>
          ))}
          {RISK_SERIES.map((series) => {
            const points = history.map((point) => {
              const levelY = y(point[series.key]);
              return { x: x(point.date), y: levelY === null ? null : levelY + series.offset };
            });
            return (
              <g key={series.key}>
                <path
                  d={stepPath(points)}
                  fill="none"
                  stroke={series.colour}
                  strokeWidth={series.width}
                  strokeDasharray={series.dash}
                />
                {points.map((point, index) =>
                  point.y === null ? null : (
                    <Marker
                      key={history[index]!.date}
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

function Legend() {
  const { t } = useTranslation(INSTRUMENTS_NS);
  return (
    <Group gap="lg" aria-hidden="true">
      {RISK_SERIES.map((series) => (
        <Group key={series.key} gap={6} wrap="nowrap">
          <svg width={34} height={14} aria-hidden="true">
            <line
              x1={2}
              x2={32}
              y1={7}
              y2={7}
              stroke={series.colour}
              strokeWidth={series.width}
              strokeDasharray={series.dash}
            />
            <Marker shape={series.shape} x={17} y={7} colour={series.colour} />
          </svg>
          <Text size="sm">{t(`series.${series.key}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}
