import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ACTION_STATUSES, type ActionView, type JointCaseView, type SessionView } from '@tandem/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllAgencies } from '../api/lists';
import { VictimSideOnly } from '../casework/components';
import { FormAlert } from '../components/FormAlert';
import { useAgencyStaff, useCreateAction, useUpdateAction } from './api';
import {
  ActionStatusBadge,
  formatDateTimeShort,
  formatDay,
  OverdueBadge,
  pdfLanguage,
  serverFields,
  todayIso,
} from './components';
import { MEETINGS_NS } from './i18n';

type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Overdue first, then by term; done and dropped rows last. */
export function sortActions(actions: readonly ActionView[]): ActionView[] {
  const closed = (action: ActionView) => action.status === 'done' || action.status === 'dropped';
  return [...actions].sort(
    (a, b) =>
      Number(closed(a)) - Number(closed(b)) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.term.localeCompare(b.term),
  );
}

/** Whether the action was reviewed in the meeting being held. */
const reviewedIn = (action: ActionView, meetingId: string | undefined) =>
  meetingId !== undefined && action.lastReviewedMeetingId === meetingId;

/**
 * The joint action plan as a table: need → action → term → who, its status, overdue rows
 * marked (colour and a word), child-specific rows named. In a meeting each row can be marked
 * reviewed.
 */
export function ActionPlanTable({
  jointCaseId,
  actions,
  childNames,
  agencyName,
  meetingId,
  canEdit,
  highlightId,
}: {
  jointCaseId: string;
  actions: readonly ActionView[];
  childNames: Map<string, string>;
  agencyName: (id: string) => string;
  /** The meeting being held: rows get a "reviewed" toggle. */
  meetingId?: string;
  canEdit: boolean;
  highlightId?: string | null;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const update = useUpdateAction(jointCaseId, meetingId);
  const [pending, setPending] = useState<string | null>(null);
  const change = async (
    action: ActionView,
    body: { status?: ActionStatus; reviewedInMeetingId?: string },
  ) => {
    setPending(action.id);
    try {
      await update.mutateAsync({ id: action.id, ...body });
    } catch {
      // shown by the alert above the table
    } finally {
      setPending(null);
    }
  };

  if (actions.length === 0)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('actions.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <FormAlert error={update.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" striped={false} aria-label={t('actions.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('actions.need')}</Table.Th>
              <Table.Th>{t('actions.action')}</Table.Th>
              <Table.Th>{t('actions.term')}</Table.Th>
              <Table.Th>{t('actions.responsible')}</Table.Th>
              <Table.Th>{t('actions.status')}</Table.Th>
              {meetingId && <Table.Th>{t('actions.reviewed')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sortActions(actions).map((action) => {
              const child = action.childPersonId ? childNames.get(action.childPersonId) : undefined;
              const reviewed = reviewedIn(action, meetingId);
              return (
                <Table.Tr
                  key={action.id}
                  id={`action-${action.id}`}
                  data-overdue={action.overdue || undefined}
                  style={{
                    background: action.overdue
                      ? 'var(--mantine-color-red-0)'
                      : highlightId === action.id
                        ? 'var(--mantine-color-yellow-0)'
                        : undefined,
                    boxShadow: action.overdue ? 'inset 4px 0 0 var(--mantine-color-red-7)' : undefined,
                  }}
                >
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {action.need}
                    </Text>
                    <Group gap={4} mt={2}>
                      {action.childPersonId && (
                        <Badge size="sm" variant="light" color="yellow">
                          {child ? t('actions.forChild', { name: child }) : t('actions.childAction')}
                        </Badge>
                      )}
                      {action.victimSideOnly && <VictimSideOnly />}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {action.action}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" c={action.overdue ? 'red.9' : undefined} fw={action.overdue ? 700 : 400}>
                      {formatDay(i18n.language, action.term)}
                    </Text>
                    {action.overdue && <OverdueBadge />}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{action.responsibleName ?? '—'}</Text>
                    <Text size="xs" c="dimmed">
                      {agencyName(action.responsibleAgencyId)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {canEdit ? (
                      <NativeSelect
                        size="xs"
                        aria-label={t('actions.statusOf', { action: action.action })}
                        value={action.status}
                        disabled={pending === action.id}
                        onChange={(event) =>
                          void change(action, { status: event.currentTarget.value as ActionStatus })
                        }
                        data={ACTION_STATUSES.map((status) => ({
                          value: status,
                          label: t(`actionStatus.${status}`),
                        }))}
                        w={140}
                      />
                    ) : (
                      <ActionStatusBadge status={action.status} />
                    )}
                  </Table.Td>
                  {meetingId && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {reviewed ? (
                        <Badge color="teal" variant="light" leftSection="✓">
                          {t('actions.reviewedNow')}
                        </Badge>
                      ) : canEdit ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={pending === action.id}
                          onClick={() => void change(action, { reviewedInMeetingId: meetingId })}
                          aria-label={t('actions.markReviewedOf', { action: action.action })}
                        >
                          {t('actions.markReviewed')}
                        </Button>
                      ) : null}
                      {!reviewed && action.lastReviewedAt && (
                        <Text size="xs" c="dimmed">
                          {t('actions.lastReviewed', {
                            date: formatDateTimeShort(i18n.language, action.lastReviewedAt),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

interface Draft {
  need: string;
  action: string;
  term: string;
  responsibleAgencyId: string;
  responsibleUserId: string;
  childPersonId: string;
  victimSideOnly: boolean;
}

/**
 * A new row of the action plan, inline: need, action, term, who. The responsible agency starts
 * as the user's own and the responsible person as the user, to be changed when someone else
 * takes it on.
 */
export function ActionForm({
  jointCaseId,
  jointCase,
  session,
  meetingId,
  childrenOfCase,
  defaultChildId,
}: {
  jointCaseId: string;
  jointCase: JointCaseView | undefined;
  session: SessionView;
  meetingId?: string;
  childrenOfCase: { id: string; name: string }[];
  /** On the children's page: the child the row starts with. */
  defaultChildId?: string;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const create = useCreateAction(jointCaseId, meetingId);
  const agencies = useAllAgencies();
  const myAgency = session.user.agencyId ?? '';
  const initial = (): Draft => ({
    need: '',
    action: '',
    term: '',
    responsibleAgencyId: myAgency,
    responsibleUserId: session.user.id,
    childPersonId: defaultChildId ?? '',
    victimSideOnly: false,
  });
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const staff = useAgencyStaff(draft.responsibleAgencyId || undefined);
  const server = serverFields(create.error);
  const error = (path: string) => errors[path] ?? server[path];
  const patch = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const caseAgencies = useMemo(() => {
    const ids = new Set<string>(
      [
        myAgency,
        jointCase?.perpetratorSide?.agencyId,
        ...(jointCase?.victimSide?.episodes.map((episode) => episode.agencyId) ?? []),
      ].filter((id): id is string => Boolean(id)),
    );
    const all = agencies.data ?? [];
    const first = all.filter((agency) => ids.has(agency.id));
    const rest = all
      .filter((agency) => !ids.has(agency.id) && agency.active)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [...first, ...rest];
  }, [agencies.data, jointCase, myAgency]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.need.trim()) found.need = t('actions.errors.need');
    if (!draft.action.trim()) found.action = t('actions.errors.action');
    if (!draft.term) found.term = t('actions.errors.term');
    if (!draft.responsibleAgencyId) found.responsibleAgencyId = t('actions.errors.agency');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await create.mutateAsync({
        need: draft.need.trim(),
        action: draft.action.trim(),
        term: draft.term,
        responsibleAgencyId: draft.responsibleAgencyId,
        ...(draft.responsibleUserId && { responsibleUserId: draft.responsibleUserId }),
        ...(draft.childPersonId && { childPersonId: draft.childPersonId }),
        victimSideOnly: draft.victimSideOnly,
        ...(meetingId && { meetingId }),
      });
      setDraft(initial());
      notifications.show({ color: 'teal', message: t('actions.added') });
    } catch {
      // shown by the alert and under the fields
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('actions.addTitle')}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('actions.addTitle')}
        </Text>
        <FormAlert
          error={create.error}
          shownFields={[
            'need',
            'action',
            'term',
            'responsibleAgencyId',
            'responsibleUserId',
            'childPersonId',
          ]}
        />
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <TextInput
              label={t('actions.need')}
              placeholder={t('actions.needPlaceholder')}
              value={draft.need}
              onChange={(event) => patch({ need: event.currentTarget.value })}
              error={error('need')}
              required
              maxLength={1000}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <TextInput
              label={t('actions.action')}
              placeholder={t('actions.actionPlaceholder')}
              value={draft.action}
              onChange={(event) => patch({ action: event.currentTarget.value })}
              error={error('action')}
              required
              maxLength={2000}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
            <TextInput
              type="date"
              label={t('actions.term')}
              value={draft.term}
              min={todayIso()}
              onChange={(event) => patch({ term: event.currentTarget.value })}
              error={error('term')}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4, lg: 2 }}>
            <NativeSelect
              label={t('actions.responsibleAgency')}
              value={draft.responsibleAgencyId}
              onChange={(event) =>
                patch({
                  responsibleAgencyId: event.currentTarget.value,
                  responsibleUserId: event.currentTarget.value === myAgency ? session.user.id : '',
                })
              }
              data={[
                { value: '', label: t('actions.chooseAgency') },
                ...caseAgencies.map((agency) => ({ value: agency.id, label: agency.name })),
              ]}
              error={error('responsibleAgencyId')}
              required
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4, lg: 2 }}>
            <NativeSelect
              label={t('actions.responsiblePerson')}
              value={draft.responsibleUserId}
              onChange={(event) => patch({ responsibleUserId: event.currentTarget.value })}
              data={[
                { value: '', label: t('actions.anyone') },
                ...(staff.data ?? []).map((person) => ({ value: person.id, label: person.displayName })),
                ...(draft.responsibleUserId === session.user.id &&
                !(staff.data ?? []).some((person) => person.id === session.user.id)
                  ? [{ value: session.user.id, label: session.user.displayName }]
                  : []),
              ]}
              error={error('responsibleUserId')}
            />
          </Grid.Col>
        </Grid>
        <Group gap="lg" align="center">
          {childrenOfCase.length > 0 && (
            <NativeSelect
              label={t('actions.child')}
              value={draft.childPersonId}
              onChange={(event) => patch({ childPersonId: event.currentTarget.value })}
              data={[
                { value: '', label: t('actions.noChild') },
                ...childrenOfCase.map((child) => ({ value: child.id, label: child.name })),
              ]}
              error={error('childPersonId')}
              w={240}
            />
          )}
          {session.user.side === 'victim' && (
            <Checkbox
              mt={childrenOfCase.length > 0 ? 22 : 0}
              label={t('actions.victimSideOnly')}
              description={t('actions.victimSideOnlyHint')}
              checked={draft.victimSideOnly}
              onChange={(event) => patch({ victimSideOnly: event.currentTarget.checked })}
            />
          )}
          <Button type="submit" loading={create.isPending} ml="auto">
            {t('actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The PDF of the action plan (what this user may see), in the user's language. */
export function ActionPlanPdfLink({ jointCaseId, language }: { jointCaseId: string; language: string }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Anchor
      href={`/api/joint-cases/${jointCaseId}/action-plan.pdf?lang=${pdfLanguage(language)}`}
      download
      size="sm"
    >
      {t('actions.pdf')}
    </Anchor>
  );
}
