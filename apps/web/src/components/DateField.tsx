import { DateInput, type DateInputProps, useDatesContext } from '@mantine/dates';
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './DateField.module.css';
import { parseTypedDate, SHOWN_DATE_FORMAT } from './dates';

type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'dateParser' | 'valueFormat'
> & {
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  value?: string;
  onChange?: (value: string) => void;
  /** The earliest and latest day that can be chosen, YYYY-MM-DD (as on a native date input). */
  min?: string;
  max?: string;
};

function CalendarIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

/**
 * A date field: type the date (YYYY-MM-DD, day/month/year or as shown) or pick it in the calendar,
 * which opens on a click, in the interface's language, weeks from Monday. The value is YYYY-MM-DD
 * ('' for none). Takes a schema form's field props.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  onClick,
  onBlur,
  onKeyDown,
  required,
  ...props
}: DateFieldProps) {
  const { t } = useTranslation();
  const { locale } = useDatesContext();
  // The calendar opens on a click only: opened on focus it would cover the fields below it for
  // whoever moves through the form with Tab, and typing needs no calendar.
  const [opened, setOpened] = useState(false);
  return (
    <DateInput
      maw={220}
      placeholder={t('common.dateFormatHint')}
      rightSection={<CalendarIcon />}
      rightSectionPointerEvents="none"
      // An optional date can be emptied (by deleting the text or with the button); a required one keeps its day.
      clearable={!required}
      allowDeselect={false}
      clearButtonProps={{ 'aria-label': t('common.clearDate') }}
      ariaLabels={{
        previousMonth: t('common.previousMonth'),
        nextMonth: t('common.nextMonth'),
        monthLevelControl: t('common.chooseMonth'),
        previousYear: t('common.previousYear'),
        nextYear: t('common.nextYear'),
        yearLevelControl: t('common.chooseYear'),
        previousDecade: t('common.previousDecade'),
        nextDecade: t('common.nextDecade'),
      }}
      classNames={{ day: classes.day }}
      // The next month's first days, dimmed to half, would be unreadable; the arrows reach them.
      hideOutsideDates
      popoverProps={{ opened, onChange: setOpened }}
      getDayProps={() => ({ onClick: () => setOpened(false) })}
      required={required}
      {...props}
      minDate={min ?? props.minDate}
      maxDate={max ?? props.maxDate}
      valueFormat={SHOWN_DATE_FORMAT}
      dateParser={(text) => parseTypedDate(text, locale)}
      value={value || null}
      onChange={(date) => onChange?.(date ?? '')}
      onClick={(event: MouseEvent<HTMLInputElement>) => {
        setOpened(true);
        onClick?.(event);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setOpened(false);
        onBlur?.(event);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Escape') setOpened(false);
        onKeyDown?.(event);
      }}
    />
  );
}
