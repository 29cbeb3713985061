import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChildInput, JointCaseChildAdd, type JointCaseView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { DateField } from '../../../../components/PageParts';
import { useAddChild } from '../../api';
import { todayIso } from '../parts';

/**
 * A child joins the open joint case at any time: a child not yet recorded (her or his child, as
 * far as this user sees their records), or one already recorded, by the record's reference.
 */
export function AddChildForm({ jointCase, onDone }: { jointCase: JointCaseView; onDone: () => void }) {
  const { t } = useTranslation(MEETINGS_NS);
  const [mode, setMode] = useState<'new' | 'recorded'>('new');
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('children.addTitle')}
      </Title>
      <SegmentedControl
        aria-label={t('children.addMode')}
        value={mode}
        onChange={(value) => setMode(value as 'new' | 'recorded')}
        data={[
          { value: 'new', label: t('children.addNew') },
          { value: 'recorded', label: t('children.addRecorded') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {mode === 'new' ? (
        <NewChildForm jointCase={jointCase} onDone={onDone} />
      ) : (
        <RecordedChildForm jointCase={jointCase} onDone={onDone} />
      )}
    </Stack>
  );
}

function NewChildForm({ jointCase, onDone }: { jointCase: JointCaseView; onDone: () => void }) {
  const { t } = useTranslation(MEETINGS_NS);
  const add = useAddChild(jointCase.id);
  const her = jointCase.victimSide?.person;
  const him = jointCase.perpetratorSide?.person;
  const form = useSchemaForm({
    schema: ChildInput,
    initialValues: {
      firstName: '',
      lastName: '',
      dateOfBirth: '',
      childrensSchool: '',
      motherId: her?.id ?? '',
      fatherId: '',
    },
    onSubmit: async (child) => {
      await add.mutateAsync({ child });
      notifications.show({ color: 'teal', message: t('children.added', { name: child.firstName }) });
      onDone();
    },
  });
  const parent = (field: 'motherId' | 'fatherId', id: string | undefined) => ({
    checked: Boolean(form.values[field]),
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      form.setFieldValue(field, event.currentTarget.checked ? (id ?? '') : ''),
  });

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('children.addNew')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('children.firstName')}
            {...form.getInputProps('firstName')}
            required
            autoComplete="off"
          />
          <TextInput
            label={t('children.lastName')}
            {...form.getInputProps('lastName')}
            required
            autoComplete="off"
          />
        </SimpleGrid>
        <DateField
          label={t('children.dateOfBirth')}
          {...form.getInputProps('dateOfBirth')}
          max={todayIso()}
        />
        {/* The school is one of her details: the programme never sees it, and joint text is checked against it. */}
        <TextInput
          label={t('children.school')}
          description={t('children.schoolHint')}
          {...form.getInputProps('childrensSchool')}
          autoComplete="off"
        />
        {(her || him) && (
          <Group gap="lg">
            {her && (
              <Checkbox
                label={t('children.herChild', { name: `${her.firstName} ${her.lastName}` })}
                {...parent('motherId', her.id)}
              />
            )}
            {him && (
              <Checkbox
                label={t('children.hisChild', { name: `${him.firstName} ${him.lastName}` })}
                {...parent('fatherId', him.id)}
              />
            )}
          </Group>
        )}
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('assessment.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('children.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RecordedChildForm({ jointCase, onDone }: { jointCase: JointCaseView; onDone: () => void }) {
  const { t } = useTranslation(MEETINGS_NS);
  const add = useAddChild(jointCase.id);
  const form = useSchemaForm({
    schema: JointCaseChildAdd,
    initialValues: { childId: '' },
    onSubmit: async (body) => {
      await add.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('children.addedRecorded') });
      onDone();
    },
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('children.addRecorded')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('children.referenceHint')}
        </Text>
        <TextInput
          label={t('children.reference')}
          {...form.getInputProps('childId')}
          required
          autoComplete="off"
          maw={420}
        />
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('assessment.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('children.addSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
