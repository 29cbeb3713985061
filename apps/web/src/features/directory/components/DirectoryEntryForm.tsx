import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DIRECTORY_TARGET_GROUPS, DirectoryEntryUpdate, type DirectoryEntryView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { useSaveDirectoryEntry } from '../api';

const MAX_CONTACT_POINTS = 5;

/** The agency's own entry, edited by its admin (or the system admin), in a dialog. */
export function DirectoryEntryModal({
  entry,
  onClose,
}: {
  entry: DirectoryEntryView | null;
  onClose: () => void;
}) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Modal
      opened={entry !== null}
      onClose={onClose}
      title={entry ? t('directory.form.title', { name: entry.name }) : ''}
      size="lg"
      centered
    >
      {entry && <DirectoryEntryForm entry={entry} onDone={onClose} />}
    </Modal>
  );
}

function DirectoryEntryForm({ entry, onDone }: { entry: DirectoryEntryView; onDone: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const save = useSaveDirectoryEntry(entry.agencyId, (saved) => {
    notifications.show({ color: 'teal', message: t('directory.form.saved', { name: saved.name }) });
    onDone();
  });
  const form = useSchemaForm({
    schema: DirectoryEntryUpdate,
    initialValues: {
      region: entry.region,
      approach: entry.approach,
      targetGroups: entry.targetGroups as string[],
      languages: entry.languages,
      providesPartnerContact: entry.providesPartnerContact,
      contactPoints: entry.contactPoints.map((point) => ({
        label: point.label,
        phone: point.phone ?? '',
        email: point.email ?? '',
      })),
      // A blank entry is listed once it is written; an unlisted one stays so until its admin says.
      listed: entry.updatedAt === null ? true : entry.listed,
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  const points = form.values.contactPoints;

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <TextInput
          label={t('directory.form.region')}
          description={t('directory.form.regionHint')}
          required
          autoComplete="off"
          {...form.getInputProps('region')}
        />
        <Textarea
          label={t('directory.form.approach')}
          description={t('directory.form.approachHint')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('approach')}
        />
        <Checkbox.Group label={t('directory.targetGroupsLabel')} {...form.getInputProps('targetGroups')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {DIRECTORY_TARGET_GROUPS.map((group) => (
              <Checkbox key={group} value={group} label={t(`directory.targetGroups.${group}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TagsInput
          label={t('directory.languagesLabel')}
          description={t('directory.form.languagesHint')}
          maxTags={20}
          {...form.getInputProps('languages')}
        />
        <Switch
          label={t('directory.form.providesPartnerContact')}
          {...form.getInputProps('providesPartnerContact', { type: 'checkbox' })}
        />
        <Fieldset legend={t('directory.contactPointsLabel')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('directory.form.contactPointsHint')}
            </Text>
            {points.map((_point, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, by position
              <Group key={index} align="flex-end" wrap="wrap" gap="xs">
                <TextInput
                  label={t('directory.form.pointLabel')}
                  required
                  autoComplete="off"
                  w={200}
                  {...form.getInputProps(`contactPoints.${index}.label`)}
                />
                <TextInput
                  label={t('directory.form.pointPhone')}
                  type="tel"
                  autoComplete="off"
                  w={170}
                  {...form.getInputProps(`contactPoints.${index}.phone`)}
                />
                <TextInput
                  label={t('directory.form.pointEmail')}
                  type="email"
                  autoComplete="off"
                  w={220}
                  {...form.getInputProps(`contactPoints.${index}.email`)}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  mb={2}
                  onClick={() => form.removeListItem('contactPoints', index)}
                  aria-label={t('directory.form.removePoint', { n: index + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {points.length < MAX_CONTACT_POINTS && (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => form.insertListItem('contactPoints', { label: '', phone: '', email: '' })}
                >
                  {t('directory.form.addPoint')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
        <Checkbox
          label={t('directory.form.listed')}
          description={t('directory.form.listedHint')}
          {...form.getInputProps('listed', { type: 'checkbox' })}
        />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onDone} pending={save.isPending} submitLabel={t('directory.form.submit')} />
      </Stack>
    </form>
  );
}
