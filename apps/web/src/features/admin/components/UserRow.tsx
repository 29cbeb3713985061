import { Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import type { UserView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, listFormat, roleLabel, sideLabel } from '../../../app/i18n/labels';
import { COMMAND_ABILITY, type UserCommand } from '../api';

/** One account in the list: its roles (in force, and waiting for approval), its standing, its actions. */
export function UserRow({
  user,
  agencyName,
  onEdit,
  onAction,
}: {
  user: UserView;
  /** Shown when the list spans agencies. */
  agencyName?: string | undefined;
  onEdit: () => void;
  onAction: (action: UserCommand) => void;
}) {
  const { t, i18n } = useTranslation();
  const roles = (list: readonly string[]) =>
    listFormat(
      i18n.language,
      list.map((role) => roleLabel(t, role)),
    );
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} size="sm">
          {user.displayName}
        </Text>
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
      </Table.Td>
      {agencyName !== undefined && <Table.Td>{agencyName}</Table.Td>}
      <Table.Td>
        {user.roles.length > 0 ? (
          <Text size="sm">{roles(user.roles)}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('users.noRolesInForce')}
          </Text>
        )}
        {user.pendingRoles.length > 0 && (
          <>
            <Group gap={6} mt={4} wrap="nowrap" align="baseline">
              <Badge color="orange" variant="light" style={{ flexShrink: 0 }}>
                {t('users.awaitingApproval')}
              </Badge>
              <Text size="sm">{roles(user.pendingRoles)}</Text>
            </Group>
            {user.rolesRequestedBy && (
              <Text size="xs" c="dimmed">
                {t('users.pendingBy', {
                  name: user.rolesRequestedBy.displayName,
                  date: formatDateTime(i18n.language, user.rolesRequestedAt),
                })}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>{sideLabel(t, user.side)}</Table.Td>
      <Table.Td>
        <UserStanding user={user} />
      </Table.Td>
      <Table.Td>
        {user.lastSignInAt ? formatDateTime(i18n.language, user.lastSignInAt) : t('users.never')}
      </Table.Td>
      <Table.Td>
        <UserActions user={user} onEdit={onEdit} onAction={onAction} />
      </Table.Td>
    </Table.Tr>
  );
}

function UserStanding({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  const link = user.credentialLink;
  return (
    <>
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
      {user.failedSignIns > 0 && (
        <Text size="xs" c="red.8" mt={4}>
          {t('users.status.failedSignIns', {
            count: user.failedSignIns,
            date: formatDateTime(i18n.language, user.lastFailedSignInAt),
          })}
        </Text>
      )}
      {link && (
        <Text size="xs" c="dimmed" mt={4}>
          {t(link.resets.includes('password') ? 'users.status.linkPassword' : 'users.status.linkMfa', {
            date: formatDateTime(i18n.language, link.expiresAt),
          })}
        </Text>
      )}
    </>
  );
}

const MENU_ORDER: readonly UserCommand[] = [
  'unlock',
  'reset-password',
  'reset-mfa',
  'deactivate',
  'reactivate',
];

/** Only what the account's view allows (`can`); the server decides every request again. */
function UserActions({
  user,
  onEdit,
  onAction,
}: {
  user: UserView;
  onEdit: () => void;
  onAction: (action: UserCommand) => void;
}) {
  const { t } = useTranslation();
  const commands = MENU_ORDER.filter((action) => user.can[COMMAND_ABILITY[action]]);
  if (!user.can.update && !user.can.decideRoles && commands.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t('users.actionsFor', { name: user.displayName })}>
          {t('users.columns.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {user.can.update && <Menu.Item onClick={onEdit}>{t('users.actions.edit')}</Menu.Item>}
        {user.can.decideRoles && (
          <Menu.Item component={Link} to="/role-approvals">
            {t('users.actions.review-roles')}
          </Menu.Item>
        )}
        {commands.map((action) => (
          <Menu.Item key={action} onClick={() => onAction(action)}>
            {t(`users.actions.${action}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
