import { Alert, Button, Chip, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { CONCERN_LEVELS, type MeetingView, QualitativeNoteCreate } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { SeenByProgramme, seenDescription } from '../../../../components/SeenByProgramme';
import { VictimSideOnly } from '../../../../components/VictimSideOnly';
import { useAddQualitativeNote } from '../../api';
import { ConcernBadge } from '../parts';
import { AddressTooCheckbox, itemOpen, lastOpenItem, useAddressToo } from './AddressToo';
import type { AgendaContext } from './context';

type Concern = (typeof CONCERN_LEVELS)[number];
type Note = MeetingView['qualitativeNotes'][number];

/**
 * Item 4: what each professional perceives as danger beyond the checklist. The notes both sides
 * read are marked as the programme's reading; her side's notes are a field of their own, sent
 * only to her side and shown only where they are.
 */
export function QualitativeItem({ context }: { context: AgendaContext }) {
  const { meeting, canRun } = context;
  const { t } = useTranslation(MEETINGS_NS);
  const herSide = meeting.victimSideNotes ?? [];
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm" fw={700}>
          {t('qualitative.jointTitle')}
        </Text>
        {context.seen('qualitativeNotes') && <SeenByProgramme />}
      </Group>
      <NoteList notes={meeting.qualitativeNotes} empty={t('qualitative.empty')} />
      {herSide.length > 0 && (
        <Stack gap={6} data-testid="victim-side-notes">
          <Group gap="xs">
            <Text size="sm" fw={700}>
              {t('qualitative.victimSideTitle')}
            </Text>
            <VictimSideOnly />
          </Group>
          <NoteList notes={herSide} empty="" />
        </Stack>
      )}
      {canRun && meeting.status === 'planned' && <NoteForm context={context} />}
    </Stack>
  );
}

function NoteList({ notes, empty }: { notes: Note[]; empty: string }) {
  const { t } = useTranslation(MEETINGS_NS);
  if (notes.length === 0)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {empty}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {notes.map((note) => (
        <Paper key={note.id} component="li" withBorder p="xs" radius="sm">
          <Group gap="xs" mb={2}>
            <ConcernBadge level={note.concernLevel} />
            <Text size="xs" c="dimmed">
              {t('qualitative.by', {
                name: note.authorName,
                side: t(`side.${note.authorSide}`, { defaultValue: note.authorSide }),
              })}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {note.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function NoteForm({ context }: { context: AgendaContext }) {
  const { t } = useTranslation(MEETINGS_NS);
  const add = useAddQualitativeNote(context.meeting);
  // Her service's notes stay on her side (the server files them there).
  const victimSide = context.session.abilities.supportVictims;
  const { meeting, session } = context;
  const open = itemOpen(meeting, 'qualitative_elements');
  // Once the other side's reading is in (or nothing else is left), this note completes the item.
  const otherSideSpoke = [...meeting.qualitativeNotes, ...meeting.victimSideNotes].some(
    (note) => note.authorSide !== session.user.side,
  );
  const addressToo = useAddressToo(otherSideSpoke || lastOpenItem(meeting, 'qualitative_elements'));
  const form = useSchemaForm({
    schema: QualitativeNoteCreate,
    initialValues: { concernLevel: '' as Concern | '', text: '' },
    onSubmit: async (body) => {
      await add.mutateAsync(body);
      form.reset();
      const address = open && addressToo.checked;
      addressToo.reset();
      if (address) await context.address('qualitative_elements', undefined, false, true);
    },
  });
  const concern = form.getInputProps('concernLevel');

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form onSubmit={form.submit} noValidate aria-label={t('qualitative.addTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('qualitative.addTitle')}
          </Text>
          {victimSide && (
            <Alert color="grape" variant="light" p="xs">
              {t('qualitative.victimSideHint')}
            </Alert>
          )}
          <fieldset style={{ border: 0, padding: 0, margin: 0 }} data-path="concernLevel">
            <Text component="legend" size="sm" fw={700} mb={6}>
              {t('qualitative.concern')}{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <Chip.Group value={concern.value} onChange={concern.onChange}>
              <Group gap={6}>
                {CONCERN_LEVELS.map((level) => (
                  <Chip key={level} value={level} size="sm" radius="sm">
                    {t(`concern.${level}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {concern.error && (
              <Text c="red.8" size="xs" mt={4}>
                {concern.error}
              </Text>
            )}
          </fieldset>
          <Textarea
            label={t('qualitative.text')}
            description={victimSide ? t('qualitative.textHint') : seenDescription(t('qualitative.textHint'))}
            {...form.getInputProps('text')}
            autosize
            minRows={2}
            maxLength={4000}
            required
          />
          <SchemaFormAlert form={form} />
          <Group justify="flex-end">
            {open && <AddressTooCheckbox item="qualitative_elements" state={addressToo} />}
            <Button type="submit" loading={add.isPending}>
              {t('qualitative.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
