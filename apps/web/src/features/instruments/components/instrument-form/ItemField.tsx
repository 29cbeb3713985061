import {
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import type { AnswerSource, InstrumentItem } from '@tandem/shared';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import { type AnswerValue, type DraftAnswer, emptyAnswer, localized } from '../../logic';

export interface ItemFieldProps {
  number: number;
  item: InstrumentItem;
  answer: DraftAnswer | undefined;
  onChange: (itemId: string, change: Partial<DraftAnswer>) => void;
  sources: readonly AnswerSource[] | null;
  agencies: { value: string; label: string }[];
  error: string | undefined;
  inputId: string;
  language: string;
  /** The answer of the assessment this one started from, to mark what changed. */
  startingValue?: AnswerValue | undefined;
  /** The source a first answer given here starts with (her service's: "her"). */
  defaultSource?: AnswerSource | undefined;
}

/** Keys that answer a yes / no / unknown item from the keyboard, then move to the next item. */
const ANSWER_KEYS: Record<string, 'yes' | 'no' | 'unknown'> = { y: 'yes', n: 'no', u: 'unknown' };

/** After a keyboard answer: the first control of the next item of the form, if any. */
function focusNextItem(group: HTMLElement) {
  const items = [...(group.closest('form')?.querySelectorAll<HTMLElement>('[data-item]') ?? [])];
  const next = items[items.indexOf(group) + 1];
  next?.querySelector<HTMLElement>('input:checked, input, button')?.focus();
}

/** One item: its question, the answer control for its type, the source and a note. */
export const ItemField = memo(function ItemField({
  number,
  item,
  answer,
  onChange,
  sources,
  agencies,
  error,
  inputId,
  language,
  startingValue,
  defaultSource,
}: ItemFieldProps) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const current = answer ?? emptyAnswer();
  const [noteOpen, setNoteOpen] = useState(current.note !== '');
  const labelId = `${inputId}-label`;
  const errorId = `${inputId}-error`;
  const set = (change: Partial<DraftAnswer>) => onChange(item.id, change);
  const answered = current.value !== null && current.value !== '';
  // A first answer takes the default source; a source chosen (or cleared) stays as it is.
  const give = (value: AnswerValue) =>
    set({ value, ...(!answered && current.source === null && defaultSource && { source: defaultSource }) });
  const changed = startingValue !== undefined && answered && current.value !== startingValue;
  // Y, N or U answers the item where focus is (not while typing in a field) and moves on.
  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (item.type !== 'yes_no_unknown' || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.matches('textarea, select, input[type="text"], input[type="number"], input:not([type])'))
      return;
    const value = ANSWER_KEYS[event.key.toLowerCase()];
    if (!value) return;
    event.preventDefault();
    give(value);
    focusNextItem(event.currentTarget);
  };

  return (
    <Box
      role="group"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      py="sm"
      px="xs"
      data-item={item.id}
      data-answered={answered || undefined}
      data-changed={changed || undefined}
      onKeyDown={onKeyDown}
      style={{
        borderTop: '1px solid var(--mantine-color-gray-3)',
        background: error
          ? 'var(--mantine-color-red-0)'
          : changed
            ? 'var(--mantine-color-orange-0)'
            : undefined,
      }}
    >
      <Text id={labelId} fw={500} size="sm">
        <Text span c="dimmed" size="sm" mr={6}>
          {number}.
        </Text>
        {localized(item.text, language)}
        {changed && (
          <Badge ml={8} size="sm" color="orange" variant="light">
            {t('form.changed')}
          </Badge>
        )}
      </Text>
      <Group gap="md" mt={6} align="center" wrap="wrap">
        <AnswerControl
          item={item}
          value={current.value}
          onChange={give}
          labelId={labelId}
          inputId={inputId}
          language={language}
        />
        {sources && (
          <Group gap={6} wrap="nowrap">
            <Text component="label" htmlFor={`${inputId}-source`} size="sm" c="dimmed">
              {t('form.source')}
            </Text>
            <NativeSelect
              id={`${inputId}-source`}
              size="xs"
              value={current.source ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value as AnswerSource | '';
                set({
                  source: value === '' ? null : value,
                  ...(value !== 'agency' && { sourceAgencyId: null }),
                });
              }}
              data={[
                { value: '', label: t('form.sourceNotStated') },
                ...sources.map((source) => ({ value: source, label: t(`source.${source}`) })),
              ]}
              w={190}
            />
          </Group>
        )}
        {sources && current.source === 'agency' && (
          <NativeSelect
            size="xs"
            aria-label={t('form.sourceAgency')}
            value={current.sourceAgencyId ?? ''}
            onChange={(event) => set({ sourceAgencyId: event.currentTarget.value || null })}
            data={[{ value: '', label: t('form.chooseAgency') }, ...agencies]}
            w={250}
          />
        )}
        {item.type !== 'text' && !noteOpen && (
          <Button variant="subtle" size="compact-sm" onClick={() => setNoteOpen(true)}>
            {t('form.addNote')}
          </Button>
        )}
        {answered && item.type !== 'text' && (
          <Button variant="subtle" size="compact-sm" color="gray" onClick={() => set({ value: null })}>
            {t('form.clear')}
          </Button>
        )}
      </Group>
      {item.type !== 'text' && noteOpen && (
        <Textarea
          mt={8}
          size="sm"
          label={t('form.note')}
          value={current.note}
          onChange={(event) => set({ note: event.currentTarget.value })}
          autosize
          minRows={1}
          maxRows={6}
          maxLength={2000}
          autoFocus={current.note === ''}
        />
      )}
      {error && (
        <Text id={errorId} c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      )}
    </Box>
  );
});

/** The control for an item's answer type. */
function AnswerControl({
  item,
  value,
  onChange,
  labelId,
  inputId,
  language,
}: {
  item: InstrumentItem;
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
  labelId: string;
  inputId: string;
  language: string;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  switch (item.type) {
    case 'yes_no_unknown':
      return (
        <SegmentedControl
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
          data={(['yes', 'no', 'unknown'] as const).map((answer) => ({
            value: answer,
            label: t(`answer.${answer}`),
          }))}
          size="sm"
          color={value === 'yes' ? 'indigo' : 'gray'}
        />
      );
    case 'scale': {
      const scale = item.scale!;
      const hint = scale.labels ? localized(scale.labels, language) : `${scale.min}–${scale.max}`;
      if (scale.max - scale.min <= 10) {
        const options = Array.from({ length: scale.max - scale.min + 1 }, (_, index) =>
          String(scale.min + index),
        );
        return (
          <Stack gap={2}>
            <SegmentedControl
              id={inputId}
              aria-labelledby={labelId}
              aria-describedby={`${inputId}-hint`}
              value={typeof value === 'number' ? String(value) : ''}
              onChange={(next) => onChange(Number(next))}
              data={options}
              size="sm"
              color="indigo"
            />
            <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
              {hint}
            </Text>
          </Stack>
        );
      }
      return (
        <NumberInput
          id={inputId}
          aria-labelledby={labelId}
          description={hint}
          min={scale.min}
          max={scale.max}
          allowDecimal={false}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          w={160}
        />
      );
    }
    case 'number':
      return (
        <NumberInput
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
          w={160}
        />
      );
    case 'choice':
      return (
        <Radio.Group
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(next) => onChange(next)}
        >
          <Stack gap={6} mt={4}>
            {(item.choices ?? []).map((choice) => (
              <Radio key={choice.id} value={choice.id} label={localized(choice.label, language)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'text':
      return (
        <Textarea
          id={inputId}
          aria-labelledby={labelId}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          autosize
          minRows={2}
          maxRows={10}
          maxLength={4000}
          w="100%"
        />
      );
  }
}
