import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView, ResponseView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { PrintButton } from '../../../components/PrintButton';
import { SeenByProgramme } from '../../../components/SeenByProgramme';
import { LevelActionsCard } from '../../meetings/components/LevelActionsCard';
import { useDefinition, useJointRisk } from '../api';
import { AgreedLevelForm } from '../components/AgreedLevelForm';
import { CaseFrame } from '../components/CaseFrame';
import { LevelHistoryChart } from '../components/charts/LevelHistoryChart';
import { ItemComparison } from '../components/ItemComparison';
import { PendingLowering } from '../components/PendingLowering';
import { Block, Empty, formatDate, LevelBadge, Loading, levelLabel } from '../components/parts';
import { RiskConsultation } from '../components/RiskConsultation';
import { todayIso } from '../logic';

/** The joint risk assessment: both checklists item by item, divergences, the agreed level, its history. */
export function JointRiskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const risk = useJointRisk(id);
  const definition = useDefinition(risk.data?.instrumentId, risk.data?.version);

  return (
    <CaseFrame jointCaseId={id} active="risk" title={(caseNumber) => t('joint.title', { case: caseNumber })}>
      <PrintButton style={{ alignSelf: 'flex-end' }} />
      <Loading query={risk}>
        {risk.data && (
          <Loading query={definition}>
            {definition.data && (
              <JointRiskContent jointCaseId={id} view={risk.data} definition={definition.data} />
            )}
          </Loading>
        )}
      </Loading>
    </CaseFrame>
  );
}

function JointRiskContent({
  jointCaseId,
  view,
  definition,
}: {
  jointCaseId: string;
  view: JointRiskView;
  definition: InstrumentDefinition;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  // The fill-in button sits on the card of the checklist the actor records.
  const fillFor = (card: 'perpetrator' | 'victim') =>
    card === view.can.recordChecklistFor ? fillButton : null;
  const checklistLink = `/joint-cases/${jointCaseId}/risk/checklist`;
  const fillButton = view.can.recordChecklist ? (
    <Button component={Link} to={checklistLink}>
      {t('joint.fillIn')}
    </Button>
  ) : null;

  return (
    <>
      <ReassessmentStatus view={view} fillButton={fillButton} />
      {view.perpetratorSideLower ? (
        <Alert color="orange" variant="light" title={t('joint.ppLowerTitle')} data-testid="pp-lower">
          {t('joint.ppLowerBody', {
            pp: levelLabel(definition.levels, view.perpetratorSide?.level ?? null, language),
            vss: levelLabel(definition.levels, view.victimSide?.level ?? null, language),
          })}
        </Alert>
      ) : (
        view.levelsDiverge && (
          <Alert color="yellow" variant="light" title={t('joint.divergeTitle')}>
            {t('joint.divergeBody')}
          </Alert>
        )
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <SideCard
          title={t('series.perpetratorSide')}
          response={view.perpetratorSide}
          definition={definition}
          testId="pp-level"
          action={fillFor('perpetrator')}
        />
        <SideCard
          title={t('series.victimSide')}
          response={view.victimSide}
          definition={definition}
          testId="vss-level"
          action={fillFor('victim')}
        />
        <Card
          withBorder
          radius="md"
          padding="md"
          component="section"
          aria-labelledby="agreed-title"
          data-testid="agreed-level"
        >
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h5" id="agreed-title">
              {t('series.agreed')}
            </Title>
            {view.agreed && <SeenByProgramme />}
          </Group>
          {view.agreed ? (
            <Stack gap={6} mt="xs">
              <LevelBadge definition={definition} level={view.agreed.level} size="lg" />
              <Text size="sm">
                {t('joint.agreedOn', { date: formatDate(language, view.agreed.agreedOn) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600} size="sm">
                  {t('joint.rationale')}:
                </Text>{' '}
                {view.agreed.rationale}
              </Text>
            </Stack>
          ) : (
            <Empty>{t('joint.noAgreed')}</Empty>
          )}
        </Card>
      </SimpleGrid>
      {view.agreed && <LevelActionsCard jointCaseId={jointCaseId} />}
      <ItemComparison view={view} definition={definition} />
      {view.pendingLowering && (
        <PendingLowering jointCaseId={jointCaseId} view={view} definition={definition} />
      )}
      <RiskConsultation jointCaseId={jointCaseId} view={view} definition={definition} />
      {view.can.agreeLevel && (view.perpetratorSide || view.victimSide) && (
        <AgreedLevelForm jointCaseId={jointCaseId} view={view} definition={definition} />
      )}
      <Block id="risk-history" title={t('joint.historyTitle')} description={t('joint.historyDescription')}>
        {view.history.length === 0 ? (
          <Empty>{t('joint.historyEmpty')}</Empty>
        ) : (
          <LevelHistoryChart history={view.history} definition={definition} />
        )}
      </Block>
    </>
  );
}

/** "Reassessment due now" after a critical event; else the next scheduled date. */
function ReassessmentStatus({ view, fillButton }: { view: JointRiskView; fillButton: React.ReactNode }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const today = todayIso();
  if (view.reassessmentDueSince) {
    return (
      <Alert color="red" variant="light" title={t('joint.dueNowTitle')} data-testid="reassessment-due">
        <Stack gap="xs">
          <Text size="sm">
            {t('joint.dueNowBody', { date: formatDate(language, view.reassessmentDueSince) })}
          </Text>
          {fillButton && <Group>{fillButton}</Group>}
        </Stack>
      </Alert>
    );
  }
  if (view.nextReassessmentOn) {
    const overdue = view.nextReassessmentOn < today;
    return (
      <Alert color={overdue ? 'orange' : 'blue'} variant="light" data-testid="next-reassessment">
        {t(overdue ? 'joint.nextOverdue' : 'joint.next', {
          date: formatDate(language, view.nextReassessmentOn),
        })}
      </Alert>
    );
  }
  return (
    <Alert color="blue" variant="light">
      {t('joint.neverAssessed')}
    </Alert>
  );
}

function SideCard({
  title,
  response,
  definition,
  testId,
  action,
}: {
  title: string;
  response: ResponseView | null;
  definition: InstrumentDefinition;
  testId: string;
  action: React.ReactNode;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const headingId = `${testId}-title`;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-testid={testId}
    >
      <Title order={2} size="h5" id={headingId}>
        {title}
      </Title>
      {response ? (
        <Stack gap={6} mt="xs">
          <LevelBadge definition={definition} level={response.level} size="lg" />
          {response.judgedLevel && response.judgedLevel !== response.computedLevel && (
            <Text size="sm">
              {t('joint.judged', {
                computed: levelLabel(definition.levels, response.computedLevel, language),
              })}
            </Text>
          )}
          {response.judgementReason && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600} size="sm">
                {t('joint.reason')}:
              </Text>{' '}
              {response.judgementReason}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('joint.completedOn', { date: formatDate(language, response.completedOn) })}
          </Text>
        </Stack>
      ) : (
        <Empty>{t('joint.noChecklist')}</Empty>
      )}
      {action && <Group mt="sm">{action}</Group>}
    </Card>
  );
}
