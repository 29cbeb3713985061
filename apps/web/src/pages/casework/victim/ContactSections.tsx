import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CONTACT_CHANNELS,
  CONTACT_FIELDS,
  type ContactField,
  ContactPreferences,
  ContactUpdate,
  type PersonView,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { keys, useRefreshCasework } from '../../../casework/api';
import { Empty, Facts, Section } from '../../../casework/components';
import { compact, optional } from '../../../casework/format';
import { useFormErrors } from '../../../casework/forms';
import { CASEWORK_NS } from '../../../casework/i18n';
import { FormAlert } from '../../../components/FormAlert';

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
  const [safeChannel, setSafeChannel] = useState<Channel | ''>(prefs?.safeChannel ?? '');
  const [safeTimes, setSafeTimes] = useState(prefs?.safeTimes ?? '');
  const [mayLeaveMessage, setMayLeaveMessage] = useState(prefs?.mayLeaveMessage ?? false);
  const [codeWord, setCodeWord] = useState(prefs?.codeWord ?? '');
  const [notes, setNotes] = useState(prefs?.notes ?? '');
  const save = useMutation({
    mutationFn: (body: unknown) => api.put(`/api/victims/${file.person.id}/contact-preferences`, body),
    onSuccess: () => {
      refresh(keys.victim(file.person.id));
      notifications.show({ color: 'teal', message: t('safeContact.saved') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(ContactPreferences, {
      safeChannel: safeChannel || undefined,
      safeTimes: optional(safeTimes),
      mayLeaveMessage,
      codeWord: optional(codeWord),
      notes: optional(notes),
    });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('safeContact.title')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('safeContact.channel')}
          required
          value={safeChannel}
          onChange={(e) => setSafeChannel(e.currentTarget.value as Channel)}
          error={form.errorAt('safeChannel')}
          data={[
            { value: '', label: t('common.choose') },
            ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) })),
          ]}
          maw={320}
        />
        <TextInput
          label={t('safeContact.safeTimes')}
          description={t('safeContact.safeTimesHint')}
          value={safeTimes}
          onChange={(e) => setSafeTimes(e.currentTarget.value)}
          error={form.errorAt('safeTimes')}
        />
        <Checkbox
          label={t('safeContact.mayLeaveMessageLabel')}
          description={t('safeContact.mayLeaveMessageHint')}
          checked={mayLeaveMessage}
          onChange={(e) => setMayLeaveMessage(e.currentTarget.checked)}
        />
        <TextInput
          label={t('safeContact.codeWord')}
          description={t('safeContact.codeWordHint')}
          autoComplete="off"
          value={codeWord}
          onChange={(e) => setCodeWord(e.currentTarget.value)}
          error={form.errorAt('codeWord')}
          maw={320}
        />
        <Textarea
          label={t('safeContact.notes')}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={form.errorAt('notes')}
          autosize
          minRows={2}
        />
        <FormAlert
          error={save.error}
          shownFields={['safeChannel', 'safeTimes', 'mayLeaveMessage', 'codeWord', 'notes']}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
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
  const [values, setValues] = useState<Record<ContactField, string>>(
    Object.fromEntries(CONTACT_FIELDS.map((field) => [field, person.contact?.[field] ?? ''])) as Record<
      ContactField,
      string
    >,
  );
  const save = useMutation({
    mutationFn: (body: unknown) => api.put<PersonView>(`/api/people/${person.id}/contact`, body),
    onSuccess: () => {
      refresh(keys.victim(person.id));
      notifications.show({ color: 'teal', message: t('contactDetails.saved') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(
      ContactUpdate,
      compact(Object.fromEntries(CONTACT_FIELDS.map((field) => [field, optional(values[field])]))),
    );
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('contactDetails.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {CONTACT_FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`contactDetails.fields.${field}`)}
              autoComplete="off"
              value={values[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((current) => ({ ...current, [field]: value }));
              }}
              error={form.errorAt(field)}
            />
          ))}
        </SimpleGrid>
        <FormAlert error={save.error} shownFields={[...CONTACT_FIELDS]} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
