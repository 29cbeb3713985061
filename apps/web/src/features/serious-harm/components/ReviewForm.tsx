import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REVIEW_OUTCOMES, SeriousHarmReview, type SeriousHarmReviewItem } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { useReviewShare } from '../api';

/** The agency admin's review of how a share was made: appropriate, or with concerns and a note. */
export function ReviewForm({ item, onClose }: { item: SeriousHarmReviewItem; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const review = useReviewShare(item.id);
  const form = useSchemaForm({
    schema: SeriousHarmReview,
    initialValues: { outcome: item.review?.outcome ?? '', note: item.review?.note ?? '' },
    onSubmit: async (body) => {
      await review.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('seriousHarm.review.saved') });
      onClose();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('seriousHarm.review.formLabel')}>
      <Stack gap="sm">
        <Radio.Group label={t('seriousHarm.review.outcomeLabel')} required {...form.getInputProps('outcome')}>
          <Stack gap={6} mt={4}>
            {REVIEW_OUTCOMES.map((outcome) => (
              <Radio key={outcome} value={outcome} label={t(`seriousHarm.review.outcome.${outcome}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('seriousHarm.review.note')}
          description={t('seriousHarm.review.noteHint')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={review.isPending}>
            {t('seriousHarm.review.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
