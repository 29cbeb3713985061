import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CONTACT_CHANNELS,
  CONTACT_FIELDS,
  type ContactField,
  ContactPreferences,
  ContactUpdate,
  type PersonView,
  routes,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { Empty, Facts, Section } from '../../../components/PageParts';
import { useRefreshCasework } from '../../cases/api';
import { partnerKeys } from '../api';

type Channel = (typeof CONTACT_CHANNELS)[number];

/** How she may be contacted safely: the first thing anyone reaching her must read. */
export function SafeContactSection({ file, canEdit }: { file: VictimFileView; canEdit: boolean }) {
  const { t } = useTranslation(CASEWORK_NS);
  const prefs = file.contactPreferences;
  const [editing, setEditing] = useState(false);
  return (
    <Section
      id="her-safe-contact"
      title={t('safeContact.title')}
      description={t('safeContact.description')}
      actions={
        canEdit &&
        !editing && (
          <Button size="xs" variant={prefs ? 'default' : 'filled'} onClick={() => setEditing(true)}>
            {prefs ? t('common.edit') : t('safeContact.record')}
          </Button>
        )
      }
    >
      {!prefs && !editing && (
        <Alert color="yellow" variant="light">
          {t('safeContact.none')}
        </Alert>
      )}
      {prefs && !editing && (
        <Facts
          items={[
            [t('safeContact.channel'), t(`enums.channel.${prefs.safeChannel}`)],
            [t('safeContact.safeTimes'), prefs.safeTimes ?? null],
            [
              t('safeContact.mayLeaveMessage'),
              prefs.mayLeaveMessage ? t('common.yes') : t('safeContact.noMessage'),
            ],
            [t('safeContact.codeWord'), prefs.codeWord ?? null],
            [t('safeContact.notes'), prefs.notes ?? null],
          ]}
        />
      )}
      {editing && <SafeContactForm file={file} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function SafeContactForm({ file, onClose }: { file: VictimFileView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const prefs = file.contactPreferences;
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.victim.setContactPreferences>) =>
      call(routes.victim.setContactPreferences, { params: { id: file.person.id }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('safeContact.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ContactPreferences,
    initialValues: {
      safeChannel: (prefs?.safeChannel ?? '') as Channel | '',
      safeTimes: prefs?.safeTimes ?? '',
      mayLeaveMessage: prefs?.mayLeaveMessage ?? false,
      codeWord: prefs?.codeWord ?? '',
      notes: prefs?.notes ?? '',
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('safeContact.title')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('safeContact.channel')}
          required
          {...form.getInputProps('safeChannel')}
          data={[
            { value: '', label: t('common.choose') },
            ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })),
          ]}
          maw={320}
        />
        <TextInput
          label={t('safeContact.safeTimes')}
          description={t('safeContact.safeTimesHint')}
          {...form.getInputProps('safeTimes')}
        />
        <Checkbox
          label={t('safeContact.mayLeaveMessageLabel')}
          description={t('safeContact.mayLeaveMessageHint')}
          {...form.getInputProps('mayLeaveMessage', { type: 'checkbox' })}
        />
        <TextInput
          label={t('safeContact.codeWord')}
          description={t('safeContact.codeWordHint')}
          autoComplete="off"
          {...form.getInputProps('codeWord')}
          maw={320}
        />
        <Textarea label={t('safeContact.notes')} {...form.getInputProps('notes')} autosize minRows={2} />
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}

/** Where she lives and how to reach her: never shown to the programme. */
export function ContactDetailsSection({ person, canEdit }: { person: PersonView; canEdit: boolean }) {
  const { t } = useTranslation(CASEWORK_NS);
  const [editing, setEditing] = useState(false);
  if (!person.contact) return null; // the policy did not send them: nothing to show
  const contact = person.contact;
  const filled = CONTACT_FIELDS.filter((field) => contact[field]);
  return (
    <Section
      id="her-contact-details"
      title={t('contactDetails.title')}
      description={t('contactDetails.description')}
      actions={
        canEdit &&
        !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {!editing &&
        (filled.length === 0 ? (
          <Empty>{t('contactDetails.none')}</Empty>
        ) : (
          <Facts items={filled.map((field) => [t(`contactDetails.fields.${field}`), contact[field]])} />
        ))}
      {editing && <ContactDetailsForm person={person} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function ContactDetailsForm({ person, onClose }: { person: PersonView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.people.updateContact>) =>
      call(routes.people.updateContact, { params: { id: person.id }, body }),
    onSuccess: () => {
      refresh(partnerKeys.victim(person.id));
      notifications.show({ color: 'teal', message: t('contactDetails.saved') });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ContactUpdate,
    initialValues: Object.fromEntries(
      CONTACT_FIELDS.map((field) => [field, person.contact?.[field] ?? '']),
    ) as Record<ContactField, string>,
    onSubmit: (body) => save.mutateAsync(body),
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('contactDetails.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {CONTACT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`contactDetails.fields.${field}`)}
              autoComplete="off"
              {...form.getInputProps(field)}
            />
          ))}
        </SimpleGrid>
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onClose} pending={save.isPending} submitLabel={t('common.save')} />
      </Stack>
    </form>
  );
}
