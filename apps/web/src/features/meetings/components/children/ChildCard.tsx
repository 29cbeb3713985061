import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InstrumentDefinition } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { useDefinition } from '../../../instruments/api';
import { LevelBadge } from '../../../instruments/components/parts';
import { type ChildrenViewData, useRemoveChild } from '../../api';
import { ActionPlanTable } from '../ActionPlan';
import { formatDay } from '../parts';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentHistory } from './AssessmentHistory';

type Child = ChildrenViewData['children'][number];

/** One child of the case: their actions, how they were assessed, and taking them off the case. */
export function ChildCard({
  child,
  jointCaseId,
  data,
  editsActions,
  assesses,
  removes,
  childNames,
  agencyName,
  childInstrument,
}: {
  child: Child;
  jointCaseId: string;
  data: ChildrenViewData;
  /** The action plan may be changed here (each row says whether by this user). */
  editsActions: boolean;
  assesses: boolean;
  /** JointCaseView.can.removeChild, while the case is open. */
  removes: boolean;
  childNames: Map<string, string>;
  agencyName: (id: string) => string;
  /** The newest children's instrument, whose items the child's Section B answers. */
  childInstrument: InstrumentDefinition | undefined;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const [recording, setRecording] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useRemoveChild(jointCaseId);
  const name = `${child.firstName} ${child.lastName}`.trim();
  const actions = data.actions.filter((action) => action.childPersonId === child.id);
  const assessments = data.assessments.filter((assessment) => assessment.childPersonId === child.id);
  const headingId = `child-${child.id}`;
  // The child's own Section B: the level of the newest one, labelled by the version it was scored under.
  const scored = assessments.filter((assessment) => assessment.sectionB).at(-1)?.sectionB ?? null;
  const scoredUnder = useDefinition(scored?.instrumentId, scored?.version);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {name}
          </Title>
          {child.dateOfBirth && (
            <Text size="sm" c="dimmed">
              {t('children.born', { date: formatDay(i18n.language, child.dateOfBirth) })}
            </Text>
          )}
          {child.latestLevel && (
            <Group gap={6} mt={4} data-testid="child-level">
              <Text size="sm">{t('children.latestLevel')}</Text>
              <LevelBadge definition={scoredUnder.data} level={child.latestLevel} size="sm" />
            </Group>
          )}
        </div>
        <Group gap="xs">
          {assesses && !recording && (
            <Button variant="light" onClick={() => setRecording(true)}>
              {t('assessment.recordFor', { name: child.firstName })}
            </Button>
          )}
          {removes && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => setRemoving(true)}
              aria-label={t('children.removeNamed', { name })}
            >
              {t('children.remove')}
            </Button>
          )}
        </Group>
      </Group>
      <ConfirmModal
        opened={removing}
        title={t('children.removeTitle', { name })}
        confirmLabel={t('children.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(child.id, {
            onSuccess: () => {
              setRemoving(false);
              notifications.show({ color: 'indigo', message: t('children.removed', { name }) });
            },
          })
        }
        onClose={() => setRemoving(false)}
      >
        {t('children.removeBody', { name })}
      </ConfirmModal>
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('children.actions')}
          </Title>
          <ActionPlanTable
            jointCaseId={jointCaseId}
            actions={actions}
            childNames={childNames}
            agencyName={agencyName}
            canEdit={editsActions}
          />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('children.assessments')}
          </Title>
          {!assesses && assessments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('children.ppNote')}
            </Text>
          ) : assessments.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('children.noAssessments')}
            </Text>
          ) : (
            <AssessmentHistory assessments={assessments} name={name} />
          )}
        </div>
        {assesses && recording && (
          <AssessmentForm
            // The form's fields follow the instrument: it starts again once the definition has come.
            key={childInstrument ? `${childInstrument.id}@${childInstrument.version}` : 'principles-only'}
            jointCaseId={jointCaseId}
            child={child}
            definition={childInstrument}
            onDone={() => setRecording(false)}
          />
        )}
      </Stack>
    </Card>
  );
}
