import { Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { routes } from '@tandem/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { routeHref } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { Loading } from '../../../components/PageParts';
import { useSession } from '../../auth/session';
import { useActions, useJointCaseView } from '../api';
import { ActionForm } from '../components/ActionForm';
import { ActionPlanTable } from '../components/ActionPlan';
import { CaseMeetingFrame, pdfLanguage } from '../components/parts';

type Filter = 'all' | 'overdue' | 'children';

/** The joint action plan of a case: who does what by when, overdue rows first, child-specific rows named. */
export function ActionPlanPage() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const actions = useActions(id);
  const jointCase = useJointCaseView(id);
  const agencies = useAgencyDirectory();
  const [filter, setFilter] = useState<Filter>('all');
  const highlightId = hash.startsWith('#action-') ? hash.slice('#action-'.length) : null;
  const loaded = Boolean(actions.data);

  // From the home page's overdue list: the row in view.
  useEffect(() => {
    if (loaded && highlightId)
      document.getElementById(`action-${highlightId}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, highlightId]);

  const children = (jointCase.data?.children ?? []).map((child) => ({
    id: child.id,
    name: `${child.firstName} ${child.lastName}`.trim(),
  }));
  const all = actions.data ?? [];
  const shown = all.filter((action) =>
    filter === 'overdue' ? action.overdue : filter === 'children' ? action.childPersonId !== null : true,
  );
  const overdue = all.filter((action) => action.overdue).length;
  const open = all.filter((action) => action.status === 'open' || action.status === 'in_progress').length;
  // Each row says whether the actor may change it (action.can.update); a closed case's plan is its record.
  const canEdit = jointCase.data?.status === 'open';
  // Adding to the plan outside a meeting: the case says who may.
  const canAdd = Boolean(jointCase.data?.can.addAction);

  return (
    <CaseMeetingFrame
      jointCaseId={id}
      active="actions"
      title={(caseNumber) => t('plan.title', { case: caseNumber })}
      actions={
        <Button
          component="a"
          variant="default"
          href={routeHref(routes.meetings.actionPlanPdf, {
            params: { id: id ?? '' },
            query: { lang: pdfLanguage(i18n.language) },
          })}
          download
        >
          {t('actions.pdf')}
        </Button>
      }
    >
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="plan-rows">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Title order={2} size="h4" id="plan-rows">
              {t('plan.rows')}
            </Title>
            <Text size="sm" c={overdue ? 'red.9' : 'dimmed'} fw={overdue ? 600 : 400}>
              {t('plan.summary', { open, overdue })}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('plan.filter')}
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'all', label: t('plan.filterAll') },
              { value: 'overdue', label: t('plan.filterOverdue', { count: overdue }) },
              { value: 'children', label: t('plan.filterChildren') },
            ]}
          />
        </Group>
        <Loading query={actions}>
          <ActionPlanTable
            jointCaseId={id}
            actions={shown}
            childNames={new Map(children.map((child) => [child.id, child.name]))}
            agencyName={agencies.nameOf}
            canEdit={canEdit}
            highlightId={highlightId}
          />
        </Loading>
      </Card>
      {session && canAdd && (
        <Card withBorder radius="md" padding="lg">
          <Stack gap="xs">
            <ActionForm
              jointCaseId={id}
              jointCase={jointCase.data}
              session={session}
              childrenOfCase={children}
            />
          </Stack>
        </Card>
      )}
    </CaseMeetingFrame>
  );
}
