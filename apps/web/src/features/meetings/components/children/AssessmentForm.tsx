import {
  Button,
  Checkbox,
  Group,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChildAssessmentCreate } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { type ChildrenViewData, useRecordChildAssessment } from '../../api';
import { todayIso } from '../parts';

type Child = ChildrenViewData['children'][number];

const CONSENT_FROM = ['mother', 'father', 'both', 'court'] as const;
const GENDERS = ['female', 'male', 'no_preference'] as const;
const CONFIRMATIONS = [
  'childInformed',
  'childToldMayWithdraw',
  'childToldMayRefuse',
  'childToldHowRecorded',
] as const;

/**
 * How a child was assessed, with the principles as required confirmations: the parent's
 * informed consent first; the child told about the topics, free to stop at any time and to
 * refuse to answer, and told how answers are recorded; a support person of the child's choosing;
 * the professional's gender chosen by the child.
 */
export function AssessmentForm({
  jointCaseId,
  child,
  onDone,
}: {
  jointCaseId: string;
  child: Child;
  onDone: () => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const record = useRecordChildAssessment(jointCaseId);
  const form = useSchemaForm({
    schema: ChildAssessmentCreate,
    initialValues: {
      jointCaseId,
      assessedOn: todayIso(),
      parentConsentFrom: '' as (typeof CONSENT_FROM)[number] | '',
      childInformed: false,
      childToldMayWithdraw: false,
      childToldMayRefuse: false,
      childToldHowRecorded: false,
      medicalNeeds: false,
      notVisibleToOthers: false,
      supportPerson: '',
      professionalGenderChosen: 'no_preference' as (typeof GENDERS)[number],
      needsConsidered: '',
    },
    onSubmit: async (body) => {
      await record.mutateAsync({ childId: child.id, ...body });
      notifications.show({ color: 'teal', message: t('assessment.saved') });
      onDone();
    },
  });

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('assessment.formLabel', { name: child.firstName })}>
      <Stack gap="sm" p="md" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
        <Title order={3} size="h5">
          {t('assessment.title')}
        </Title>
        <TextInput
          type="date"
          label={t('assessment.assessedOn')}
          {...form.getInputProps('assessedOn')}
          max={todayIso()}
          required
          w={200}
        />
        <Radio.Group
          label={t('assessment.consentFrom')}
          description={t('assessment.consentHint')}
          {...form.getInputProps('parentConsentFrom')}
          withAsterisk
        >
          <Group gap="md" mt={6}>
            {CONSENT_FROM.map((value) => (
              <Radio key={value} value={value} label={t(`assessment.consent.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap={6} role="group" aria-label={t('assessment.principles')}>
          <Text size="sm" fw={700}>
            {t('assessment.principlesIntro')}
          </Text>
          {CONFIRMATIONS.map((confirmation) => (
            <Checkbox
              key={confirmation}
              label={t(`assessment.confirm.${confirmation}`)}
              {...form.getInputProps(confirmation, { type: 'checkbox' })}
              required
            />
          ))}
        </Stack>
        <TextInput
          label={t('assessment.supportPerson')}
          description={t('assessment.supportPersonHint')}
          {...form.getInputProps('supportPerson')}
          maxLength={200}
          maw={420}
        />
        <Stack gap={4}>
          <Text size="sm" fw={700} id={`gender-${child.id}`}>
            {t('assessment.professional')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('assessment.professionalHint')}
          </Text>
          <SegmentedControl
            aria-labelledby={`gender-${child.id}`}
            {...form.getInputProps('professionalGenderChosen')}
            data={GENDERS.map((value) => ({ value, label: t(`assessment.gender.${value}`) }))}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <Textarea
          label={t('assessment.needs')}
          description={t('assessment.needsHint')}
          {...form.getInputProps('needsConsidered')}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('assessment.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('assessment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
