import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Chip,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RecidivismComparison, SEVERITIES, VIOLENCE_FORMS } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllAgencies } from '../../../../api/directory';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { DateField } from '../../../../components/DateField';
import { SchemaFormAlert } from '../../../../components/forms/SchemaFormAlert';
import { useRecidivism } from '../../../instruments/api';
import { Loading } from '../../../instruments/components/parts';
import { useRecidivismForm } from '../../../instruments/components/useRecidivismForm';
import { formatDay } from '../parts';
import { AddressTooCheckbox, itemOpen, useAddressToo } from './AddressToo';
import type { AgendaContext } from './context';

type Period = RecidivismComparison['periods'][number];

/**
 * Totals per source over all periods (only the sources the server sent this reader: a count
 * that could tell which reports are hers is left out), and the periods flagged as possible
 * minimisation.
 */
export function recidivismTotals(view: RecidivismComparison) {
  const total = (source: 'her' | 'agencies' | 'otherSources') =>
    view.periods.some((period) => period[source] !== undefined)
      ? view.periods.reduce((sum, period: Period) => sum + (period[source] ?? 0), 0)
      : null;
  return {
    him: view.periods.reduce((sum, period) => sum + period.him, 0),
    her: total('her'),
    agencies: total('agencies'),
    otherSources: total('otherSources'),
    flagged: view.periods.filter((period) => period.possibleMinimisation).map((period) => period.period),
  };
}

export function useRecidivismHeadline(jointCaseId: string): string | null {
  const { t } = useTranslation(MEETINGS_NS);
  const view = useRecidivism(jointCaseId, 'month').data;
  if (!view) return null;
  const totals = recidivismTotals(view);
  const episodes = t('recidivism.headline', { count: view.episodes.length });
  return totals.flagged.length
    ? `${episodes} · ${t('recidivism.headlineFlagged', { count: totals.flagged.length })}`
    : episodes;
}

/** Item 2: episodes by him, by her and by agencies, compared; possible minimisation flagged. */
export function RecidivismItem({ context }: { context: AgendaContext }) {
  const { meeting, canRun } = context;
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const comparison = useRecidivism(meeting.jointCaseId, 'month');
  const view = comparison.data;

  return (
    <Loading query={comparison}>
      {view && (
        <Stack gap="sm">
          {(() => {
            const totals = recidivismTotals(view);
            return (
              <>
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                  <Count label={t('recidivism.byHim')} value={totals.him} />
                  {totals.her !== null && <Count label={t('recidivism.byHer')} value={totals.her} />}
                  {totals.otherSources !== null && (
                    <Count label={t('recidivism.byOthers')} value={totals.otherSources} />
                  )}
                  {totals.agencies !== null && (
                    <Count label={t('recidivism.byAgencies')} value={totals.agencies} />
                  )}
                  <Count
                    label={t('recidivism.flagged')}
                    value={totals.flagged.length}
                    alarm={totals.flagged.length > 0}
                    testId="meeting-minimisation-count"
                  />
                </SimpleGrid>
                {totals.flagged.length > 0 && (
                  <Text size="sm" c="red.9">
                    {t('recidivism.flaggedHint', { periods: totals.flagged.join(', ') })}
                  </Text>
                )}
              </>
            );
          })()}
          {view.periods.some((period) => period.otherSources !== undefined) && (
            <Text size="xs" c="dimmed">
              {t('recidivism.ppProtected')}
            </Text>
          )}
          {view.episodes.length > 0 && (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing={4} fz="sm" aria-label={t('recidivism.recent')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('recidivism.date')}</Table.Th>
                    <Table.Th>{t('recidivism.forms')}</Table.Th>
                    <Table.Th>{t('recidivism.severity')}</Table.Th>
                    <Table.Th>{t('recidivism.source')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('recidivism.flagColumn')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...view.episodes]
                    .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn))
                    .slice(0, 5)
                    .map((episode) => (
                      <Table.Tr key={episode.id}>
                        <Table.Td>{formatDay(i18n.language, episode.occurredOn)}</Table.Td>
                        <Table.Td>{episode.forms.map((form) => t(`violence.${form}`)).join(', ')}</Table.Td>
                        <Table.Td>{t(`severity.${episode.severity}`)}</Table.Td>
                        <Table.Td>{t(`source.${episode.source}`)}</Table.Td>
                        <Table.Td>
                          {episode.possibleMinimisation && (
                            <Badge color="red" variant="light" size="sm">
                              {t('recidivism.minimisation')}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Anchor component={Link} to={`/joint-cases/${meeting.jointCaseId}/recidivism`} size="sm">
            {t('recidivism.open')}
          </Anchor>
          {canRun && view.can.sources.length > 0 && <EpisodeQuickForm context={context} can={view.can} />}
        </Stack>
      )}
    </Loading>
  );
}

function Count({
  label,
  value,
  alarm,
  testId,
}: {
  label: string;
  value: number;
  alarm?: boolean;
  testId?: string;
}) {
  return (
    <Paper withBorder p="xs" radius="md" bg={alarm ? 'red.0' : undefined} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" c={alarm ? 'red.9' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * A new episode in a few clicks: forms, severity, who reported it (the date starts as today; her
 * service's source as "her"). The episode recorded here is the one the meeting is discussing:
 * recording it also addresses the item, unless the worker unticks that to record more.
 */
function EpisodeQuickForm({ context, can }: { context: AgendaContext; can: RecidivismComparison['can'] }) {
  const { t } = useTranslation(MEETINGS_NS);
  const { session, meeting } = context;
  const open = itemOpen(meeting, 'recidivism');
  const addressToo = useAddressToo(true);
  const { form, record, sources, today } = useRecidivismForm(meeting.jointCaseId, session, can, async () => {
    notifications.show({ color: 'teal', message: t('recidivism.saved') });
    const address = open && addressToo.checked;
    addressToo.reset();
    // Addressing refreshes the meeting's data itself: one refresh, not two racing each other.
    if (address) await context.address('recidivism', undefined, false, true);
    else context.refresh();
  });
  const agencySource = form.values.source === 'agency';
  const agencies = useAllAgencies(agencySource);
  const severity = form.getInputProps('severity');
  const source = form.getInputProps('source');
  const forms = form.getInputProps('forms');

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form onSubmit={form.submit} noValidate aria-label={t('recidivism.recordTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('recidivism.recordTitle')}
          </Text>
          <Group gap="lg" align="flex-start">
            <DateField
              label={t('recidivism.date')}
              {...form.getInputProps('occurredOn')}
              max={today}
              required
              w={170}
            />
            <ChipField label={t('recidivism.severity')} error={severity.error} path="severity">
              <Chip.Group value={severity.value} onChange={severity.onChange}>
                <Group gap={6}>
                  {SEVERITIES.map((value) => (
                    <Chip key={value} value={value} size="sm" radius="sm">
                      {t(`severity.${value}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </ChipField>
            <ChipField label={t('recidivism.reportedBy')} error={source.error} path="source">
              <Chip.Group value={source.value} onChange={source.onChange}>
                <Group gap={6}>
                  {sources.map((value) => (
                    <Chip key={value} value={value} size="sm" radius="sm">
                      {t(`source.${value}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </ChipField>
            {agencySource && (
              <NativeSelect
                label={t('recidivism.whichAgency')}
                {...form.getInputProps('sourceAgencyId')}
                data={[
                  { value: '', label: t('recidivism.chooseAgency') },
                  ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
                ]}
                required
                w={260}
              />
            )}
          </Group>
          <ChipField label={t('recidivism.forms')} error={forms.error} path="forms">
            <Chip.Group multiple value={forms.value} onChange={forms.onChange}>
              <Group gap={6}>
                {VIOLENCE_FORMS.map((value) => (
                  <Chip key={value} value={value} size="sm" radius="sm">
                    {t(`violence.${value}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </ChipField>
          <SchemaFormAlert form={form} />
          <Group justify="space-between">
            <Checkbox
              label={t('recidivism.police')}
              {...form.getInputProps('policeInvolved', { type: 'checkbox' })}
            />
            <Group gap="md">
              {open && <AddressTooCheckbox item="recidivism" state={addressToo} />}
              <Button type="submit" loading={record.isPending}>
                {t('recidivism.submit')}
              </Button>
            </Group>
          </Group>
          {/* What she reports is her service's to record: said where "her" is not offered. */}
          {!sources.includes('her') && (
            <Text size="xs" c="dimmed">
              {t('recidivism.ppSourceHint')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** A labelled group of chips (a fieldset, so the label names the choices for screen readers). */
function ChipField({
  label,
  error,
  path,
  children,
}: {
  label: string;
  error?: React.ReactNode;
  /** The form field, for the focus after a failed submit. */
  path: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} data-path={path}>
      <Text component="legend" size="sm" fw={700} mb={6}>
        {label}{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      {children}
      {error && (
        <Text c="red.8" size="xs" mt={4}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}
