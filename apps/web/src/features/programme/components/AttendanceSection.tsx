import { Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ATTENDANCE_STATUSES, AttendanceCreate, type PpEpisodeView, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate, todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField, Empty, Section } from '../../../components/PageParts';
import { useStoreEpisode } from '../api';

/** The sessions he attended (or did not), and the form for the next one. */
export function AttendanceSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const counts = ATTENDANCE_STATUSES.map(
    (s) => [s, episode.attendance.filter((a) => a.status === s).length] as const,
  );
  const sessions = [...episode.attendance].reverse();

  return (
    <Section
      id="episode-attendance"
      title={t('attendance.title')}
      description={
        episode.plannedSessions
          ? t('attendance.progress', { count: episode.attendance.length, planned: episode.plannedSessions })
          : undefined
      }
    >
      {episode.attendance.length > 0 && (
        <Group gap="xs">
          {counts.map(([s, n]) => (
            <Badge
              key={s}
              variant="light"
              color={s === 'present' ? 'teal' : s === 'absent_excused' ? 'gray' : 'red'}
            >
              {t(`enums.attendance.${s}`)}: {n}
            </Badge>
          ))}
        </Group>
      )}
      {episode.can.recordAttendance && <AttendanceForm episode={episode} />}
      {episode.can.edit && !episode.can.recordAttendance && (
        <Text size="sm" c="dimmed">
          {t('attendance.notNow')}
        </Text>
      )}
      {sessions.length === 0 ? (
        <Empty>{t('attendance.empty')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attendance.sessionDate')}</Table.Th>
                <Table.Th>{t('attendance.status')}</Table.Th>
                <Table.Th>{t('attendance.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>{formatDate(i18n.language, session.sessionDate)}</Table.Td>
                  <Table.Td>{t(`enums.attendance.${session.status}`)}</Table.Td>
                  <Table.Td>{session.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function AttendanceForm({ episode }: { episode: PpEpisodeView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const storeEpisode = useStoreEpisode();
  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.programme.recordAttendance>) =>
      call(routes.programme.recordAttendance, { params: { id: episode.id }, body }),
    onSuccess: (updated) => {
      storeEpisode(updated);
      notifications.show({ color: 'teal', message: t('attendance.saved') });
    },
  });
  const form = useSchemaForm({
    schema: AttendanceCreate,
    initialValues: {
      sessionDate: todayIso(),
      status: 'present' as (typeof ATTENDANCE_STATUSES)[number],
      note: '',
    },
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      form.setFieldValue('note', '');
    },
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('attendance.formLabel')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField
          label={t('attendance.sessionDate')}
          {...form.getInputProps('sessionDate')}
          max={todayIso()}
          required
        />
        <NativeSelect
          label={t('attendance.status')}
          {...form.getInputProps('status')}
          data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`enums.attendance.${s}`) }))}
        />
        <TextInput
          label={t('attendance.note')}
          {...form.getInputProps('note')}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" loading={save.isPending}>
          {t('attendance.submit')}
        </Button>
      </Group>
      <SchemaFormAlert form={form} />
    </form>
  );
}
