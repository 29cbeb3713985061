import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import {
  AgreedLevelCreate,
  type InstrumentDefinition,
  type JointRiskView,
  type ResponseView,
} from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../../components/forms/useSchemaForm';
import { SeenByProgramme, seenDescription } from '../../../../components/SeenByProgramme';
import { useDefinition, useDefinitions, useJointRisk } from '../../../instruments/api';
import { PendingLowering } from '../../../instruments/components/PendingLowering';
import { LevelBadge, Loading, levelLabel } from '../../../instruments/components/parts';
import { localized } from '../../../instruments/logic';
import { formatDay, todayIso } from '../parts';
import { type AgreementDraft, higherLevel, useRecordAgreement } from './AgreeInMeeting';
import { ChecklistModal } from './ChecklistModal';
import type { AgendaContext } from './context';

/** The newest risk checklist of the case's instrument (or any risk checklist if none is recorded yet). */
function checklistOf(definitions: InstrumentDefinition[] | undefined, view: JointRiskView | undefined) {
  const all = definitions ?? [];
  return (
    all.find((definition) => definition.id === view?.instrumentId && definition.kind === 'risk_checklist') ??
    all.find((definition) => definition.kind === 'risk_checklist')
  );
}

/** A compact line for the agenda item's heading: the three levels. */
export function useRiskHeadline(jointCaseId: string): string | null {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const risk = useJointRisk(jointCaseId);
  const definition = useDefinition(risk.data?.instrumentId, risk.data?.version);
  if (!risk.data) return null;
  const level = (value: string | null | undefined) =>
    value ? levelLabel(definition.data?.levels, value, i18n.language) : '—';
  return t('risk.headline', {
    pp: level(risk.data.perpetratorSide?.level),
    vss: level(risk.data.victimSide?.level),
    agreed: level(risk.data.agreed?.level),
  });
}

/** Item 1: both sides' checklists, their divergence, the agreed level — and the quick ways to record them. */
export function RiskItem({ context }: { context: AgendaContext }) {
  const { meeting, canRun } = context;
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const jointCaseId = meeting.jointCaseId;
  const risk = useJointRisk(jointCaseId);
  const definition = useDefinition(risk.data?.instrumentId, risk.data?.version);
  const definitions = useDefinitions();
  const [filling, setFilling] = useState(false);
  // What the checklist's dialog could not record as the agreed level, back on the agreement form.
  const [retry, setRetry] = useState<{ key: number; draft?: AgreementDraft }>({ key: 0 });
  // Whose checklist the actor fills in here: the actor's own side's.
  const side = risk.data?.can.recordChecklistFor ?? null;
  const fills = canRun && Boolean(risk.data?.can.recordChecklist) && side !== null;
  const checklist = checklistOf(definitions.data, risk.data);
  const levels = definition.data ?? checklist;
  const view = risk.data;

  return (
    <Loading query={risk}>
      {view && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <SideLevel
              label={t('risk.programme')}
              response={view.perpetratorSide}
              definition={levels}
              testId="meeting-pp-level"
            />
            <SideLevel
              label={t('risk.victimSupport')}
              response={view.victimSide}
              definition={levels}
              testId="meeting-vss-level"
            />
            <Paper withBorder p="sm" radius="md" data-testid="meeting-agreed-level">
              <Group gap="xs" justify="space-between">
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {t('risk.agreed')}
                </Text>
                {view.agreed && <SeenByProgramme />}
              </Group>
              <LevelBadge definition={levels} level={view.agreed?.level ?? null} size="lg" />
              {view.agreed ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('risk.agreedOn', { date: formatDay(i18n.language, view.agreed.agreedOn) })}
                  {' · '}
                  {view.agreed.rationale}
                </Text>
              ) : (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('risk.noAgreed')}
                </Text>
              )}
            </Paper>
          </SimpleGrid>
          {view.pendingLowering && levels && (
            <PendingLowering jointCaseId={jointCaseId} view={view} definition={levels} />
          )}
          {view.reassessmentDueSince && (
            <Alert color="orange" variant="light" p="xs">
              {t('risk.dueSince', { date: formatDay(i18n.language, view.reassessmentDueSince) })}
            </Alert>
          )}
          {view.perpetratorSideLower ? (
            <Alert color="orange" variant="light" p="xs" title={t('risk.ppLowerTitle')}>
              {t('risk.ppLowerBody')}
            </Alert>
          ) : (
            view.levelsDiverge && (
              <Alert color="yellow" variant="light" p="xs">
                {t('risk.diverge')}
              </Alert>
            )
          )}
          <Group gap="sm">
            {fills && (
              <Button variant="light" onClick={() => setFilling(true)}>
                {t('risk.fillOurs')}
              </Button>
            )}
            <Anchor component={Link} to={`/joint-cases/${jointCaseId}/risk`} size="sm">
              {t('risk.open')}
            </Anchor>
            {view.items.some((item) => item.diverges) && (
              <Badge color="orange" variant="light">
                {t('risk.differ', { count: view.items.filter((item) => item.diverges).length })}
              </Badge>
            )}
          </Group>
          {canRun && levels && (view.perpetratorSide || view.victimSide) && view.can.agreeLevel && (
            <AgreeForm
              key={retry.key}
              context={context}
              view={view}
              definition={levels}
              draft={retry.draft}
            />
          )}
          {fills && side && (
            <ChecklistModal
              context={context}
              view={view}
              side={side}
              levels={levels?.levels ?? []}
              checklist={checklist}
              opened={filling}
              onClose={() => setFilling(false)}
              onAgreementFailed={(draft) => setRetry((current) => ({ key: current.key + 1, draft }))}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}

function SideLevel({
  label,
  response,
  definition,
  testId,
}: {
  label: string;
  response: ResponseView | null;
  definition: Pick<InstrumentDefinition, 'levels'> | undefined;
  testId: string;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <LevelBadge definition={definition} level={response?.level ?? null} size="lg" />
      <Text size="xs" c="dimmed" mt={4}>
        {response
          ? t('risk.completedOn', { date: formatDay(i18n.language, response.completedOn) })
          : t('risk.noChecklist')}
      </Text>
    </Paper>
  );
}

/**
 * The agreed level, recorded in the meeting. It starts at the higher of the two sides' levels
 * (safety first; the pilots found the programme tends to assess lower) and, once recorded,
 * addresses the agenda item with the level and its rationale in the minutes. The rationale is
 * joint: the programme reads it as written.
 */
function AgreeForm({
  context,
  view,
  definition,
  draft,
}: {
  context: AgendaContext;
  view: JointRiskView;
  definition: Pick<InstrumentDefinition, 'levels'>;
  /** What the checklist's dialog could not record, to try again here. */
  draft?: AgreementDraft;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const levels = definition.levels ?? [];
  const agreement = useRecordAgreement(context, levels);
  const higher = higherLevel(levels, view.perpetratorSide?.level, view.victimSide?.level);
  const form = useSchemaForm({
    schema: AgreedLevelCreate,
    // Follows the sides' levels until someone picks one.
    initialValues: {
      level: draft?.level ?? '',
      rationale: draft?.rationale ?? '',
      agreedOn: todayIso(),
      ppResponseId: view.perpetratorSide?.id ?? '',
      vssResponseId: view.victimSide?.id ?? '',
    },
    toInput: (values) => blankToUndefined({ ...values, level: values.level || higher || '' }),
    onSubmit: async ({ confirmHerDetails: _, ...body }) => {
      await agreement.record(body);
      form.setValues({ level: '', rationale: '' });
    },
  });
  const level = form.getInputProps('level');

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form onSubmit={form.submit} noValidate aria-label={t('risk.agreeTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('risk.agreeTitle')}
          </Text>
          <Radio.Group
            label={t('risk.agreedLevel')}
            description={higher ? t('risk.startsHigher') : undefined}
            {...level}
            value={form.values.level || higher || ''}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {levels.map((candidate) => (
                <Radio
                  key={candidate.id}
                  value={candidate.id}
                  label={localized(candidate.label, i18n.language)}
                />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('risk.rationale')}
            description={seenDescription(t('risk.rationaleHint'))}
            {...form.getInputProps('rationale')}
            autosize
            minRows={2}
            maxLength={4000}
            required
          />
          <SchemaFormAlert form={form} />
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              {agreement.itemOpen ? t('risk.addressesItem') : ''}
            </Text>
            <Button type="submit" loading={agreement.pending}>
              {t('risk.agreeSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
