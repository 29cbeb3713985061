import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import type { ImpactView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { useImpact } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { ScoreChart } from '../components/charts/ScoreChart';
import { Block, Empty, formatDate, Loading } from '../components/parts';
import { daysBetween, todayIso } from '../logic';

type ImpactPoint = ImpactView['points'][number];
export type PointStatus = 'done' | 'overdue' | 'due' | 'upcoming';

const DUE_SOON_DAYS = 14;

/**
 * A time point's status for this side: the programme answers for his questionnaire, victim
 * support for hers; others see the server's view (due while either is missing).
 */
export function pointStatus(point: ImpactPoint, subject: 'him' | 'her' | null, today: string): PointStatus {
  const done = subject === 'him' ? Boolean(point.him) : subject === 'her' ? Boolean(point.her) : !point.due;
  if (done) return 'done';
  if (subject === null) return point.overdue ? 'overdue' : 'due';
  if (point.dueOn < today) return 'overdue';
  if (daysBetween(today, point.dueOn) <= DUE_SOON_DAYS) return 'due';
  return 'upcoming';
}

const STATUS_COLOURS: Record<PointStatus, string> = {
  done: 'teal',
  overdue: 'red',
  due: 'orange',
  upcoming: 'gray',
};

/** IMPACT: the time points T0–T4 with what is due, and his account beside hers over time. */
export function ImpactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const impact = useImpact(id);

  return (
    <CaseFrame
      jointCaseId={id}
      active="impact"
      title={(caseNumber) => t('impact.title', { case: caseNumber })}
    >
      <Loading query={impact}>{impact.data && <ImpactContent jointCaseId={id} view={impact.data} />}</Loading>
    </CaseFrame>
  );
}

function ImpactContent({ jointCaseId, view }: { jointCaseId: string; view: ImpactView }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const subject = view.can.recordFor;
  const today = todayIso();
  const withheld = view.points.some((point) => point.herWithheld);
  const scored = (summary: ImpactPoint['him']) =>
    summary
      ? t('impact.scoreOn', { score: summary.score ?? '—', date: formatDate(language, summary.completedOn) })
      : '—';

  return (
    <>
      <Block
        id="timepoints"
        title={t('impact.timepointsTitle')}
        description={t('impact.timepointsDescription')}
      >
        {withheld && (
          <Alert color="gray" variant="light">
            {t('impact.withheldExplained')}
          </Alert>
        )}
        {view.points.length === 0 ? (
          <Empty>{t('impact.noSchedule')}</Empty>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder verticalSpacing="xs" data-testid="impact-timepoints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('impact.timepoint')}</Table.Th>
                  <Table.Th scope="col">{t('impact.dueOn')}</Table.Th>
                  <Table.Th scope="col">{t('impact.status')}</Table.Th>
                  <Table.Th scope="col">{t('series.him')}</Table.Th>
                  <Table.Th scope="col">{t('series.her')}</Table.Th>
                  {subject && <Table.Th scope="col">{t('impact.action')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.points.map((point) => {
                  const status = pointStatus(point, subject, today);
                  const mine = subject === 'him' ? point.him : subject === 'her' ? point.her : null;
                  return (
                    <Table.Tr key={point.timepoint} data-timepoint={point.timepoint}>
                      <Table.Th scope="row">{point.timepoint}</Table.Th>
                      <Table.Td>{formatDate(language, point.dueOn)}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOURS[status]} variant="light">
                          {t(`impact.statuses.${status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{scored(point.him)}</Table.Td>
                      <Table.Td>{point.herWithheld ? t('impact.withheldShort') : scored(point.her)}</Table.Td>
                      {subject && (
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/joint-cases/${jointCaseId}/impact/${encodeURIComponent(point.timepoint)}`}
                            size="sm"
                          >
                            {mine
                              ? t(`impact.fillAgain.${subject}`, { timepoint: point.timepoint })
                              : t(`impact.fill.${subject}`, { timepoint: point.timepoint })}
                          </Anchor>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Block>
      <Block id="impact-chart" title={t('impact.chartTitle')} description={t('impact.chartDescription')}>
        {view.points.some((point) => point.him || point.her) ? (
          <ScoreChart points={view.points} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('impact.chartEmpty')}
          </Text>
        )}
      </Block>
    </>
  );
}
