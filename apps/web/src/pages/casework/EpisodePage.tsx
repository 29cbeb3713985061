import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  ATTENDANCE_STATUSES,
  AttendanceCreate,
  PP_TRANSITIONS,
  PpEpisodeUpdate,
  type PpEpisodeView,
  type PpStatus,
  PROGRAMME_TYPES,
  STATUSES_RAISING_DUTY,
  StatusChange,
} from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { keys, useAgencyDirectory, usePpEpisode, useRefreshCasework } from '../../casework/api';
import { CriticalEventForm } from '../../casework/CriticalEventForm';
import { DateField, Empty, Facts, Loading, PpStatusBadge, Section } from '../../casework/components';
import { formatDate, optional, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { ReleaseSection } from './ReleaseSection';

/** His programme episode: details, status, attendance, release and partners, critical events. */
export function EpisodePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const episode = usePpEpisode(id);
  const name = episode.data ? `${episode.data.person.firstName} ${episode.data.person.lastName}` : '';

  return (
    <Stack maw={1200}>
      <Loading query={episode}>
        {episode.data && (
          <>
            <div>
              <PageTitle documentTitle={t('episode.documentTitle', { name })}>{name}</PageTitle>
              <Group gap="xs" mt={-8}>
                <PpStatusBadge status={episode.data.status} />
                <Text c="dimmed">
                  {t('episode.subtitle', {
                    pathway: t(`enums.pathway.${episode.data.pathway}`),
                    date: formatDate(i18n.language, episode.data.referralDate),
                  })}
                </Text>
              </Group>
            </div>
            <EpisodeBody episode={episode.data} />
          </>
        )}
      </Loading>
    </Stack>
  );
}

function EpisodeBody({ episode }: { episode: PpEpisodeView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DetailsSection episode={episode} />
        <StatusSection episode={episode} />
      </SimpleGrid>
      <ReleaseSection episode={episode} myAgencyId={session?.user.agencyId ?? null} />
      <AttendanceSection episode={episode} />
      {episode.canEdit && (
        <Section id="episode-event" title={t('events.title')} description={t('events.intro')}>
          <CriticalEventForm episodeId={episode.id} />
        </Section>
      )}
    </Stack>
  );
}

function DetailsSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language;
  const order = episode.order;
  return (
    <Section
      id="episode-details"
      title={t('episode.details')}
      actions={
        episode.canEdit && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('episode.editDetails')}
          </Button>
        )
      }
    >
      <Facts
        items={[
          [
            t('fields.dateOfBirth'),
            episode.person.dateOfBirth ? formatDate(lang, episode.person.dateOfBirth) : null,
          ],
          [t('fields.pathway'), t(`enums.pathway.${episode.pathway}`)],
          [
            t('referral.referringAgency'),
            episode.referringAgencyId ? directory.nameOf(episode.referringAgencyId) : null,
          ],
          [
            t('episode.order'),
            order
              ? [
                  t(`enums.orderKind.${order.kind}`),
                  order.reference,
                  order.startsOn || order.endsOn
                    ? `${formatDate(lang, order.startsOn)} – ${formatDate(lang, order.endsOn)}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [t('referral.orderConditions'), order?.conditions ?? null],
          [t('fields.referralDate'), formatDate(lang, episode.referralDate)],
          [t('fields.intakeDate'), episode.intakeDate ? formatDate(lang, episode.intakeDate) : null],
          [
            t('fields.programmeType'),
            episode.programmeType ? t(`enums.programmeType.${episode.programmeType}`) : null,
          ],
          [t('fields.plannedSessions'), episode.plannedSessions],
          [
            t('fields.plannedEndDate'),
            episode.plannedEndDate ? formatDate(lang, episode.plannedEndDate) : null,
          ],
          [t('fields.schedule'), episode.schedule],
          [t('fields.assessment'), episode.assessment],
        ]}
      />
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('episode.editDetails')}
        size="lg"
        centered
      >
        {editing && <DetailsForm episode={episode} onClose={() => setEditing(false)} />}
      </Modal>
    </Section>
  );
}

function DetailsForm({ episode, onClose }: { episode: PpEpisodeView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const [intakeDate, setIntakeDate] = useState(episode.intakeDate ?? '');
  const [assessment, setAssessment] = useState(episode.assessment ?? '');
  const [programmeType, setProgrammeType] = useState<string>(episode.programmeType ?? '');
  const [plannedSessions, setPlannedSessions] = useState<string | number>(episode.plannedSessions ?? '');
  const [plannedEndDate, setPlannedEndDate] = useState(episode.plannedEndDate ?? '');
  const [schedule, setSchedule] = useState(episode.schedule ?? '');
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<PpEpisodeView>(`/api/pp-episodes/${episode.id}`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.ppEpisode(episode.id), updated);
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(PpEpisodeUpdate, {
      intakeDate: optional(intakeDate),
      assessment: optional(assessment),
      programmeType: optional(programmeType),
      plannedSessions: plannedSessions === '' ? undefined : Number(plannedSessions),
      plannedEndDate: optional(plannedEndDate),
      schedule: optional(schedule),
    });
    if (body) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DateField
          label={t('fields.intakeDate')}
          value={intakeDate}
          onChange={setIntakeDate}
          error={form.errorAt('intakeDate')}
        />
        <Textarea
          label={t('fields.assessment')}
          description={t('fields.assessmentHint')}
          value={assessment}
          onChange={(e) => setAssessment(e.currentTarget.value)}
          error={form.errorAt('assessment')}
          autosize
          minRows={3}
        />
        <NativeSelect
          label={t('fields.programmeType')}
          value={programmeType}
          onChange={(e) => setProgrammeType(e.currentTarget.value)}
          error={form.errorAt('programmeType')}
          data={[
            { value: '', label: t('common.notYetKnown') },
            ...PROGRAMME_TYPES.map((type) => ({ value: type, label: t(`enums.programmeType.${type}`) })),
          ]}
        />
        <Group align="flex-start">
          <NumberInput
            label={t('fields.plannedSessions')}
            value={plannedSessions}
            onChange={setPlannedSessions}
            min={1}
            max={500}
            allowDecimal={false}
            error={form.errorAt('plannedSessions')}
            maw={200}
          />
          <DateField
            label={t('fields.plannedEndDate')}
            value={plannedEndDate}
            onChange={setPlannedEndDate}
            error={form.errorAt('plannedEndDate')}
          />
        </Group>
        <TextInput
          label={t('fields.schedule')}
          description={t('fields.scheduleHint')}
          value={schedule}
          onChange={(e) => setSchedule(e.currentTarget.value)}
          error={form.errorAt('schedule')}
        />
        <FormAlert
          error={save.error}
          shownFields={[
            'intakeDate',
            'assessment',
            'programmeType',
            'plannedSessions',
            'plannedEndDate',
            'schedule',
          ]}
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

function StatusSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const refresh = useRefreshCasework();
  const next = PP_TRANSITIONS[episode.status];
  const [to, setTo] = useState<PpStatus | ''>('');
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<PpEpisodeView>(`/api/pp-episodes/${episode.id}/status`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.ppEpisode(episode.id), updated);
      refresh();
      notifications.show({
        color: 'teal',
        message: STATUSES_RAISING_DUTY.includes(updated.status)
          ? t('status.savedWithDuty', { status: t(`enums.ppStatus.${updated.status}`) })
          : t('status.saved', { status: t(`enums.ppStatus.${updated.status}`) }),
      });
      setTo('');
      setReason('');
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(StatusChange, { to: to || undefined, date, reason: optional(reason) });
    if (body) save.mutate(body);
  };
  const history = [...episode.statusHistory].reverse();

  return (
    <Section id="episode-status" title={t('status.title')}>
      <Group gap="xs">
        <Text>{t('status.current')}</Text>
        <PpStatusBadge status={episode.status} />
      </Group>
      {episode.canEdit &&
        (next.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('status.final')}
          </Text>
        ) : (
          <form onSubmit={submit} noValidate aria-label={t('status.formLabel')}>
            <Stack gap="sm">
              <Radio.Group
                label={t('status.moveTo')}
                description={t('status.moveToHint')}
                value={to}
                onChange={(value) => setTo(value as PpStatus)}
                error={form.errorAt('to')}
                required
              >
                <Group mt="xs" gap="md">
                  {next.map((status) => (
                    <Radio key={status} value={status} label={t(`enums.ppStatus.${status}`)} />
                  ))}
                </Group>
              </Radio.Group>
              {to && STATUSES_RAISING_DUTY.includes(to) && (
                <Alert color="orange" variant="light" p="xs">
                  {t('status.dutyWarning')}
                </Alert>
              )}
              <DateField
                label={t('status.date')}
                value={date}
                onChange={setDate}
                error={form.errorAt('date')}
                max={todayIso()}
                required
              />
              <Textarea
                label={t('status.reason')}
                description={
                  to && STATUSES_RAISING_DUTY.includes(to) ? t('status.reasonDutyHint') : undefined
                }
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={form.errorAt('reason')}
                autosize
                minRows={2}
              />
              <FormAlert error={save.error} shownFields={['to', 'date', 'reason']} />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {t('status.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        ))}
      <Text fw={600} size="sm" mt="xs">
        {t('status.history')}
      </Text>
      <Timeline active={history.length} bulletSize={14} lineWidth={2}>
        {history.map((change) => (
          <Timeline.Item
            key={`${change.date}-${change.from}-${change.to}`}
            title={
              change.from
                ? t('status.changeFromTo', {
                    from: t(`enums.ppStatus.${change.from}`),
                    to: t(`enums.ppStatus.${change.to}`),
                  })
                : t(`enums.ppStatus.${change.to}`)
            }
          >
            <Text size="xs" c="dimmed">
              {t('status.changedBy', {
                date: formatDate(i18n.language, change.date),
                name: change.changedBy,
              })}
            </Text>
            {change.reason && <Text size="sm">{change.reason}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Section>
  );
}

function AttendanceSection({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const [sessionDate, setSessionDate] = useState(todayIso());
  const [status, setStatus] = useState<(typeof ATTENDANCE_STATUSES)[number]>('present');
  const [note, setNote] = useState('');
  const canRecord = episode.canEdit && (episode.status === 'intake' || episode.status === 'active');
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<PpEpisodeView>(`/api/pp-episodes/${episode.id}/attendance`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.ppEpisode(episode.id), updated);
      notifications.show({ color: 'teal', message: t('attendance.saved') });
      setNote('');
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(AttendanceCreate, { sessionDate, status, note: optional(note) });
    if (body) save.mutate(body);
  };
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
      {canRecord && (
        <form onSubmit={submit} noValidate aria-label={t('attendance.formLabel')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <DateField
              label={t('attendance.sessionDate')}
              value={sessionDate}
              onChange={setSessionDate}
              error={form.errorAt('sessionDate')}
              max={todayIso()}
              required
            />
            <NativeSelect
              label={t('attendance.status')}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
              data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: t(`enums.attendance.${s}`) }))}
              error={form.errorAt('status')}
            />
            <TextInput
              label={t('attendance.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={form.errorAt('note')}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button type="submit" loading={save.isPending}>
              {t('attendance.submit')}
            </Button>
          </Group>
          <FormAlert error={save.error} shownFields={['sessionDate', 'status', 'note']} />
        </form>
      )}
      {episode.canEdit && !canRecord && (
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
