import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { ACTION_STATUSES, type ActionView, routes } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../api/client';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { useUpdateAction } from '../api';
import { ActionStatusBadge, formatDateTimeShort, formatDay, OverdueBadge, pdfLanguage } from './parts';

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
  /** The plan may be changed here (the meeting runs, the case is open); each row says if by this user. */
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
              const editable = canEdit && action.can.update;
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
                      {action.levelActionKey && (
                        <Badge size="sm" variant="light" color="grape">
                          {t('actions.proposedForLevel')}
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
                    {editable ? (
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
                      ) : editable ? (
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

/** The PDF of the action plan (what this user may see), in the user's language. */
export function ActionPlanPdfLink({ jointCaseId, language }: { jointCaseId: string; language: string }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Anchor
      href={routeHref(routes.meetings.actionPlanPdf, {
        params: { id: jointCaseId },
        query: { lang: pdfLanguage(language) },
      })}
      download
      size="sm"
    >
      {t('actions.pdf')}
    </Anchor>
  );
}
