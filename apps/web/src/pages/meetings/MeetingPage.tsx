import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AGENDA_ITEMS, type AgendaItemName, type MeetingView, type SessionView } from '@tandem/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { useSession } from '../../auth/session';
import { Loading } from '../../casework/components';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import {
  useCaseMeetings,
  useCaseTeam,
  useCloseMeeting,
  useMeeting,
  useRefreshCase,
  useUpdateAgendaItem,
} from '../../meetings/api';
import { formatDateTime, MeetingBadges, pdfLanguage } from '../../meetings/components';
import { MEETINGS_NS } from '../../meetings/i18n';
import type { CaseTeamMember } from '../../meetings/types';
import { ActionPlanItem, useActionPlanHeadline } from './agenda/ActionPlanItem';
import type { AgendaContext } from './agenda/context';
import { ImpactItem, useImpactHeadline } from './agenda/ImpactItem';
import { QualitativeItem } from './agenda/QualitativeItem';
import { RecidivismItem, useRecidivismHeadline } from './agenda/RecidivismItem';
import { RiskItem, useRiskHeadline } from './agenda/RiskItem';

type AgendaEntry = MeetingView['agenda'][number];

const ITEM_BODIES: Record<AgendaItemName, (props: { context: AgendaContext }) => ReactNode> = {
  joint_risk_assessment: RiskItem,
  recidivism: RecidivismItem,
  individual_change: ImpactItem,
  qualitative_elements: QualitativeItem,
  joint_action_plan: ActionPlanItem,
};

/** One screen runs the whole Phase 2 meeting: the five compulsory items, attendance, minutes, close. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const session = useSession().data;
  return (
    <Stack maw={1200}>
      <Loading query={meeting}>
        {meeting.data && session && <MeetingScreen meeting={meeting.data} session={session} />}
      </Loading>
    </Stack>
  );
}

function MeetingScreen({ meeting, session }: { meeting: MeetingView; session: SessionView }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const team = useCaseTeam(meeting);
  const refreshCase = useRefreshCase();
  const update = useUpdateAgendaItem(meeting);
  const planned = meeting.status === 'planned';
  // Only the case's case managers and its partner-contact worker run it (the server decides again).
  const onTeam = team.team.some((member) => member.id === session.user.id);
  const canRun =
    planned && !team.isPending && (onTeam || (team.team.length === 0 && session.abilities.casework));
  const [openItems, setOpenItems] = useState<string[]>(() =>
    planned ? meeting.agenda.filter((entry) => entry.status === 'open').map((entry) => entry.item) : [],
  );
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const refresh = () => refreshCase(meeting.jointCaseId, meeting.id);
  const address = async (item: AgendaItemName, notes?: string) => {
    await update.mutateAsync({ item, status: 'addressed', ...(notes && { notes }) });
    setOpenItems((current) => current.filter((open) => open !== item));
    setIncomplete((current) => current.filter((open) => open !== item));
  };
  const context: AgendaContext = { meeting, session, canRun, refresh, address };
  const headlines: Partial<Record<AgendaItemName, string | null>> = {
    joint_risk_assessment: useRiskHeadline(meeting.jointCaseId),
    recidivism: useRecidivismHeadline(meeting.jointCaseId),
    individual_change: useImpactHeadline(meeting.jointCaseId),
    qualitative_elements: t('qualitative.headline', { count: meeting.qualitativeNotes.length }),
    joint_action_plan: useActionPlanHeadline(meeting.jointCaseId),
  };
  const done = meeting.agenda.filter((entry) => entry.status !== 'open').length;
  const title = t('meeting.title', { case: meeting.caseNumber });

  return (
    <Stack gap="lg">
      <div>
        <Group gap="md">
          <Anchor component={Link} to={`/cases/${meeting.jointCaseId}`} size="sm">
            {t('frame.backToCase', { case: meeting.caseNumber })}
          </Anchor>
          <Anchor component={Link} to={`/joint-cases/${meeting.jointCaseId}/meetings`} size="sm">
            {t('meeting.allMeetings')}
          </Anchor>
        </Group>
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <PageTitle documentTitle={title}>{title}</PageTitle>
            <Group gap="sm" mt={-8}>
              <MeetingBadges meeting={meeting} />
              <Text size="sm" fw={600}>
                {formatDateTime(i18n.language, meeting.scheduledFor)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('meeting.duration', { count: meeting.durationMinutes })}
                {meeting.mode === 'in_person' && meeting.place ? ` · ${meeting.place}` : ''}
              </Text>
            </Group>
          </div>
          <Group gap="xs">
            {planned && (
              <Button variant="subtle" onClick={refresh}>
                {t('meeting.refresh')}
              </Button>
            )}
            <Button
              component="a"
              href={`/api/meetings/${meeting.id}/calendar.ics`}
              download
              variant="default"
            >
              {t('meeting.ics')}
            </Button>
          </Group>
        </Group>
      </div>

      {planned && (
        <Group gap="xs" aria-label={t('meeting.progressLabel')} role="group">
          <Text size="sm" fw={600}>
            {t('meeting.progress', { done, total: meeting.agenda.length })}
          </Text>
          {meeting.agenda.map((entry, index) => (
            <Badge
              key={entry.item}
              component="a"
              href={`#agenda-${entry.item}`}
              onClick={() =>
                setOpenItems((current) => (current.includes(entry.item) ? current : [...current, entry.item]))
              }
              variant={entry.status === 'open' ? 'outline' : 'light'}
              color={incomplete.includes(entry.item) ? 'red' : statusColour(entry.status)}
              style={{ cursor: 'pointer' }}
            >
              {index + 1}. {t(`agenda.${entry.item}.short`)}
            </Badge>
          ))}
        </Group>
      )}

      <Accordion
        multiple
        variant="separated"
        radius="md"
        value={openItems}
        onChange={setOpenItems}
        chevronPosition="left"
      >
        {AGENDA_ITEMS.map((item, index) => {
          const entry = meeting.agenda.find((candidate) => candidate.item === item);
          if (!entry) return null;
          const Body = ITEM_BODIES[item];
          const flagged = incomplete.includes(item);
          return (
            <Accordion.Item
              key={item}
              value={item}
              id={`agenda-${item}`}
              style={flagged ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
            >
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap" justify="space-between" pr="sm">
                  <div>
                    <Title order={2} size="h5">
                      {index + 1}. {t(`agenda.${item}.title`)}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {planned
                        ? headlines[item]
                        : entry.status === 'deferred'
                          ? entry.deferredReason
                          : entry.notes}
                    </Text>
                  </div>
                  <StatusBadge status={entry.status} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {flagged && (
                    <Text c="red.8" size="sm" fw={600} role="alert">
                      {t('close.itemOpen')}
                    </Text>
                  )}
                  {planned && (
                    <Text size="sm" c="dimmed">
                      {t(`agenda.${item}.description`)}
                    </Text>
                  )}
                  {(planned || item === 'qualitative_elements') && <Body context={context} />}
                  <AgendaDecision
                    entry={entry}
                    canRun={canRun}
                    onSave={async (body) => {
                      await update.mutateAsync({ item, ...body });
                      if (body.status) {
                        setOpenItems((current) => current.filter((open) => open !== item));
                        setIncomplete((current) => current.filter((open) => open !== item));
                      }
                    }}
                    saving={update.isPending && update.variables?.item === item}
                    error={update.variables?.item === item ? update.error : null}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>

      {planned ? (
        canRun && (
          <CloseSection
            meeting={meeting}
            team={team.team}
            session={session}
            onIncomplete={(items) => {
              setIncomplete(items);
              setOpenItems((current) => [...new Set([...current, ...items])]);
            }}
          />
        )
      ) : (
        <ClosedSection meeting={meeting} />
      )}
    </Stack>
  );
}

const statusColour = (status: AgendaEntry['status']) =>
  status === 'addressed' ? 'teal' : status === 'deferred' ? 'orange' : 'gray';

function StatusBadge({ status }: { status: AgendaEntry['status'] }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Badge
      color={statusColour(status)}
      variant={status === 'open' ? 'outline' : 'light'}
      leftSection={status === 'addressed' ? '✓' : undefined}
      style={{ flexShrink: 0 }}
    >
      {t(`itemStatus.${status}`)}
    </Badge>
  );
}

/**
 * "Addressed" with notes for the minutes, or "deferred" with a reason: every compulsory item
 * ends the meeting one way or the other. A decided item can be changed while the meeting runs.
 */
function AgendaDecision({
  entry,
  canRun,
  onSave,
  saving,
  error,
}: {
  entry: AgendaEntry;
  canRun: boolean;
  onSave: (body: {
    status: 'addressed' | 'deferred';
    notes?: string;
    deferredReason?: string;
  }) => Promise<void>;
  saving: boolean;
  error: unknown;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const [editing, setEditing] = useState(false);
  const [deferring, setDeferring] = useState(false);
  const [notes, setNotes] = useState(entry.notes ?? '');
  const [reason, setReason] = useState(entry.deferredReason ?? '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const label = t(`agenda.${entry.item}.title`);

  if (entry.status !== 'open' && !editing)
    return (
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {entry.status === 'addressed' ? t('decision.addressed') : t('decision.deferred')}
          </Text>
          {entry.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.notes}
            </Text>
          )}
          {entry.status === 'deferred' && entry.deferredReason && (
            <Text size="sm">{t('decision.reasonShown', { reason: entry.deferredReason })}</Text>
          )}
        </Stack>
        {canRun && (
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            {t('decision.change')}
          </Button>
        )}
      </Group>
    );
  if (!canRun) return null;

  const save = async (status: 'addressed' | 'deferred') => {
    if (status === 'deferred' && !reason.trim()) {
      setReasonError(t('decision.reasonRequired'));
      return;
    }
    setReasonError(null);
    try {
      await onSave({
        status,
        ...(notes.trim() && { notes: notes.trim() }),
        ...(status === 'deferred' && { deferredReason: reason.trim() }),
      });
      setEditing(false);
      setDeferring(false);
    } catch {
      // shown by the alert
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(deferring ? 'deferred' : 'addressed');
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('decision.formLabel', { item: label })}>
      <Stack gap="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <FormAlert error={error} shownFields={['deferredReason', 'notes']} />
        <Textarea
          label={t('decision.notes')}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={8}
          maxLength={8000}
        />
        {deferring && (
          <TextInput
            label={t('decision.reason')}
            description={t('decision.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={reasonError ?? (isApiError(error) ? error.fieldMessage('deferredReason') : undefined)}
            required
            maxLength={2000}
            data-autofocus
            autoFocus
          />
        )}
        <Group gap="sm" justify="flex-end">
          {editing && (
            <Button variant="subtle" color="gray" onClick={() => setEditing(false)}>
              {t('decision.cancel')}
            </Button>
          )}
          {deferring ? (
            <>
              <Button variant="default" onClick={() => setDeferring(false)}>
                {t('decision.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={saving}>
                {t('decision.deferSubmit')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={() => setDeferring(true)}>
                {t('decision.defer')}
              </Button>
              <Button type="submit" color="teal" loading={saving}>
                {t('decision.address')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** Who attended, the minutes and decisions, and Close — refused by the server while an item is open. */
function CloseSection({
  meeting,
  team,
  session,
  onIncomplete,
}: {
  meeting: MeetingView;
  team: CaseTeamMember[];
  session: SessionView;
  onIncomplete: (items: string[]) => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const close = useCloseMeeting(meeting);
  const members: CaseTeamMember[] = team.some((member) => member.id === session.user.id)
    ? team
    : [
        ...team,
        {
          id: session.user.id,
          name: session.user.displayName,
          role: session.user.side === 'perpetrator' ? 'pp_case_manager' : 'vss_case_manager',
        },
      ];
  // The two case managers meet: both start ticked; untick who did not come.
  const defaults = members
    .filter((member) => member.role !== 'partner_contact_worker' || member.id === session.user.id)
    .map((member) => member.id);
  const [attendance, setAttendance] = useState<string[] | null>(null);
  const attended = attendance ?? defaults;
  const [minutes, setMinutes] = useState('');
  const [decisions, setDecisions] = useState('');
  const [attendanceError, setAttendanceError] = useState<string | null>(null);
  const openItems =
    isApiError(close.error) && close.error.code === 'agenda_incomplete'
      ? close.error.fields.map((field) => field.path.replace(/^agenda\./, ''))
      : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (attended.length === 0) {
      setAttendanceError(t('close.attendanceRequired'));
      return;
    }
    setAttendanceError(null);
    try {
      await close.mutateAsync({
        attendance: attended,
        ...(minutes.trim() && { minutes: minutes.trim() }),
        ...(decisions.trim() && { decisions: decisions.trim() }),
      });
      notifications.show({ color: 'teal', message: t('close.closed') });
      window.scrollTo({ top: 0 });
    } catch (failure) {
      if (isApiError(failure) && failure.code === 'agenda_incomplete')
        onIncomplete(failure.fields.map((field) => field.path.replace(/^agenda\./, '')));
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="close-title">
      <form onSubmit={submit} noValidate aria-labelledby="close-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="close-title">
            {t('close.title')}
          </Title>
          <Checkbox.Group
            label={t('close.attendance')}
            value={attended}
            onChange={setAttendance}
            error={attendanceError}
            withAsterisk
          >
            <Group gap="lg" mt={6}>
              {members.map((member) => (
                <Checkbox
                  key={member.id}
                  value={member.id}
                  label={`${member.name} (${t(`role.${member.role}`)})`}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea
            label={t('close.decisions')}
            description={t('close.decisionsHint')}
            value={decisions}
            onChange={(event) => setDecisions(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={8000}
          />
          <Textarea
            label={t('close.minutes')}
            description={t('close.minutesHint')}
            value={minutes}
            onChange={(event) => setMinutes(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={20000}
          />
          {openItems.length > 0 ? (
            <Alert color="red" variant="light" role="alert" title={t('close.incompleteTitle')}>
              {t('close.incompleteBody')}
              <List size="sm" mt={4}>
                {openItems.map((item) => (
                  <List.Item key={item}>{t(`agenda.${item}.title`, { defaultValue: item })}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <FormAlert error={close.error} shownFields={['attendance']} />
          )}
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={close.isPending}>
              {t('close.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The record of a closed meeting, its minutes as PDF, and the next meeting. */
function ClosedSection({ meeting }: { meeting: MeetingView }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const meetings = useCaseMeetings(meeting.jointCaseId);
  const next = meetings.data?.find(
    (candidate) => candidate.status === 'planned' && candidate.id !== meeting.id,
  );
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="minutes-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="minutes-title">
              {t('closed.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('closed.closedAt', { date: formatDateTime(i18n.language, meeting.closedAt) })}
            </Text>
          </div>
          <Button
            component="a"
            href={`/api/meetings/${meeting.id}/minutes.pdf?lang=${pdfLanguage(i18n.language)}`}
            download
          >
            {t('closed.pdf')}
          </Button>
        </Group>
        <Text size="sm">
          <strong>{t('closed.attendance')}</strong>{' '}
          {meeting.attendance.map((person) => person.name).join(', ') || '—'}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('closed.decisions')}</strong> {meeting.decisions ?? '—'}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{t('closed.minutes')}</strong> {meeting.minutes ?? '—'}
        </Text>
        {next && (
          <Text size="sm">
            {t('closed.next')}{' '}
            <Anchor component={Link} to={`/meetings/${next.id}`}>
              {formatDateTime(i18n.language, next.scheduledFor)}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Card>
  );
}
