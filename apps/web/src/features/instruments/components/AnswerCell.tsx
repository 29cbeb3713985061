import { Badge, Stack, Text } from '@mantine/core';
import type { InstrumentItem, VisibleAnswer } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { localized } from '../logic';

type Answer = z.infer<typeof VisibleAnswer>;

/** The words for an answer's value (yes / no / unknown, a number, a choice's label, a text). */
export function useAnswerText() {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  return (value: Answer['value'], item?: InstrumentItem): string => {
    if (value === null || value === undefined || value === '') return t('answer.none');
    if (value === 'yes' || value === 'no' || value === 'unknown') return t(`answer.${value}`);
    const choice = item?.choices?.find((candidate) => candidate.id === value);
    return choice ? localized(choice.label, i18n.language) : String(value);
  };
}

/**
 * One side's answer to one item in the joint view, as the server sent it: without her consent
 * every answer of her service's checklist arrives withheld alike (and reads "withheld", whoever
 * gave it); with it, values with no source at all. A source is shown only where the server sends
 * one — to her service, for its own answers — so the programme never reads "from her".
 */
export function AnswerCell({
  answer,
  item,
  agencyName,
}: {
  answer: Answer | null;
  /** The item answered: a choice reads as its label. */
  item?: InstrumentItem;
  agencyName: (id: string | undefined) => string | null;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const text = useAnswerText();
  if (!answer) {
    return (
      <Text size="sm" c="dimmed">
        {t('answer.none')}
      </Text>
    );
  }
  if (answer.withheld) {
    return (
      <Badge color="gray" variant="outline" size="sm" tt="none" title={t('joint.withheldHint')}>
        {t('joint.withheld')}
      </Badge>
    );
  }
  const source = answer.source;
  const agency = source === 'agency' ? agencyName(answer.sourceAgencyId) : null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={answer.value === 'yes' ? 700 : 400}>
        {text(answer.value, item)}
      </Text>
      {source && (
        <Text size="xs" c="dimmed">
          {agency ? t('joint.fromAgency', { agency }) : t(`joint.from.${source}`)}
        </Text>
      )}
      {answer.note && (
        <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {answer.note}
        </Text>
      )}
    </Stack>
  );
}
