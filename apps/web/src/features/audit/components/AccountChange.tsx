import { List, Text } from '@mantine/core';
import type { AuditEventView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { listFormat, roleLabel, sideLabel } from '../../../app/i18n/labels';

type Change = NonNullable<AuditEventView['accountChange']>;

/** The decisions of the four eyes: their roles are the ones decided on. */
const DECIDED: Record<string, string> = {
  'user.roles_requested': 'audit.change.requested',
  'user.roles_approved': 'audit.change.approved',
  'user.roles_refused': 'audit.change.refused',
};

/**
 * Who gave which role to whom: what an account event (`user.*`) says about roles. Who did it is
 * the event's actor; to whom, its resource; who asked, when a second person decided.
 */
export function AccountChange({
  action,
  change,
  nameOf,
}: {
  action: string;
  change: Change;
  nameOf: (id: string) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const roles = (list: readonly string[]) =>
    list.length === 0
      ? t('audit.change.none')
      : listFormat(
          i18n.language,
          list.map((role) => roleLabel(t, role)),
        );
  const decided = DECIDED[action];
  const lines: string[] = [];
  if (decided && change.pendingRoles) lines.push(t(decided, { roles: roles(change.pendingRoles) }));
  else {
    if (change.added?.length) lines.push(t('audit.change.added', { roles: roles(change.added) }));
    if (change.removed?.length) lines.push(t('audit.change.removed', { roles: roles(change.removed) }));
    if (change.roles && !change.added && !change.removed)
      lines.push(t('audit.change.roles', { roles: roles(change.roles) }));
    // An account created with no role waiting says nothing about approval; a change that empties the wait does.
    if (change.pendingRoles && (change.pendingRoles.length > 0 || action === 'user.update'))
      lines.push(
        change.pendingRoles.length > 0
          ? t('audit.change.pending', { roles: roles(change.pendingRoles) })
          : t('audit.change.noPending'),
      );
  }
  if (change.side) lines.push(t('audit.change.side', { side: sideLabel(t, change.side) }));
  if (change.requestedBy)
    lines.push(
      t('audit.change.requestedBy', { name: nameOf(change.requestedBy) ?? t('audit.change.someone') }),
    );
  if (lines.length === 0) return null;
  return (
    <List size="sm" spacing={0} listStyleType="none" data-testid="account-change">
      {lines.map((line) => (
        <List.Item key={line}>
          <Text size="sm">{line}</Text>
        </List.Item>
      ))}
    </List>
  );
}
