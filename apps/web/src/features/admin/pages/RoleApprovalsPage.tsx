import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RoleApprovalView, routes } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { isApiError } from '../../../api/errors';
import { formatDateTime, listFormat, roleLabel, sideLabel } from '../../../app/i18n/labels';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { NoAccess } from '../../../components/NotFound';
import { Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { adminKeys, MAIL_NOT_SENT } from '../api';

type Decision = 'approve' | 'refuse';

/**
 * Four eyes on the victim side: a victim-side case role waits here until a second person of the
 * agency's victim side — not the one who asked, not the account's owner — approves or refuses
 * it. Each request says who is to decide (`can`); the server decides again.
 */
export function RoleApprovalsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const allowed = Boolean(session?.reviewsRoleApprovals);
  const queue = useQuery({
    queryKey: adminKeys.roleApprovals,
    queryFn: () => call(routes.admin.listRoleApprovals),
    enabled: allowed,
  });
  const [deciding, setDeciding] = useState<{ item: RoleApprovalView; decision: Decision } | null>(null);
  const roles = (list: readonly string[]) =>
    listFormat(
      i18n.language,
      list.map((role) => roleLabel(t, role)),
    );

  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: RoleApprovalView; decision: Decision }) =>
      call(decision === 'approve' ? routes.admin.approveRoles : routes.admin.refuseRoles, {
        params: { id: item.user.id },
      }).catch((error: unknown) => {
        // The decision stands; only the e-mail telling of it failed.
        if (isApiError(error) && error.code === MAIL_NOT_SENT) return null;
        throw error;
      }),
    onSuccess: (answer, { item, decision }) => {
      setDeciding(null);
      void queryClient.invalidateQueries({ queryKey: adminKeys.roleApprovals });
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      const name = item.user.displayName;
      notifications.show({
        color: answer ? 'indigo' : 'orange',
        message: [
          decision === 'approve'
            ? t('roleApprovals.approved', { name, roles: roles(item.pendingRoles) })
            : t('roleApprovals.refused', { name }),
          ...(answer ? [] : [t('roleApprovals.mailNotSent')]),
        ].join(' '),
      });
    },
  });

  if (!allowed) return <NoAccess />;
  const items = queue.data?.items ?? [];

  return (
    <Stack maw={900}>
      <div>
        <PageTitle documentTitle={t('roleApprovals.title')}>{t('roleApprovals.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('roleApprovals.intro')}
        </Text>
      </div>
      <Loading query={queue}>
        {items.length === 0 && <Text>{t('roleApprovals.empty')}</Text>}
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Card key={item.user.id} component="li" withBorder padding="lg" radius="md">
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={2} size="h4">
                      {item.user.displayName}
                    </Title>
                    <Text size="sm">{item.user.email}</Text>
                  </div>
                  <Badge color="orange" variant="light">
                    {t('users.awaitingApproval')}
                  </Badge>
                </Group>
                <Text size="sm">
                  {t('roleApprovals.asked', {
                    roles: roles(item.pendingRoles),
                    side: sideLabel(t, item.user.side),
                  })}
                </Text>
                {item.user.roles.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('roleApprovals.inForce', { roles: roles(item.user.roles) })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {t('roleApprovals.requested', {
                    name: item.requestedBy?.displayName ?? t('roleApprovals.unknownRequester'),
                    date: formatDateTime(i18n.language, item.requestedAt),
                  })}
                  {' · '}
                  {t('roleApprovals.created', { date: formatDateTime(i18n.language, item.user.createdAt) })}
                </Text>
                <Group gap="sm" mt="xs" align="center">
                  {item.can.approve && (
                    <Button
                      onClick={() => {
                        decide.reset();
                        setDeciding({ item, decision: 'approve' });
                      }}
                      aria-label={t('roleApprovals.approveFor', { name: item.user.displayName })}
                    >
                      {t('roleApprovals.approve')}
                    </Button>
                  )}
                  {item.can.refuse && (
                    <Button
                      variant="default"
                      onClick={() => {
                        decide.reset();
                        setDeciding({ item, decision: 'refuse' });
                      }}
                      aria-label={t('roleApprovals.refuseFor', { name: item.user.displayName })}
                    >
                      {t('roleApprovals.refuse')}
                    </Button>
                  )}
                  {item.can.approve ? (
                    <Text size="sm" fw={600} style={{ flex: '1 1 14rem' }}>
                      {t('roleApprovals.warning')}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" fs="italic" style={{ flex: '1 1 14rem' }}>
                      {t('roleApprovals.notYours')}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      </Loading>
      <ConfirmModal
        opened={deciding !== null}
        title={
          deciding
            ? t(`roleApprovals.confirm.${deciding.decision}.title`, { name: deciding.item.user.displayName })
            : ''
        }
        confirmLabel={deciding ? t(`roleApprovals.${deciding.decision}`) : ''}
        danger={deciding?.decision === 'refuse'}
        loading={decide.isPending}
        error={decide.error}
        onConfirm={() => deciding && decide.mutate(deciding)}
        onClose={() => setDeciding(null)}
      >
        {deciding && (
          <Stack gap="xs">
            <Text>
              {t(`roleApprovals.confirm.${deciding.decision}.body`, {
                name: deciding.item.user.displayName,
                email: deciding.item.user.email,
                roles: roles(deciding.item.pendingRoles),
              })}
            </Text>
            {deciding.decision === 'approve' && (
              <Alert color="orange" variant="light" role="note">
                {t('roleApprovals.warning')}
              </Alert>
            )}
          </Stack>
        )}
      </ConfirmModal>
    </Stack>
  );
}
