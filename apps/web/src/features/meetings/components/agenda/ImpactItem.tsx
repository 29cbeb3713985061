import { Anchor, Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ImpactView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { useDefinitions, useImpact } from '../../../instruments/api';
import { Loading } from '../../../instruments/components/parts';
import { formatDay, todayIso } from '../parts';
import type { AgendaContext } from './context';
import { InstrumentModal } from './InstrumentModal';

type Point = ImpactView['points'][number];
type Answer = Point['him'];

const DAY = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The time points still missing an answer for either of them (the server's view). */
export const pointsDue = (view: ImpactView) => view.points.filter((point) => point.due || point.overdue);

/**
 * The time points to talk about: those still due, and those of the last three months (so the
 * meeting sees what was just answered — his account beside hers).
 */
export function pointsToDiscuss(view: ImpactView, today: string) {
  return view.points.filter(
    (point) =>
      point.due || point.overdue || (point.dueOn <= shift(today, 14) && point.dueOn >= shift(today, -92)),
  );
}

export function useImpactHeadline(jointCaseId: string): string | null {
  const { t } = useTranslation(MEETINGS_NS);
  const view = useImpact(jointCaseId).data;
  if (!view) return null;
  const due = pointsDue(view).map((point) => point.timepoint);
  return due.length ? t('impact.headlineDue', { timepoints: due.join(', ') }) : t('impact.headlineNone');
}

/** Item 3: the IMPACT questionnaires due for him and for her, filled in from here. */
export function ImpactItem({ context }: { context: AgendaContext }) {
  const { meeting, canRun, refresh } = context;
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const impact = useImpact(meeting.jointCaseId);
  const definitions = useDefinitions();
  const [filling, setFilling] = useState<string | null>(null);
  const subject = impact.data?.can.recordFor ?? null;
  const definition = definitions.data?.find(
    (candidate) => candidate.kind === 'questionnaire' && candidate.subject === subject,
  );
  const view = impact.data;
  const today = todayIso();

  return (
    <Loading query={impact}>
      {view && (
        <Stack gap="sm">
          {pointsToDiscuss(view, today).length === 0 ? (
            <Text size="sm">
              {t('impact.noneDue')} {(() => {
                const next = view.points.find((point) => point.dueOn > today && !(point.him && point.her));
                return next
                  ? t('impact.next', {
                      timepoint: next.timepoint,
                      date: formatDay(i18n.language, next.dueOn),
                    })
                  : '';
              })()}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing={6} fz="sm" aria-label={t('impact.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('impact.timepoint')}</Table.Th>
                    <Table.Th>{t('impact.dueOn')}</Table.Th>
                    <Table.Th>{t('impact.his')}</Table.Th>
                    <Table.Th>{t('impact.hers')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('impact.actionColumn')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pointsToDiscuss(view, today).map((point) => {
                    const mine = subject === 'him' ? point.him : subject === 'her' ? point.her : null;
                    return (
                      <Table.Tr key={point.timepoint} data-testid={`impact-${point.timepoint}`}>
                        <Table.Td fw={700}>{point.timepoint}</Table.Td>
                        <Table.Td>
                          <Text size="sm" c={point.overdue ? 'red.9' : undefined}>
                            {formatDay(i18n.language, point.dueOn)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AnswerState answer={point.him} overdue={point.dueOn < today} />
                        </Table.Td>
                        <Table.Td>
                          {point.herWithheld ? (
                            <Text size="xs" c="dimmed">
                              {t('impact.withheld')}
                            </Text>
                          ) : (
                            <AnswerState answer={point.her} overdue={point.dueOn < today} />
                          )}
                        </Table.Td>
                        <Table.Td>
                          {canRun && subject && !mine && definition && (
                            <Button
                              size="compact-sm"
                              variant="light"
                              onClick={() => setFilling(point.timepoint)}
                            >
                              {t(`impact.fill.${subject}`, { timepoint: point.timepoint })}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {point0Withheld(view) && (
            <Text size="xs" c="dimmed">
              {t('impact.withheldHint')}
            </Text>
          )}
          <Anchor component={Link} to={`/joint-cases/${meeting.jointCaseId}/impact`} size="sm">
            {t('impact.open')}
          </Anchor>
          {subject && (
            <InstrumentModal
              opened={filling !== null}
              onClose={() => setFilling(null)}
              title={t(`impact.modalTitle.${subject}`, { timepoint: filling ?? '' })}
              intro={t(`impact.modalIntro.${subject}`)}
              definition={definition}
              sources={view.can.answerSources}
              jointCaseId={meeting.jointCaseId}
              timepoints={view.points.map((point) => point.timepoint)}
              initialTimepoint={filling ?? undefined}
              onSaved={refresh}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}

const point0Withheld = (view: ImpactView) => view.points.some((point) => point.herWithheld);

function AnswerState({ answer, overdue }: { answer: Answer; overdue: boolean }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  if (answer)
    return (
      <Badge color="teal" variant="light" leftSection="✓">
        {t('impact.done', {
          score: answer.score ?? '—',
          date: formatDay(i18n.language, answer.completedOn),
        })}
      </Badge>
    );
  return (
    <Badge color={overdue ? 'red' : 'orange'} variant="light">
      {overdue ? t('impact.overdue') : t('impact.due')}
    </Badge>
  );
}
