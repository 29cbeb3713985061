import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type SeriousHarmShareView, SeriousHarmTelling } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { addDaysIso, useRecordTelling } from '../api';

type Outcome = 'told' | 'postponed';

/** The duty to tell her: that she was told, or why it is not yet safe and when to think again. */
export function TellingForm({ share, onClose }: { share: SeriousHarmShareView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const record = useRecordTelling(share.id);
  const today = todayIso();
  const form = useSchemaForm({
    schema: SeriousHarmTelling,
    initialValues: {
      outcome: 'told' as Outcome,
      toldOn: today,
      reason: share.telling.postponedReason ?? '',
      reviewOn: addDaysIso(today, 14),
    },
    // Only the fields of the outcome chosen are sent.
    toInput: ({ outcome, toldOn, reason, reviewOn }) =>
      blankToUndefined(outcome === 'told' ? { outcome, toldOn } : { outcome, reason, reviewOn }),
    onSubmit: async (body) => {
      await record.mutateAsync(body);
      notifications.show({ color: 'teal', message: t(`seriousHarm.tell.done.${body.outcome}`) });
      onClose();
    },
  });
  const outcome = form.values.outcome;

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('seriousHarm.tell.formLabel')}>
      <Stack gap="sm">
        <Radio.Group label={t('seriousHarm.tell.outcome')} required {...form.getInputProps('outcome')}>
          <Stack gap={6} mt={4}>
            <Radio value="told" label={t('seriousHarm.tell.told')} />
            <Radio value="postponed" label={t('seriousHarm.tell.postponed')} />
          </Stack>
        </Radio.Group>
        {outcome === 'told' ? (
          <DateField
            label={t('seriousHarm.tell.toldOn')}
            required
            max={today}
            {...form.getInputProps('toldOn')}
          />
        ) : (
          <>
            <Textarea
              label={t('seriousHarm.tell.reason')}
              description={t('seriousHarm.tell.reasonHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('reason')}
            />
            <DateField
              label={t('seriousHarm.tell.reviewOn')}
              description={t('seriousHarm.tell.reviewOnHint')}
              required
              min={today}
              {...form.getInputProps('reviewOn')}
            />
          </>
        )}
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('seriousHarm.tell.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
