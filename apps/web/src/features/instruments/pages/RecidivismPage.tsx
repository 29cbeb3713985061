import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { type RecidivismComparison, SEVERITIES, type SessionView, VIOLENCE_FORMS } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAllAgencies } from '../../../api/directory';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { DateField } from '../../../components/PageParts';
import { useSession } from '../../auth/session';
import { useRecidivism } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { Block, Empty, formatDate, Loading, notifySaved } from '../components/parts';
import { useRecidivismForm } from '../components/useRecidivismForm';

type Period = 'month' | 'quarter';

/** Recidivism by source: record an episode, compare what each source reports per period. */
export function RecidivismPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const session = useSession().data;
  const [period, setPeriod] = useState<Period>('month');
  const comparison = useRecidivism(id, period);
  // What the actor may record does not change with the period: the form stays while it changes.
  const can = useRecidivism(id, 'month').data?.can;
  if (!session) return null;
  // The server sends the counts this reader may see: "other sources" alone means hers are among them.
  const onlyOtherSources = Boolean(
    comparison.data && sourceColumns(comparison.data).includes('otherSources'),
  );

  return (
    <CaseFrame
      jointCaseId={id}
      active="recidivism"
      title={(caseNumber) => t('recidivism.title', { case: caseNumber })}
    >
      <Block
        id="comparison"
        title={t('recidivism.comparisonTitle')}
        description={t('recidivism.comparisonDescription')}
        actions={
          <SegmentedControl
            aria-label={t('recidivism.period')}
            value={period}
            onChange={(value) => setPeriod(value as Period)}
            data={[
              { value: 'month', label: t('recidivism.month') },
              { value: 'quarter', label: t('recidivism.quarter') },
            ]}
          />
        }
      >
        {onlyOtherSources && (
          <Alert color="gray" variant="light">
            {t('recidivism.ppProtected')}
          </Alert>
        )}
        <Loading query={comparison}>{comparison.data && <ComparisonTable data={comparison.data} />}</Loading>
      </Block>
      <Block id="episodes" title={t('recidivism.episodesTitle')}>
        <Loading query={comparison}>{comparison.data && <EpisodeTable data={comparison.data} />}</Loading>
      </Block>
      {can && can.sources.length > 0 && <EpisodeForm jointCaseId={id} session={session} can={can} />}
    </CaseFrame>
  );
}

function MinimisationBadge() {
  const { t } = useTranslation(INSTRUMENTS_NS);
  return (
    <Badge color="red" variant="light" tt="none" title={t('recidivism.minimisationHint')}>
      {t('recidivism.minimisation')}
    </Badge>
  );
}

/** "September 2026" for 2026-09, "Q3 2026" for 2026-Q3. */
export function periodLabel(language: string, period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' }).format(
      new Date(Number(month[1]), Number(month[2]) - 1, 1),
    );
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `Q${quarter[2]} ${quarter[1]}` : period;
}

type SourceColumn = 'her' | 'agencies' | 'otherSources';
const COLUMN_LABELS: Record<SourceColumn, string> = {
  her: 'recidivism.byHer',
  agencies: 'recidivism.byAgencies',
  otherSources: 'recidivism.byOthers',
};

/** The counts the server sent this reader (it leaves out what could tell which reports are hers). */
export function sourceColumns(data: RecidivismComparison): SourceColumn[] {
  return (['her', 'agencies', 'otherSources'] as const).filter((column) =>
    data.periods.some((period) => period[column] !== undefined),
  );
}

function ComparisonTable({ data }: { data: RecidivismComparison }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  if (data.periods.length === 0) return <Empty>{t('recidivism.empty')}</Empty>;
  const columns = sourceColumns(data);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder verticalSpacing="xs" data-testid="recidivism-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`recidivism.${data.period}`)}</Table.Th>
            <Table.Th scope="col">{t('recidivism.byHim')}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {t(COLUMN_LABELS[column])}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('recidivism.flag')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.periods.map((row) => (
            <Table.Tr
              key={row.period}
              data-period={row.period}
              bg={row.possibleMinimisation ? 'red.0' : undefined}
            >
              <Table.Th scope="row">{periodLabel(i18n.language, row.period)}</Table.Th>
              <Table.Td>{row.him}</Table.Td>
              {columns.map((column) => (
                <Table.Td key={column}>{row[column] ?? '—'}</Table.Td>
              ))}
              <Table.Td>{row.possibleMinimisation ? <MinimisationBadge /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EpisodeTable({ data }: { data: RecidivismComparison }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  if (data.episodes.length === 0) return <Empty>{t('recidivism.noEpisodes')}</Empty>;
  const episodes = [...data.episodes].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder verticalSpacing="xs" data-testid="recidivism-episodes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('recidivism.occurredOn')}</Table.Th>
            <Table.Th scope="col">{t('recidivism.forms')}</Table.Th>
            <Table.Th scope="col">{t('recidivism.severity')}</Table.Th>
            <Table.Th scope="col">{t('recidivism.source')}</Table.Th>
            <Table.Th scope="col">{t('recidivism.police')}</Table.Th>
            <Table.Th scope="col">{t('recidivism.description')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {episodes.map((episode) => (
            <Table.Tr key={episode.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(i18n.language, episode.occurredOn)}
              </Table.Td>
              <Table.Td>{episode.forms.map((form) => t(`violence.${form}`)).join(', ')}</Table.Td>
              <Table.Td>{t(`severity.${episode.severity}`)}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm">{t(`recidivism.sources.${episode.source}`)}</Text>
                  {episode.possibleMinimisation && <MinimisationBadge />}
                </Stack>
              </Table.Td>
              <Table.Td>{episode.policeInvolved ? t('answer.yes') : t('answer.no')}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {episode.description ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EpisodeForm({
  jointCaseId,
  session,
  can,
}: {
  jointCaseId: string;
  session: SessionView;
  can: RecidivismComparison['can'];
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const agencies = useAllAgencies();
  const { form, record, sources, today } = useRecidivismForm(jointCaseId, session, can, () =>
    notifySaved(t('recidivism.saved')),
  );
  const source = form.values.source;

  return (
    <Block
      id="record-episode"
      title={t('recidivism.recordTitle')}
      description={t('recidivism.recordDescription')}
    >
      <form onSubmit={form.submit} noValidate aria-labelledby="record-episode">
        <Stack gap="md">
          <DateField
            label={t('recidivism.occurredOn')}
            {...form.getInputProps('occurredOn')}
            max={today}
            required
          />
          <Checkbox.Group label={t('recidivism.forms')} {...form.getInputProps('forms')} withAsterisk>
            <Group gap="md" mt={6}>
              {VIOLENCE_FORMS.map((violence) => (
                <Checkbox key={violence} value={violence} label={t(`violence.${violence}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group label={t('recidivism.severity')} {...form.getInputProps('severity')} withAsterisk>
            <Group gap="md" mt={6}>
              {SEVERITIES.map((severity) => (
                <Radio key={severity} value={severity} label={t(`severity.${severity}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('recidivism.source')}
            // What she reports is her service's to record: said where "her" is not offered.
            description={sources.includes('her') ? undefined : t('recidivism.ppSourceHint')}
            {...form.getInputProps('source')}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {sources.map((candidate) => (
                <Radio key={candidate} value={candidate} label={t(`recidivism.sources.${candidate}`)} />
              ))}
            </Group>
          </Radio.Group>
          {source === 'agency' && (
            <NativeSelect
              label={t('recidivism.sourceAgency')}
              {...form.getInputProps('sourceAgencyId')}
              data={[
                { value: '', label: t('form.chooseAgency') },
                ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
              ]}
              required
              maw={420}
            />
          )}
          <Checkbox
            label={t('recidivism.policeInvolved')}
            {...form.getInputProps('policeInvolved', { type: 'checkbox' })}
          />
          <Textarea
            label={t('recidivism.description')}
            description={session.abilities.supportVictims ? t('recidivism.descriptionVictimSide') : undefined}
            {...form.getInputProps('description')}
            autosize
            minRows={2}
            maxLength={4000}
          />
          <SchemaFormAlert form={form} />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('recidivism.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Block>
  );
}
