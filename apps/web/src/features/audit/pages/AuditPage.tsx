import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { type AuditOutcome, routes } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePagedRoute } from '../../../api/usePaged';
import { formatDateTime, outcomeLabel } from '../../../app/i18n/labels';
import { FormAlert } from '../../../components/FormAlert';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { adminKeys } from '../../admin/api';
import { useSession } from '../../auth/session';
import { auditKeys } from '../api';
import { AccountChange } from '../components/AccountChange';

const OUTCOME_COLOURS: Record<AuditOutcome, string> = { success: 'teal', denied: 'orange', failure: 'red' };

/** Ids are long: show the start, keep the whole in the title. */
function ShortId({ id }: { id: string }) {
  return <Code title={id}>{id.length > 10 ? `${id.slice(0, 8)}…` : id}</Code>;
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.viewAudit);
  const events = usePagedRoute(auditKeys.trail, routes.audit.list, {}, allowed);
  // Whom an account event was about, and who asked: the names of the accounts the actor
  // administers, and of the actors of the events shown (the only ids the map holds).
  const accounts = usePagedRoute(
    adminKeys.users,
    routes.admin.listUsers,
    {},
    allowed && Boolean(session?.abilities.manageUsers),
  );
  const names = useMemo(() => {
    const known = new Map<string, string>();
    for (const user of accounts.items) known.set(user.id, user.displayName);
    for (const event of events.items)
      if (event.actorUserId && event.actorName) known.set(event.actorUserId, event.actorName);
    return known;
  }, [accounts.items, events.items]);
  const nameOf = (id: string) => names.get(id) ?? null;

  if (!allowed) return <NoAccess />;

  return (
    <Stack maw={1200}>
      <div>
        <PageTitle documentTitle={t('audit.title')}>{t('audit.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('audit.intro')}
        </Text>
      </div>
      <FormAlert error={events.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Caption>{t('audit.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.columns.time')}</Table.Th>
              <Table.Th>{t('audit.columns.actor')}</Table.Th>
              <Table.Th>{t('audit.columns.action')}</Table.Th>
              <Table.Th>{t('audit.columns.outcome')}</Table.Th>
              <Table.Th>{t('audit.columns.resource')}</Table.Th>
              <Table.Th>{t('audit.columns.accountChange')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.items.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(i18n.language, event.occurredAt)}
                </Table.Td>
                <Table.Td>
                  {event.actorUserId
                    ? event.actorUserId === session?.user.id
                      ? t('audit.you')
                      : (event.actorName ?? <ShortId id={event.actorUserId} />)
                    : t('audit.noActor')}
                </Table.Td>
                <Table.Td>
                  <Code>{event.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[event.outcome]} variant="light">
                    {outcomeLabel(t, event.outcome)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {event.resourceType ?? '—'}{' '}
                  {event.resourceId &&
                    (nameOf(event.resourceId) ? (
                      <Text span size="sm" fw={600} title={event.resourceId}>
                        {nameOf(event.resourceId)}
                      </Text>
                    ) : (
                      <ShortId id={event.resourceId} />
                    ))}
                </Table.Td>
                <Table.Td>
                  {event.accountChange && (
                    <AccountChange action={event.action} change={event.accountChange} nameOf={nameOf} />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {events.isSuccess && events.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>{t('audit.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        shown={events.items.length}
        hasMore={Boolean(events.hasNextPage)}
        loading={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
      />
    </Stack>
  );
}
