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
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RECIDIVISM_SOURCES, type RecidivismComparison, SEVERITIES, VIOLENCE_FORMS } from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllAgencies } from '../../../api/lists';
import { FormAlert } from '../../../components/FormAlert';
import { useRecidivism, useRecordRecidivism } from '../../../instruments/api';
import { Loading } from '../../../instruments/components';
import { formatDay, serverFields, todayIso } from '../../../meetings/components';
import { MEETINGS_NS } from '../../../meetings/i18n';
import type { AgendaContext } from './context';

type Source = (typeof RECIDIVISM_SOURCES)[number];
type Severity = (typeof SEVERITIES)[number];
type Form = (typeof VIOLENCE_FORMS)[number];

/** Totals per source over all periods, and the periods flagged as possible minimisation. */
export function recidivismTotals(view: RecidivismComparison) {
  const sum = (pick: (period: RecidivismComparison['periods'][number]) => number | null) =>
    view.periods.reduce((total, period) => total + (pick(period) ?? 0), 0);
  return {
    him: sum((period) => period.him),
    her: view.periods.some((period) => period.her !== null) ? sum((period) => period.her) : null,
    agencies: sum((period) => period.agencies),
    otherSources: sum((period) => period.otherSources),
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
  const perpetratorReader = context.session.user.side === 'perpetrator';

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
                  {totals.her !== null ? (
                    <Count label={t('recidivism.byHer')} value={totals.her} />
                  ) : (
                    <Count label={t('recidivism.byOthers')} value={totals.otherSources} />
                  )}
                  <Count label={t('recidivism.byAgencies')} value={totals.agencies} />
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
          {perpetratorReader && (
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
                    <Table.Th />
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
          {canRun && <EpisodeQuickForm context={context} />}
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

/** A new episode in a few clicks: forms, severity, who reported it (the date starts as today). */
function EpisodeQuickForm({ context }: { context: AgendaContext }) {
  const { t } = useTranslation(MEETINGS_NS);
  const { session, meeting } = context;
  const side = session.user.side;
  // The programme never records what she reported: that is victim support's to record.
  const sources = RECIDIVISM_SOURCES.filter((source) => !(side === 'perpetrator' && source === 'her'));
  const record = useRecordRecidivism(meeting.jointCaseId);
  const today = todayIso();
  const [occurredOn, setOccurredOn] = useState(today);
  const [forms, setForms] = useState<Form[]>([]);
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [source, setSource] = useState<Source | ''>(side === 'neutral' ? 'agency' : '');
  const [sourceAgencyId, setSourceAgencyId] = useState(
    side === 'neutral' ? (session.user.agencyId ?? '') : '',
  );
  const [policeInvolved, setPoliceInvolved] = useState(false);
  const agencies = useAllAgencies(source === 'agency');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFields(record.error);
  const error = (path: string) => errors[path] ?? server[path];
  const agencySource = source === 'agency';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!occurredOn) found.occurredOn = t('recidivism.errors.date');
    else if (occurredOn > today) found.occurredOn = t('recidivism.errors.future');
    if (forms.length === 0) found.forms = t('recidivism.errors.forms');
    if (!severity) found.severity = t('recidivism.errors.severity');
    if (!source) found.source = t('recidivism.errors.source');
    if (agencySource && !sourceAgencyId) found.sourceAgencyId = t('recidivism.errors.agency');
    setErrors(found);
    if (Object.keys(found).length > 0 || !severity || !source) return;
    try {
      await record.mutateAsync({
        occurredOn,
        forms,
        severity,
        source,
        ...(agencySource && { sourceAgencyId }),
        policeInvolved,
      });
      notifications.show({ color: 'teal', message: t('recidivism.saved') });
      setForms([]);
      setSeverity('');
      setSource(side === 'neutral' ? 'agency' : '');
      setSourceAgencyId(side === 'neutral' ? (session.user.agencyId ?? '') : '');
      setPoliceInvolved(false);
      setOccurredOn(today);
      context.refresh();
    } catch {
      // shown by the alert and under the fields
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <form onSubmit={submit} noValidate aria-label={t('recidivism.recordTitle')}>
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('recidivism.recordTitle')}
          </Text>
          <FormAlert
            error={record.error}
            shownFields={['occurredOn', 'forms', 'severity', 'source', 'sourceAgencyId']}
          />
          <Group gap="lg" align="flex-start">
            <TextInput
              type="date"
              label={t('recidivism.date')}
              value={occurredOn}
              max={today}
              onChange={(event) => setOccurredOn(event.currentTarget.value)}
              error={error('occurredOn')}
              required
              w={170}
            />
            <ChipField label={t('recidivism.severity')} error={error('severity')}>
              <Chip.Group value={severity} onChange={(value) => setSeverity(value as Severity)}>
                <Group gap={6}>
                  {SEVERITIES.map((value) => (
                    <Chip key={value} value={value} size="sm" radius="sm">
                      {t(`severity.${value}`)}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </ChipField>
            <ChipField label={t('recidivism.reportedBy')} error={error('source')}>
              <Chip.Group value={source} onChange={(value) => setSource(value as Source)}>
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
                value={sourceAgencyId}
                onChange={(event) => setSourceAgencyId(event.currentTarget.value)}
                data={[
                  { value: '', label: t('recidivism.chooseAgency') },
                  ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
                ]}
                error={error('sourceAgencyId')}
                required
                w={260}
              />
            )}
          </Group>
          <ChipField label={t('recidivism.forms')} error={error('forms')}>
            <Chip.Group multiple value={forms} onChange={(value) => setForms(value as Form[])}>
              <Group gap={6}>
                {VIOLENCE_FORMS.map((value) => (
                  <Chip key={value} value={value} size="sm" radius="sm">
                    {t(`violence.${value}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </ChipField>
          <Group justify="space-between">
            <Checkbox
              label={t('recidivism.police')}
              checked={policeInvolved}
              onChange={(event) => setPoliceInvolved(event.currentTarget.checked)}
            />
            <Button type="submit" loading={record.isPending}>
              {t('recidivism.submit')}
            </Button>
          </Group>
          {side === 'perpetrator' && (
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
  children,
}: {
  label: string;
  error?: string | undefined;
  children: React.ReactNode;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
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
