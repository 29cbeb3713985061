import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { routes, type UserCreate, type UserUpdate, type UserView } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAllAgencies } from '../../../api/directory';
import { isApiError } from '../../../api/errors';
import { errorMessage } from '../../../api/messages';
import { usePagedRoute } from '../../../api/usePaged';
import { listFormat, roleLabel } from '../../../app/i18n/labels';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/FormAlert';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { adminKeys, type LinkSent, MAIL_NOT_SENT, USER_COMMANDS, type UserCommand } from '../api';
import { type MailNotice, MailNoticeAlert } from '../components/MailNotice';
import { UserFormModal } from '../components/UserFormModal';
import { UserRow } from '../components/UserRow';

/** Actions that change what the user can do: asked for again before they happen. */
const CONFIRMED: readonly UserCommand[] = ['deactivate', 'reset-mfa', 'reset-password'];

const mailNotSent = (error: unknown) => isApiError(error) && error.code === MAIL_NOT_SENT;
/** The server's answer, or word that the change was saved but its e-mail was not sent. */
type Sent<T> = { result: T } | { mailNotSent: true };
async function keepingMailFailure<T>(request: Promise<T>): Promise<Sent<T>> {
  try {
    return { result: await request };
  } catch (error) {
    if (mailNotSent(error)) return { mailNotSent: true };
    throw error;
  }
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  // Who may create agencies administers the users of every agency; others, their agency's.
  const isSystemAdmin = session?.abilities.manageAgencies ?? false;
  const [agencyFilter, setAgencyFilter] = useState('');
  const [form, setForm] = useState<{ user: UserView | null } | null>(null);
  const [confirming, setConfirming] = useState<{ user: UserView; action: UserCommand } | null>(null);
  const [notice, setNotice] = useState<MailNotice | null>(null);

  const agencies = useAllAgencies(Boolean(session?.abilities.manageUsers));
  const agencyList = isSystemAdmin
    ? (agencies.data ?? [])
    : (agencies.data ?? []).filter((a) => a.id === session?.user.agencyId);
  const agencyName = (id: string | null) =>
    id ? (agencies.data?.find((a) => a.id === id)?.name ?? '—') : t('layout.noAgency');

  const users = usePagedRoute(adminKeys.users, routes.admin.listUsers, {
    agencyId: isSystemAdmin && agencyFilter ? agencyFilter : undefined,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: adminKeys.users });
  // The account's owner sets it up through a one-time link: the administrator never sees a password.
  const linkSent = (sent: LinkSent) =>
    setNotice({
      kind: 'linkSent',
      name: sent.user.displayName,
      email: sent.linkSentTo,
      expiresAt: sent.linkExpiresAt,
    });

  const save = useMutation({
    mutationFn: (input: { user: UserView | null; body: UserCreate | UserUpdate }) =>
      keepingMailFailure<UserView | LinkSent>(
        input.user
          ? call(routes.admin.updateUser, { params: { id: input.user.id }, body: input.body as UserUpdate })
          : call(routes.admin.createUser, { body: input.body as UserCreate }),
      ),
    onSuccess: (sent, { user, body }) => {
      setForm(null);
      refresh();
      if ('mailNotSent' in sent) {
        const created = body as UserCreate;
        setNotice(
          user
            ? { kind: 'notSent', message: t('users.approversNotTold', { name: user.displayName }) }
            : {
                kind: 'linkNotSent',
                name: created.displayName,
                email: created.email,
                resend: 'reset-password',
              },
        );
        return;
      }
      const { result } = sent;
      if ('linkSentTo' in result) return linkSent(result);
      setNotice(null);
      notifications.show({
        color: 'indigo',
        message:
          result.pendingRoles.length > 0
            ? t('users.savedPending', {
                name: result.displayName,
                roles: listFormat(
                  i18n.language,
                  result.pendingRoles.map((role) => roleLabel(t, role)),
                ),
              })
            : t('users.saved', { name: result.displayName }),
      });
    },
  });

  const act = useMutation({
    mutationFn: ({ user, action }: { user: Pick<UserView, 'id' | 'displayName'>; action: UserCommand }) =>
      keepingMailFailure(
        call(USER_COMMANDS[action], { params: { id: user.id } }) as Promise<UserView | LinkSent>,
      ),
    onSuccess: (sent, { user, action }) => {
      setConfirming(null);
      refresh();
      if ('mailNotSent' in sent) {
        const email = users.items.find((item) => item.id === user.id)?.email ?? '';
        const resend = action === 'reset-mfa' ? 'reset-mfa' : 'reset-password';
        return setNotice({ kind: 'linkNotSent', name: user.displayName, email, resend });
      }
      if ('linkSentTo' in sent.result) return linkSent(sent.result);
      notifications.show({ color: 'indigo', message: t(`users.done.${action}`, { name: user.displayName }) });
    },
    onError: (error, { action }) => {
      if (!CONFIRMED.includes(action))
        notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error, t) });
    },
  });

  const run = (user: UserView, action: UserCommand) => {
    act.reset();
    if (CONFIRMED.includes(action)) setConfirming({ user, action });
    else act.mutate({ user, action });
  };

  // Sending the link again: the account is found by its address (a new one's id is not known yet).
  const failed = notice?.kind === 'linkNotSent' ? notice : null;
  const failedAccount =
    failed && users.items.find((item) => item.email.toLowerCase() === failed.email.toLowerCase());
  const resend =
    failed && failedAccount ? () => act.mutate({ user: failedAccount, action: failed.resend }) : undefined;

  if (!session?.abilities.manageUsers) return <NoAccess />;
  const showAgencyColumn = isSystemAdmin && !agencyFilter;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('users.title')}>{t('users.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {isSystemAdmin
              ? t('users.introSystem')
              : t('users.introAgency', { agency: session.user.agencyName ?? '' })}
          </Text>
        </div>
        <Button
          onClick={() => {
            save.reset();
            setForm({ user: null });
          }}
          disabled={isSystemAdmin && agencyList.length === 0}
        >
          {t('users.create')}
        </Button>
      </Group>

      {notice && (
        <MailNoticeAlert
          notice={notice}
          onClose={() => setNotice(null)}
          onResend={resend}
          resending={act.isPending}
        />
      )}
      {failed && <FormAlert error={act.error} />}

      {isSystemAdmin && (
        <NativeSelect
          label={t('users.agencyFilter')}
          value={agencyFilter}
          onChange={(e) => setAgencyFilter(e.currentTarget.value)}
          data={[
            { value: '', label: t('users.allAgencies') },
            ...agencyList.map((a) => ({ value: a.id, label: a.name })),
          ]}
          maw={360}
        />
      )}

      <FormAlert error={users.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption>{t('users.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('users.columns.name')}</Table.Th>
              {showAgencyColumn && <Table.Th>{t('users.columns.agency')}</Table.Th>}
              <Table.Th>{t('users.columns.roles')}</Table.Th>
              <Table.Th>{t('users.columns.side')}</Table.Th>
              <Table.Th>{t('users.columns.status')}</Table.Th>
              <Table.Th>{t('users.columns.lastSignIn')}</Table.Th>
              <Table.Th>
                <span className="sr-only">{t('users.columns.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                agencyName={showAgencyColumn ? agencyName(user.agencyId) : undefined}
                onEdit={() => {
                  save.reset();
                  setForm({ user });
                }}
                onAction={(action) => run(user, action)}
              />
            ))}
            {users.isSuccess && users.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={showAgencyColumn ? 7 : 6}>{t('users.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        shown={users.items.length}
        hasMore={Boolean(users.hasNextPage)}
        loading={users.isFetchingNextPage}
        onLoadMore={() => void users.fetchNextPage()}
      />

      <UserFormModal
        opened={form !== null}
        user={form?.user ?? null}
        agencies={agencyList}
        chooseAgency={isSystemAdmin}
        defaultAgencyId={isSystemAdmin ? agencyFilter || null : session.user.agencyId}
        pending={save.isPending}
        onSubmit={(body) => save.mutateAsync({ user: form?.user ?? null, body })}
        onClose={() => setForm(null)}
      />
      <ConfirmModal
        opened={confirming !== null}
        title={
          confirming
            ? t(`users.confirm.${confirming.action}.title`, { name: confirming.user.displayName })
            : ''
        }
        confirmLabel={confirming ? t(`users.actions.${confirming.action}`) : ''}
        danger={confirming?.action === 'deactivate'}
        loading={act.isPending}
        error={act.error}
        onConfirm={() => confirming && act.mutate(confirming)}
        onClose={() => setConfirming(null)}
      >
        {confirming && t(`users.confirm.${confirming.action}.body`, { name: confirming.user.displayName })}
      </ConfirmModal>
    </Stack>
  );
}
