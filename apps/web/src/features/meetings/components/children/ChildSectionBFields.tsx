import {
  Badge,
  Box,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { ChildVulnerabilityMarkers, InstrumentDefinition } from '@tandem/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { LevelBadge, levelLabel } from '../../../instruments/components/parts';
import { itemsOf, localized } from '../../../instruments/logic';
import {
  ITEM_CHOICES,
  type ItemChoice,
  needsReason,
  previewLevel,
  type SectionBDraft,
} from './sectionB-logic';

/** What `form.getInputProps` gives for a text field. */
interface FieldProps {
  value?: string;
  onChange: (value: unknown) => void;
  error?: unknown;
}

/**
 * Section B answered with one child, from the children's instrument data: each item answered
 * yes / no / unknown or left unanswered because the child chose not to (the right to refuse,
 * recorded per item); the level the rule gives this child, raised by the markers, and the
 * professional's judgement, which lowers it only with a reason.
 */
export function ChildSectionBFields({
  definition,
  draft,
  markers,
  setItem,
  judgedLevel,
  judgementReason,
  itemError,
}: {
  definition: InstrumentDefinition;
  draft: SectionBDraft;
  markers: ChildVulnerabilityMarkers;
  setItem: (itemId: string, choice: ItemChoice) => void;
  judgedLevel: FieldProps;
  judgementReason: FieldProps;
  itemError: (itemId: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const language = i18n.language;
  const titleId = useId();
  const preview = previewLevel(definition, draft, markers);
  const reasonNeeded = needsReason(definition, preview.rule, draft);
  const items = itemsOf(definition);
  const refused = items.filter((item) => draft.items[item.id] === 'refused').length;

  return (
    <Stack gap="xs" role="group" aria-labelledby={titleId}>
      <Title order={4} size="h6" id={titleId}>
        {localized(definition.title, language)}
      </Title>
      <Text size="xs" c="dimmed">
        {t('childSectionB.hint')}
      </Text>
      <Stack gap={0}>
        {items.map((item, index) => {
          const labelId = `${titleId}-${item.id}`;
          const error = itemError(item.id);
          return (
            <Box
              key={item.id}
              role="group"
              aria-labelledby={labelId}
              data-item={item.id}
              py={6}
              style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" maw={460}>
                  <Text span c="dimmed" size="sm" mr={6} aria-hidden>
                    {index + 1}.
                  </Text>
                  <span id={labelId}>{localized(item.text, language)}</span>
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-labelledby={labelId}
                  value={draft.items[item.id] ?? ''}
                  onChange={(value) => setItem(item.id, value as ItemChoice)}
                  data={ITEM_CHOICES.map((choice) => ({
                    value: choice,
                    label: t(`childSectionB.answer.${choice}`),
                  }))}
                  color={draft.items[item.id] === 'refused' ? 'gray' : 'indigo'}
                />
              </Group>
              {error && (
                <Text c="red.8" size="xs" mt={2}>
                  {error}
                </Text>
              )}
            </Box>
          );
        })}
      </Stack>
      <Group gap="xs" aria-live="polite" data-testid="child-rule-level">
        <Text size="sm">{t('childSectionB.ruleLevel')}</Text>
        <LevelBadge definition={definition} level={preview.rule} size="sm" />
        {preview.raisedByMarkers && (
          <Badge color="orange" variant="light" size="sm">
            {t('childSectionB.raisedByMarkers')}
          </Badge>
        )}
        {refused > 0 && (
          <Text size="xs" c="dimmed">
            {t('childSectionB.refusedCount', { count: refused })}
          </Text>
        )}
      </Group>
      <NativeSelect
        label={t('childSectionB.judgedLevel')}
        description={t('childSectionB.judgedLevelHint')}
        value={judgedLevel.value ?? ''}
        onChange={(event) => judgedLevel.onChange(event.currentTarget.value)}
        error={judgedLevel.error as string | undefined}
        data={[
          { value: '', label: t('childSectionB.keepRuleLevel') },
          ...(definition.levels ?? []).map((level) => ({
            value: level.id,
            label: levelLabel(definition.levels, level.id, language),
          })),
        ]}
        maw={320}
      />
      {(reasonNeeded || (judgementReason.value ?? '') !== '') && (
        <Textarea
          label={t('childSectionB.reason')}
          description={t('childSectionB.reasonHint')}
          value={judgementReason.value ?? ''}
          onChange={(event) => judgementReason.onChange(event.currentTarget.value)}
          error={judgementReason.error as string | undefined}
          required={reasonNeeded}
          autosize
          minRows={2}
          maxLength={2000}
        />
      )}
    </Stack>
  );
}
