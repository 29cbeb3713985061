import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import type { ChildrenViewData } from '../../api';
import { formatDay } from '../parts';

type SectionPoint = ChildrenViewData['sectionBOverTime'][number];

const SIDE_COLOURS: Record<string, string> = {
  perpetrator: 'var(--mantine-color-blue-7)',
  victim: 'var(--mantine-color-grape-7)',
};

/** Yes-answers of Section B at each checklist, one line per side (the table beside it has the numbers). */
export function SectionBChart({ points }: { points: SectionPoint[] }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const width = 420;
  const height = 180;
  const pad = { left: 32, right: 12, top: 12, bottom: 28 };
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const time = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const first = time(sorted[0]?.date ?? '1970-01-01');
  const span = Math.max(1, time(sorted.at(-1)?.date ?? '1970-01-01') - first);
  const max = Math.max(4, ...sorted.map((point) => point.yesCount));
  // Time runs left to right in proportion; one checklist alone sits in the middle.
  const x = (date: string) =>
    sorted.length < 2 || span === 1
      ? (pad.left + width - pad.right) / 2
      : pad.left + ((time(date) - first) / span) * (width - pad.left - pad.right);
  const y = (value: number) => height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
  const shortDate = (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      time(date),
    );
  const ends = [
    ...new Set([sorted[0]?.date, sorted.at(-1)?.date].filter((date): date is string => Boolean(date))),
  ];
  const sides = [...new Set(sorted.map((point) => point.side))];
  const latest = sorted.at(-1);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t('children.chartLabel', {
          date: latest ? formatDay(i18n.language, latest.date) : '',
          count: latest?.yesCount ?? 0,
        })}
      >
        {[0, Math.round(max / 2), max].map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
            <text x={pad.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {tick}
            </text>
          </g>
        ))}
        {sides.map((side) => {
          const series = sorted.filter((point) => point.side === side);
          const colour = SIDE_COLOURS[side] ?? 'var(--mantine-color-gray-7)';
          return (
            <g key={side}>
              <polyline
                fill="none"
                stroke={colour}
                strokeWidth={2}
                points={series.map((point) => `${x(point.date)},${y(point.yesCount)}`).join(' ')}
              />
              {series.map((point) => (
                <circle
                  key={`${point.date}-${point.yesCount}`}
                  cx={x(point.date)}
                  cy={y(point.yesCount)}
                  r={4}
                  fill={colour}
                />
              ))}
            </g>
          );
        })}
        {ends.map((date, index) => (
          <text
            key={date}
            x={x(date)}
            y={height - 8}
            fontSize="11"
            textAnchor={ends.length === 1 ? 'middle' : index === 0 ? 'start' : 'end'}
            fill="#495057"
          >
            {shortDate(date)}
          </text>
        ))}
      </svg>
      <Group gap="md" component="figcaption">
        {sides.map((side) => (
          <Group key={side} gap={6}>
            <span
              aria-hidden
              style={{
                width: 12,
                height: 3,
                background: SIDE_COLOURS[side] ?? 'gray',
                display: 'inline-block',
              }}
            />
            <Text size="xs">{t(`side.${side}`, { defaultValue: side })}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}

export function SectionBTable({ points }: { points: SectionPoint[] }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={t('children.sectionB')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('children.date')}</Table.Th>
          <Table.Th>{t('children.side')}</Table.Th>
          <Table.Th ta="right">{t('children.yes')}</Table.Th>
          <Table.Th ta="right">{t('children.unknown')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...points]
          .sort((a, b) => b.date.localeCompare(a.date))
          .map((point) => (
            <Table.Tr key={`${point.date}-${point.side}-${point.yesCount}`}>
              <Table.Td>{formatDay(i18n.language, point.date)}</Table.Td>
              <Table.Td>{t(`side.${point.side}`, { defaultValue: point.side })}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {point.yesCount}
              </Table.Td>
              <Table.Td ta="right">{point.unknownCount}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
