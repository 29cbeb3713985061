import { Badge, Button, Group, Menu, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RouteOutput, routes, type UserCreate, type UserUpdate, type UserView } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAllAgencies } from '../../../api/directory';
import { errorMessage } from '../../../api/messages';
import { usePagedRoute } from '../../../api/usePaged';
import { formatDateTime, listFormat, roleLabel, sideLabel } from '../../../app/i18n/labels';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/FormAlert';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { adminKeys, USER_COMMANDS, type UserCommand } from '../api';
import { TemporaryPasswordModal } from '../components/TemporaryPasswordModal';
import { UserFormModal } from '../components/UserFormModal';

type Action = UserCommand;
type UserCreatedView = RouteOutput<typeof routes.admin.createUser>;
/** Actions that change what the user can do: asked for again before they happen. */
const CONFIRMED: readonly Action[] = ['deactivate', 'reset-mfa', 'reset-password'];

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  // Who may create agencies administers the users of every agency; others, their agency's.
  const isSystemAdmin = session?.abilities.manageAgencies ?? false;
  const [agencyFilter, setAgencyFilter] = useState('');
  const [form, setForm] = useState<{ user: UserView | null } | null>(null);
  const [confirming, setConfirming] = useState<{ user: UserView; action: Action } | null>(null);
  const [credentials, setCredentials] = useState<UserCreatedView | null>(null);

  const agencies = useAllAgencies(Boolean(session?.abilities.manageUsers));
  const agencyList = isSystemAdmin
    ? (agencies.data ?? [])
    : (agencies.data ?? []).filter((a) => a.id === session?.user.agencyId);
  const agencyName = (id: string | null) =>
    id ? (agencies.data?.find((a) => a.id === id)?.name ?? '—') : t('layout.noAgency');

  const users = usePagedRoute(adminKeys.users, routes.admin.listUsers, {
    agencyId: isSystemAdmin && agencyFilter ? agencyFilter : undefined,
  });

  const save = useMutation({
    mutationFn: (input: {
      id: string | null;
      body: UserCreate | UserUpdate;
    }): Promise<UserView | UserCreatedView> =>
      input.id
        ? call(routes.admin.updateUser, { params: { id: input.id }, body: input.body as UserUpdate })
        : call(routes.admin.createUser, { body: input.body as UserCreate }),
    onSuccess: (result) => {
      setForm(null);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      if ('temporaryPassword' in result) setCredentials(result);
      else notifications.show({ color: 'indigo', message: t('users.saved', { name: result.displayName }) });
    },
  });

  const act = useMutation({
    mutationFn: ({ user, action }: { user: UserView; action: Action }) =>
      call(USER_COMMANDS[action], { params: { id: user.id } }) as Promise<UserView | UserCreatedView>,
    onSuccess: (result, { user, action }) => {
      setConfirming(null);
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      if ('temporaryPassword' in result) setCredentials(result);
      else
        notifications.show({
          color: 'indigo',
          message: t(`users.done.${action}`, { name: user.displayName }),
        });
    },
    onError: (error, { action }) => {
      if (!CONFIRMED.includes(action))
        notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error, t) });
    },
  });

  const run = (user: UserView, action: Action) => {
    act.reset();
    if (CONFIRMED.includes(action)) setConfirming({ user, action });
    else act.mutate({ user, action });
  };

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
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text fw={600} size="sm">
                    {user.displayName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {user.email}
                  </Text>
                </Table.Td>
                {showAgencyColumn && <Table.Td>{agencyName(user.agencyId)}</Table.Td>}
                <Table.Td>
                  {listFormat(
                    i18n.language,
                    user.roles.map((role) => roleLabel(t, role)),
                  )}
                </Table.Td>
                <Table.Td>{sideLabel(t, user.side)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.active ? (
                      <Badge color="teal" variant="light">
                        {t('users.status.active')}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('users.status.deactivated')}
                      </Badge>
                    )}
                    {user.locked && (
                      <Badge color="red" variant="light">
                        {t('users.status.locked')}
                      </Badge>
                    )}
                  </Group>
                  {!user.mfaEnrolled && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('users.status.noMfa')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {user.lastSignInAt ? formatDateTime(i18n.language, user.lastSignInAt) : t('users.never')}
                </Table.Td>
                <Table.Td>
                  <UserActions
                    user={user}
                    self={user.id === session.user.id}
                    onEdit={() => {
                      save.reset();
                      setForm({ user });
                    }}
                    onAction={(action) => run(user, action)}
                  />
                </Table.Td>
              </Table.Tr>
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
        error={save.error}
        onSubmit={(body) => save.mutate({ id: form?.user?.id ?? null, body })}
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
      <TemporaryPasswordModal
        credentials={
          credentials && {
            email: credentials.user.email,
            displayName: credentials.user.displayName,
            temporaryPassword: credentials.temporaryPassword,
          }
        }
        onClose={() => setCredentials(null)}
      />
    </Stack>
  );
}

function UserActions({
  user,
  self,
  onEdit,
  onAction,
}: {
  user: UserView;
  self: boolean;
  onEdit: () => void;
  onAction: (action: Action) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t('users.actionsFor', { name: user.displayName })}>
          {t('users.columns.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit}>{t('users.actions.edit')}</Menu.Item>
        {user.locked && <Menu.Item onClick={() => onAction('unlock')}>{t('users.actions.unlock')}</Menu.Item>}
        {user.mfaEnrolled && !self && (
          <Menu.Item onClick={() => onAction('reset-mfa')}>{t('users.actions.reset-mfa')}</Menu.Item>
        )}
        {!self && (
          <Menu.Item onClick={() => onAction('reset-password')}>
            {t('users.actions.reset-password')}
          </Menu.Item>
        )}
        {!self &&
          (user.active ? (
            <Menu.Item onClick={() => onAction('deactivate')}>{t('users.actions.deactivate')}</Menu.Item>
          ) : (
            <Menu.Item onClick={() => onAction('reactivate')}>{t('users.actions.reactivate')}</Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
