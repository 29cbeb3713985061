import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { InstrumentDefinition, JointRiskView, ResponseView, SessionView } from '@tandem/shared';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAllAgencies } from '../../api/lists';
import { useSession } from '../../auth/session';
import { FormAlert } from '../../components/FormAlert';
import { AnswerCell } from '../../instruments/AnswerCell';
import { useAgreeLevel, useDefinition, useJointRisk } from '../../instruments/api';
import { LevelHistoryChart } from '../../instruments/charts/LevelHistoryChart';
import {
  Block,
  DateInput,
  Empty,
  formatDate,
  LevelBadge,
  Loading,
  levelLabel,
  notifySaved,
} from '../../instruments/components';
import { INSTRUMENTS_NS } from '../../instruments/i18n';
import { localized, serverFieldErrors, todayIso } from '../../instruments/logic';
import { CaseFrame } from './CaseFrame';

/** Who may record the agreed level: the case managers of the joint case (the server checks which). */
const canAgree = (session: SessionView) =>
  session.user.roles.some((role) => role === 'pp_case_manager' || role === 'vss_case_manager');

/** Whether this user completes a side's checklist (the joint view compares the programme's and victim support's). */
const fillsChecklist = (session: SessionView) =>
  session.abilities.casework && session.user.side !== 'neutral';

/** The joint risk assessment: both checklists item by item, divergences, the agreed level, its history. */
export function JointRiskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const session = useSession().data;
  const risk = useJointRisk(id);
  const definition = useDefinition(risk.data?.instrumentId, risk.data?.version);
  if (!session) return null;

  return (
    <CaseFrame jointCaseId={id} active="risk" title={(caseNumber) => t('joint.title', { case: caseNumber })}>
      <Loading query={risk}>
        {risk.data && (
          <Loading query={definition}>
            {definition.data && (
              <JointRiskContent
                jointCaseId={id}
                view={risk.data}
                definition={definition.data}
                session={session}
              />
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
  session,
}: {
  jointCaseId: string;
  view: JointRiskView;
  definition: InstrumentDefinition;
  session: SessionView;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const side = session.user.side;
  const checklistLink = `/joint-cases/${jointCaseId}/risk/checklist`;
  const fillButton = fillsChecklist(session) ? (
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
          action={side === 'perpetrator' ? fillButton : null}
        />
        <SideCard
          title={t('series.victimSide')}
          response={view.victimSide}
          definition={definition}
          testId="vss-level"
          action={side === 'victim' ? fillButton : null}
        />
        <Card
          withBorder
          radius="md"
          padding="md"
          component="section"
          aria-labelledby="agreed-title"
          data-testid="agreed-level"
        >
          <Title order={2} size="h5" id="agreed-title">
            {t('series.agreed')}
          </Title>
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
      <ItemComparison view={view} definition={definition} side={side} />
      {canAgree(session) && (view.perpetratorSide || view.victimSide) && (
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

/** Both sides item by item, section by section; items that differ are marked (not by colour alone). */
function ItemComparison({
  view,
  definition,
  side,
}: {
  view: JointRiskView;
  definition: InstrumentDefinition;
  side: SessionView['user']['side'];
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const [onlyDiverging, setOnlyDiverging] = useState(false);
  const [onlyAnswered, setOnlyAnswered] = useState(true);
  const agencies = useAllAgencies();
  const agencyName = (agencyId: string | undefined) =>
    agencyId ? (agencies.data?.find((agency) => agency.id === agencyId)?.name ?? null) : null;
  const byItem = useMemo(() => new Map(view.items.map((item) => [item.itemId, item])), [view.items]);
  const diverging = view.items.filter((item) => item.diverges).length;
  const withheld = view.items.some((item) => item.victimSide?.withheld);
  const anotherSource = view.items.some((item) => item.victimSide?.source === 'another_source');
  if (!view.perpetratorSide && !view.victimSide) {
    return (
      <Block id="items" title={t('joint.itemsTitle')}>
        <Empty>{t('joint.itemsEmpty')}</Empty>
      </Block>
    );
  }

  return (
    <Block
      id="items"
      title={t('joint.itemsTitle')}
      description={t('joint.itemsDescription')}
      actions={
        <Badge
          color={diverging > 0 ? 'orange' : 'teal'}
          variant="light"
          size="lg"
          data-testid="diverging-count"
        >
          {t('joint.divergingCount', { count: diverging })}
        </Badge>
      }
    >
      {side === 'perpetrator' && (withheld || anotherSource) && (
        <Alert color="gray" variant="light" title={t('joint.protectedTitle')}>
          <Stack gap={4}>
            {withheld && <Text size="sm">{t('joint.withheldExplained')}</Text>}
            {anotherSource && <Text size="sm">{t('joint.anotherSourceExplained')}</Text>}
            <Text size="sm" fw={600}>
              {t('joint.neverConfront')}
            </Text>
          </Stack>
        </Alert>
      )}
      <Group gap="lg">
        <Switch
          label={t('joint.onlyDiverging')}
          checked={onlyDiverging}
          onChange={(event) => setOnlyDiverging(event.currentTarget.checked)}
        />
        <Switch
          label={t('joint.onlyAnswered')}
          checked={onlyAnswered}
          onChange={(event) => setOnlyAnswered(event.currentTarget.checked)}
        />
      </Group>
      {definition.sections.map((section) => {
        const rows = section.items.filter((item) => {
          const row = byItem.get(item.id);
          if (onlyDiverging && !row?.diverges) return false;
          if (onlyAnswered && !row?.perpetratorSide && !row?.victimSide) return false;
          return true;
        });
        if (rows.length === 0) return null;
        return (
          <div key={section.id}>
            <Title order={3} size="h6" id={`items-${section.id}`} mb={6}>
              {localized(section.title, language)}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table
                verticalSpacing="xs"
                withTableBorder
                layout="fixed"
                aria-labelledby={`items-${section.id}`}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="46%">
                      {t('joint.item')}
                    </Table.Th>
                    <Table.Th scope="col">{t('series.perpetratorSide')}</Table.Th>
                    <Table.Th scope="col">{t('series.victimSide')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((item) => {
                    const row = byItem.get(item.id);
                    return (
                      <Table.Tr
                        key={item.id}
                        data-item={item.id}
                        data-diverges={row?.diverges || undefined}
                        bg={row?.diverges ? 'orange.0' : undefined}
                      >
                        <Table.Th scope="row" fw={400}>
                          <Text size="sm">{localized(item.text, language)}</Text>
                          {row?.diverges && (
                            <Badge color="orange.5" variant="filled" autoContrast size="sm" mt={4}>
                              {t('joint.differs')}
                            </Badge>
                          )}
                        </Table.Th>
                        <Table.Td>
                          <AnswerCell answer={row?.perpetratorSide ?? null} agencyName={agencyName} />
                        </Table.Td>
                        <Table.Td>
                          <AnswerCell answer={row?.victimSide ?? null} agencyName={agencyName} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        );
      })}
    </Block>
  );
}

/** The case managers' agreed level and why; it sets the next reassessment. */
function AgreedLevelForm({
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
  const agree = useAgreeLevel(jointCaseId);
  const today = todayIso();
  const [level, setLevel] = useState('');
  const [rationale, setRationale] = useState('');
  const [agreedOn, setAgreedOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(agree.error);
  const levels = definition.levels ?? [];
  const error = (path: string) => errors[path] ?? server[path];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!level) found.level = t('agree.errors.level');
    if (!rationale.trim()) found.rationale = t('agree.errors.rationale');
    if (!agreedOn) found.agreedOn = t('form.errors.required');
    else if (agreedOn > today) found.agreedOn = t('form.errors.future');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const next = await agree.mutateAsync({
        level,
        rationale: rationale.trim(),
        agreedOn,
        ...(view.perpetratorSide && { ppResponseId: view.perpetratorSide.id }),
        ...(view.victimSide && { vssResponseId: view.victimSide.id }),
      });
      setLevel('');
      setRationale('');
      notifySaved(
        t('agree.saved', {
          level: levelLabel(levels, next.agreed?.level ?? level, language),
          date: formatDate(language, next.nextReassessmentOn),
        }),
      );
    } catch {
      // shown by FormAlert and under the fields
    }
  };

  return (
    <Block id="agree" title={t('agree.title')} description={t('agree.description')}>
      <form onSubmit={submit} noValidate aria-labelledby="agree">
        <Stack gap="md">
          <FormAlert error={agree.error} shownFields={['level', 'rationale', 'agreedOn']} />
          <Text size="sm">
            {t('agree.context', {
              pp: levelLabel(levels, view.perpetratorSide?.level ?? null, language),
              vss: levelLabel(levels, view.victimSide?.level ?? null, language),
            })}
          </Text>
          <NativeSelect
            label={t('agree.level')}
            value={level}
            onChange={(event) => setLevel(event.currentTarget.value)}
            data={[
              { value: '', label: t('agree.chooseLevel') },
              ...levels.map((candidate) => ({
                value: candidate.id,
                label: localized(candidate.label, language),
              })),
            ]}
            error={error('level')}
            required
            maw={320}
          />
          <Textarea
            label={t('agree.rationale')}
            description={t('agree.rationaleHint')}
            value={rationale}
            onChange={(event) => setRationale(event.currentTarget.value)}
            error={error('rationale')}
            required
            autosize
            minRows={3}
            maxLength={4000}
          />
          <DateInput
            label={t('agree.agreedOn')}
            value={agreedOn}
            onChange={setAgreedOn}
            error={error('agreedOn')}
            max={today}
          />
          <Group>
            <Button type="submit" loading={agree.isPending}>
              {t('agree.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Block>
  );
}
