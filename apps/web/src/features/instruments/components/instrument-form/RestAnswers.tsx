import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../../app/i18n/namespaces';
import type { Draft } from '../../logic';

type RestValue = 'no' | 'unknown';

/**
 * "The rest: no" / "the rest: unknown": every yes / no / unknown item still unanswered gets the
 * same answer, after a confirmation that says how many items that is. For a reassessment where
 * little changed, the few answers that did are given and the rest in one step.
 */
export function RestAnswers({
  definition,
  draft,
  onApply,
}: {
  definition: InstrumentDefinition;
  draft: Draft;
  onApply: (itemIds: string[], value: RestValue) => void;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const [confirming, setConfirming] = useState<RestValue | null>(null);
  const open = definition.sections
    .flatMap((section) => section.items)
    .filter((item) => item.type === 'yes_no_unknown')
    .filter((item) => {
      const value = draft[item.id]?.value;
      return value === null || value === undefined || value === '';
    })
    .map((item) => item.id);
  if (open.length === 0) return null;
  return (
    <Group gap="xs">
      <Text size="sm">{t('form.rest.title', { count: open.length })}</Text>
      <Button variant="default" size="xs" onClick={() => setConfirming('no')}>
        {t('form.rest.no')}
      </Button>
      <Button variant="default" size="xs" onClick={() => setConfirming('unknown')}>
        {t('form.rest.unknown')}
      </Button>
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('form.rest.confirmTitle')}
      >
        <Stack>
          <Text>
            {t('form.rest.confirm', { count: open.length, answer: t(`answer.${confirming ?? 'no'}`) })}
          </Text>
          <Group>
            <Button
              onClick={() => {
                if (confirming) onApply(open, confirming);
                setConfirming(null);
              }}
            >
              {t('form.rest.apply', { answer: t(`answer.${confirming ?? 'no'}`) })}
            </Button>
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('form.rest.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
