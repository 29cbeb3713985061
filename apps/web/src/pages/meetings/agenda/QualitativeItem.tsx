import { Alert, Button, Chip, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { CONCERN_LEVELS } from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { useAddQualitativeNote } from '../../../meetings/api';
import { ConcernBadge, serverFields } from '../../../meetings/components';
import { MEETINGS_NS } from '../../../meetings/i18n';
import type { AgendaContext } from './context';

type Concern = (typeof CONCERN_LEVELS)[number];

/** Item 4: what each professional perceives as danger beyond the checklist. */
export function QualitativeItem({ context }: { context: AgendaContext }) {
  const { meeting, canRun } = context;
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Stack gap="sm">
      {meeting.qualitativeNotes.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('qualitative.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {meeting.qualitativeNotes.map((note) => (
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
      )}
      {canRun && meeting.status === 'planned' && <NoteForm context={context} />}
    </Stack>
  );
}

function NoteForm({ context }: { context: AgendaContext }) {
  const { t } = useTranslation(MEETINGS_NS);
  const add = useAddQualitativeNote(context.meeting);
  const [concern, setConcern] = useState<Concern | ''>('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFields(add.error);
  const victimSide = context.session.user.side === 'victim';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!concern) found.concernLevel = t('qualitative.errors.concern');
    if (!text.trim()) found.text = t('qualitative.errors.text');
    setErrors(found);
    if (!concern || Object.keys(found).length > 0) return;
    try {
      await add.mutateAsync({ concernLevel: concern, text: text.trim() });
      setConcern('');
      setText('');
    } catch {
      // shown by the alert and under the fields
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={t('qualitative.addTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('qualitative.addTitle')}
          </Text>
          {victimSide && (
            <Alert color="grape" variant="light" p="xs">
              {t('qualitative.victimSideHint')}
            </Alert>
          )}
          <FormAlert error={add.error} shownFields={['concernLevel', 'text']} />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={700} mb={6}>
              {t('qualitative.concern')}{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <Chip.Group value={concern} onChange={(value) => setConcern(value as Concern)}>
              <Group gap={6}>
                {CONCERN_LEVELS.map((level) => (
                  <Chip key={level} value={level} size="sm" radius="sm">
                    {t(`concern.${level}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {(errors.concernLevel ?? server.concernLevel) && (
              <Text c="red.8" size="xs" mt={4}>
                {errors.concernLevel ?? server.concernLevel}
              </Text>
            )}
          </fieldset>
          <Textarea
            label={t('qualitative.text')}
            description={t('qualitative.textHint')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors.text ?? server.text}
            autosize
            minRows={2}
            maxLength={4000}
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('qualitative.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
