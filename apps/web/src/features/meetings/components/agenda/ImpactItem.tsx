import { Anchor, Badge, Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ImpactView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { useDefinitions, useImpact } from '../../../instruments/api';
import { Loading } from '../../../instruments/components/parts';
import { addDaysIso, formatDay, todayIso } from '../parts';
import { AddressTooCheckbox, itemOpen, useAddressToo } from './AddressToo';
import type { AgendaContext } from './context';
import { InstrumentModal } from './InstrumentModal';

type Point = ImpactView['points'][number];
type Answer = Point['him'];

/** The time points still missing an answer for either of them (the server's view). */
export const pointsDue = (view: ImpactView) => view.points.filter((point) => point.due || point.overdue);

/**
 * The time points to talk about: those still due, and those of the last three months (so the
 * meeting sees what was just answered — his account beside hers).
 */
export function pointsToDiscuss(view: ImpactView, today: string) {
  return view.points.filter(
    (point) =>
      point.due ||
      point.overdue ||
      (point.dueOn <= addDaysIso(today, 14) && point.dueOn >= addDaysIso(today, -92)),
  );
}

/** Whether, once `subject` answers at `timepoint`, no questionnaire is due for either of them. */
export function lastOneDue(view: ImpactView, subject: 'him' | 'her', timepoint: string) {
  return pointsDue(view).every(
    (point) =>
      point.timepoint === timepoint &&
      (subject === 'him' ? Boolean(point.her) || point.herWithheld : Boolean(point.him)),
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
  const open = itemOpen(meeting, 'individual_change');
  // Saving the last questionnaire due completes the item, unless the worker unticks it.
  const addressToo = useAddressToo(Boolean(view && subject && filling && lastOneDue(view, subject, filling)));

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
              beforeSave={
                open ? () => <AddressTooCheckbox item="individual_change" state={addressToo} /> : undefined
              }
              onSaved={() => {
                const address = open && addressToo.checked;
                addressToo.reset();
                // Addressing refreshes the meeting's data itself: one refresh, not two racing.
                if (!address) return refresh();
                context.address('individual_change', undefined, false, true).catch((failure: unknown) => {
                  notifications.show({ color: 'red', message: errorText(failure) });
                  refresh();
                });
              }}
            />
          )}
        </Stack>
      )}
    </Loading>
  );
}

const errorText = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

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
