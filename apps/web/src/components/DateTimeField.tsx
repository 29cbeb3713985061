import { Group, Input } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { type FocusEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';

interface DateTimeFieldProps {
  label: string;
  description?: ReactNode;
  /** YYYY-MM-DDTHH:mm (a wall-clock time, as a native datetime-local gives it), or '' for none. */
  value?: string;
  onChange?: (value: string) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
  error?: ReactNode;
  required?: boolean;
  /** The earliest and latest moment, YYYY-MM-DDTHH:mm: the calendar keeps to their days. */
  min?: string;
  max?: string;
  'data-path'?: string;
}

const partsOf = (value: string | undefined) => ({
  day: value?.slice(0, 10) ?? '',
  time: value?.slice(11, 16) ?? '',
});
const joined = (day: string, time: string) => (day && time ? `${day}T${time}` : '');

/**
 * A date and a time: the day typed or picked in the calendar (DateField), the time typed as
 * hours and minutes. One group, named by its label, with both parts named after it. The value is
 * given once both parts are there ('' until then), so that a half-filled field is "not given" to
 * the form's check. Takes a schema form's field props.
 */
export function DateTimeField({
  label,
  description,
  value,
  onChange,
  onFocus,
  onBlur,
  error,
  required,
  min,
  max,
  'data-path': dataPath,
}: DateTimeFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();
  // The parts as typed: the form holds only a whole value, so a day without its time lives here.
  const [parts, setParts] = useState(() => partsOf(value));
  useEffect(() => {
    // A value set from outside (a reset, a default) replaces what is typed; our own echo does not.
    setParts((current) => (joined(current.day, current.time) === (value ?? '') ? current : partsOf(value)));
  }, [value]);
  const change = (next: { day: string; time: string }) => {
    setParts(next);
    onChange?.(joined(next.day, next.time));
  };
  const invalid = Boolean(error);
  return (
    <Input.Wrapper
      label={label}
      labelElement="div"
      id={labelId}
      description={description}
      error={error}
      required={required}
      data-path={dataPath}
      labelProps={{ id: `${labelId}-label` }}
    >
      <Group role="group" aria-labelledby={`${labelId}-label`} gap="xs" wrap="nowrap" align="flex-start">
        <DateField
          label=""
          aria-label={t('common.dateOf', { field: label })}
          value={parts.day}
          onChange={(day) => change({ ...parts, day })}
          onFocus={onFocus}
          onBlur={onBlur}
          min={min?.slice(0, 10)}
          max={max?.slice(0, 10)}
          required={required}
          error={invalid || undefined}
          w={170}
        />
        <TimeInput
          aria-label={t('common.timeOf', { field: label })}
          value={parts.time}
          onChange={(event) => change({ ...parts, time: event.currentTarget.value.slice(0, 5) })}
          onFocus={onFocus}
          onBlur={onBlur}
          required={required}
          error={invalid || undefined}
          w={110}
        />
      </Group>
    </Input.Wrapper>
  );
}
