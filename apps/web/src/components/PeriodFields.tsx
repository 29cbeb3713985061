import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { DateField } from './DateField';

/** A period of days, YYYY-MM-DD; '' for an open end. */
export interface Period {
  from: string;
  to: string;
}

export const OPEN_PERIOD: Period = { from: '', to: '' };

/** The period's ends that are set, as a route's query takes them. */
export const periodQuery = (period: Period) => ({
  ...(period.from && { from: period.from }),
  ...(period.to && { to: period.to }),
});

/**
 * The two ends of a statistics period, on one row with whatever acts on it (`children`): the end
 * cannot be picked before the start, and `toError` says why a typed one is refused.
 */
export function PeriodFields({
  period,
  onChange,
  fromLabel,
  toLabel,
  toError,
  children,
}: {
  period: Period;
  onChange: (period: Period) => void;
  fromLabel: string;
  toLabel: string;
  toError?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Group gap="md" align="flex-end">
      <DateField label={fromLabel} value={period.from} onChange={(from) => onChange({ ...period, from })} />
      <DateField
        label={toLabel}
        value={period.to}
        min={period.from || undefined}
        onChange={(to) => onChange({ ...period, to })}
        error={toError}
      />
      {children}
    </Group>
  );
}
