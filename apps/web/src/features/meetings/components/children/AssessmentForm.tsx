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
import { ChildAssessmentCreate, type InstrumentDefinition } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { DateField } from '../../../../components/PageParts';
import { type ChildrenViewData, useRecordChildAssessment } from '../../api';
import { todayIso } from '../parts';
import { ChildSectionBFields } from './ChildSectionBFields';
import { emptySectionB, markersOn, needsReason, previewLevel, toSectionB } from './sectionB-logic';

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
 * the professional's gender chosen by the child; the markers the date of birth cannot give; and,
 * with the children's instrument, the child's own Section B.
 */
export function AssessmentForm({
  jointCaseId,
  child,
  definition,
  onDone,
}: {
  jointCaseId: string;
  child: Child;
  /** The newest children's instrument; without one, only how the child was assessed is recorded. */
  definition: InstrumentDefinition | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const record = useRecordChildAssessment(jointCaseId);
  type Values = typeof initialValues;
  const markersOf = (values: Values) =>
    markersOn(definition, { ...values, dateOfBirth: child.dateOfBirth }, values.assessedOn);
  const initialValues = {
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
    separationOn: '',
    sectionB: emptySectionB(),
  };
  const form = useSchemaForm({
    schema: ChildAssessmentCreate,
    initialValues,
    // The item choices become the answers and the refusals; blank strings are left out as usual.
    toInput: (values) =>
      blankToUndefined({
        ...values,
        sectionB: definition ? toSectionB(definition, values.sectionB, markersOf(values)) : undefined,
      }),
    onSubmit: async (body) => {
      await record.mutateAsync({ childId: child.id, ...body });
      notifications.show({ color: 'teal', message: t('assessment.saved') });
      onDone();
    },
  });

  const markers = markersOf(form.values);
  // Lowering the rule's level needs a reason: said here in the user's language before sending.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const draft = form.values.sectionB;
    if (
      definition &&
      needsReason(definition, previewLevel(definition, draft, markers).rule, draft) &&
      draft.judgementReason.trim() === ''
    ) {
      event.preventDefault();
      form.setFieldError('sectionB.judgementReason', t('childSectionB.reasonRequired'));
      return;
    }
    form.submit(event);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.formLabel', { name: child.firstName })}>
      <Stack gap="sm" p="md" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
        <Title order={3} size="h5">
          {t('assessment.title')}
        </Title>
        <DateField
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
        <Stack gap={6} role="group" aria-label={t('assessment.markers')}>
          <Text size="sm" fw={700}>
            {t('assessment.markersIntro')}
          </Text>
          {markers.underAge && (
            <Text size="sm" c="dimmed">
              {t('assessment.underAge', { years: definition?.childVulnerability?.underAgeYears ?? 5 })}
            </Text>
          )}
          <Checkbox
            label={t('assessment.medicalNeeds')}
            {...form.getInputProps('medicalNeeds', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('assessment.notVisibleToOthers')}
            {...form.getInputProps('notVisibleToOthers', { type: 'checkbox' })}
          />
          <DateField
            label={t('assessment.separationOn')}
            description={t('assessment.separationOnHint')}
            {...form.getInputProps('separationOn')}
            max={todayIso()}
          />
        </Stack>
        {definition && (
          <ChildSectionBFields
            definition={definition}
            draft={form.values.sectionB}
            markers={markers}
            setItem={(itemId, choice) => form.setFieldValue(`sectionB.items.${itemId}`, choice)}
            judgedLevel={form.getInputProps('sectionB.judgedLevel')}
            judgementReason={form.getInputProps('sectionB.judgementReason')}
            itemError={(itemId) => form.errors[`sectionB.answers.${itemId}`] as string | undefined}
          />
        )}
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
