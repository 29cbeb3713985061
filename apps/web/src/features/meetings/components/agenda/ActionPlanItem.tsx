import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgencyDirectory } from '../../../../api/directory';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { Loading } from '../../../../components/PageParts';
import { useActions, useJointCaseView } from '../../api';
import { ActionForm } from '../ActionForm';
import { ActionPlanPdfLink, ActionPlanTable } from '../ActionPlan';
import { itemOpen, lastOpenItem, useAddressToo } from './AddressToo';
import type { AgendaContext } from './context';

export function useActionPlanHeadline(jointCaseId: string): string | null {
  const { t } = useTranslation(MEETINGS_NS);
  const actions = useActions(jointCaseId).data;
  if (!actions) return null;
  const open = actions.filter((action) => action.status === 'open' || action.status === 'in_progress');
  return t('actions.headline', {
    count: open.length,
    overdue: open.filter((action) => action.overdue).length,
  });
}

/** Item 5: the joint action plan reviewed row by row, new rows added inline. */
export function ActionPlanItem({ context }: { context: AgendaContext }) {
  const { meeting, session, canRun } = context;
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const actions = useActions(meeting.jointCaseId);
  const jointCase = useJointCaseView(meeting.jointCaseId);
  const agencies = useAgencyDirectory();
  const children = (jointCase.data?.children ?? []).map((child) => ({
    id: child.id,
    name: `${child.firstName} ${child.lastName}`.trim(),
  }));
  const childNames = new Map(children.map((child) => [child.id, child.name]));
  // The plan is usually the last item: once everything else is done, its last row completes it.
  const addressToo = useAddressToo(lastOpenItem(meeting, 'joint_action_plan'));

  return (
    <Stack gap="sm">
      <Loading query={actions}>
        <ActionPlanTable
          jointCaseId={meeting.jointCaseId}
          actions={actions.data ?? []}
          childNames={childNames}
          agencyName={agencies.nameOf}
          meetingId={meeting.status === 'planned' ? meeting.id : undefined}
          canEdit={canRun && meeting.status === 'planned'}
        />
      </Loading>
      {canRun && meeting.status === 'planned' && meeting.can.addAction && (
        <ActionForm
          jointCaseId={meeting.jointCaseId}
          jointCase={jointCase.data}
          session={session}
          meetingId={meeting.id}
          childrenOfCase={children}
          addressToo={
            itemOpen(meeting, 'joint_action_plan')
              ? {
                  state: addressToo,
                  address: () => context.address('joint_action_plan', undefined, false, true),
                }
              : undefined
          }
        />
      )}
      <Group gap="md">
        <Anchor component={Link} to={`/joint-cases/${meeting.jointCaseId}/actions`} size="sm">
          {t('actions.openPlan')}
        </Anchor>
        <ActionPlanPdfLink jointCaseId={meeting.jointCaseId} language={i18n.language} />
      </Group>
    </Stack>
  );
}
