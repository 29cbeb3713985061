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
import {
  RECIDIVISM_SOURCES,
  type RecidivismComparison,
  SEVERITIES,
  type SessionView,
  VIOLENCE_FORMS,
} from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAllAgencies } from '../../api/lists';
import { useSession } from '../../auth/session';
import { FormAlert } from '../../components/FormAlert';
import { useRecidivism, useRecordRecidivism } from '../../instruments/api';
import { Block, DateInput, Empty, formatDate, Loading, notifySaved } from '../../instruments/components';
import { INSTRUMENTS_NS } from '../../instruments/i18n';
import { serverFieldErrors, todayIso } from '../../instruments/logic';
import { CaseFrame } from './CaseFrame';

type Period = 'month' | 'quarter';
type Source = (typeof RECIDIVISM_SOURCES)[number];
type Severity = (typeof SEVERITIES)[number];
type Form = (typeof VIOLENCE_FORMS)[number];

/** The sources this user may record: the programme never records what she reported. */
export const recidivismSourcesFor = (side: SessionView['user']['side']): Source[] =>
  RECIDIVISM_SOURCES.filter((source) => !(side === 'perpetrator' && source === 'her'));

/** Recidivism by source: record an episode, compare what each source reports per period. */
export function RecidivismPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const session = useSession().data;
  const [period, setPeriod] = useState<Period>('month');
  const comparison = useRecidivism(id, period);
  if (!session) return null;
  const perpetratorReader = session.user.side === 'perpetrator';

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
        {perpetratorReader && (
          <Alert color="gray" variant="light">
            {t('recidivism.ppProtected')}
          </Alert>
        )}
        <Loading query={comparison}>
          {comparison.data && (
            <ComparisonTable data={comparison.data} perpetratorReader={perpetratorReader} />
          )}
        </Loading>
      </Block>
      <Block id="episodes" title={t('recidivism.episodesTitle')}>
        <Loading query={comparison}>{comparison.data && <EpisodeTable data={comparison.data} />}</Loading>
      </Block>
      {session.abilities.casework && <EpisodeForm jointCaseId={id} session={session} />}
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

function ComparisonTable({
  data,
  perpetratorReader,
}: {
  data: RecidivismComparison;
  perpetratorReader: boolean;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  if (data.periods.length === 0) return <Empty>{t('recidivism.empty')}</Empty>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder verticalSpacing="xs" data-testid="recidivism-comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`recidivism.${data.period}`)}</Table.Th>
            <Table.Th scope="col">{t('recidivism.byHim')}</Table.Th>
            {perpetratorReader ? (
              <Table.Th scope="col">{t('recidivism.byOthers')}</Table.Th>
            ) : (
              <>
                <Table.Th scope="col">{t('recidivism.byHer')}</Table.Th>
                <Table.Th scope="col">{t('recidivism.byAgencies')}</Table.Th>
              </>
            )}
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
              {perpetratorReader ? (
                <Table.Td>{row.otherSources}</Table.Td>
              ) : (
                <>
                  <Table.Td>{row.her ?? '—'}</Table.Td>
                  <Table.Td>{row.agencies}</Table.Td>
                </>
              )}
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

interface EpisodeDraft {
  occurredOn: string;
  forms: Form[];
  severity: Severity | '';
  source: Source | '';
  sourceAgencyId: string;
  policeInvolved: boolean;
  description: string;
}

function EpisodeForm({ jointCaseId, session }: { jointCaseId: string; session: SessionView }) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  const side = session.user.side;
  const sources = recidivismSourcesFor(side);
  const record = useRecordRecidivism(jointCaseId);
  const agencies = useAllAgencies();
  const today = todayIso();
  const initial = (): EpisodeDraft => ({
    occurredOn: today,
    forms: [],
    severity: '',
    source: side === 'neutral' ? 'agency' : '',
    sourceAgencyId: side === 'neutral' ? (session.user.agencyId ?? '') : '',
    policeInvolved: false,
    description: '',
  });
  const [draft, setDraft] = useState<EpisodeDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(record.error);
  const error = (path: string) => errors[path] ?? server[path];
  const patch = (change: Partial<EpisodeDraft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!draft.occurredOn) found.occurredOn = t('form.errors.required');
    else if (draft.occurredOn > today) found.occurredOn = t('form.errors.future');
    if (draft.forms.length === 0) found.forms = t('recidivism.errors.forms');
    if (!draft.severity) found.severity = t('recidivism.errors.severity');
    if (!draft.source) found.source = t('recidivism.errors.source');
    if (draft.source === 'agency' && !draft.sourceAgencyId)
      found.sourceAgencyId = t('recidivism.errors.agency');
    setErrors(found);
    if (Object.keys(found).length > 0 || !draft.severity || !draft.source) return;
    try {
      await record.mutateAsync({
        occurredOn: draft.occurredOn,
        forms: draft.forms,
        severity: draft.severity,
        source: draft.source,
        ...(draft.source === 'agency' && { sourceAgencyId: draft.sourceAgencyId }),
        policeInvolved: draft.policeInvolved,
        ...(draft.description.trim() && { description: draft.description.trim() }),
      });
      setDraft(initial());
      notifySaved(t('recidivism.saved'));
    } catch {
      // shown by FormAlert and under the fields
    }
  };

  return (
    <Block
      id="record-episode"
      title={t('recidivism.recordTitle')}
      description={t('recidivism.recordDescription')}
    >
      <form onSubmit={submit} noValidate aria-labelledby="record-episode">
        <Stack gap="md">
          <FormAlert
            error={record.error}
            shownFields={['occurredOn', 'forms', 'severity', 'source', 'sourceAgencyId', 'description']}
          />
          <DateInput
            label={t('recidivism.occurredOn')}
            value={draft.occurredOn}
            onChange={(occurredOn) => patch({ occurredOn })}
            error={error('occurredOn')}
            max={today}
          />
          <Checkbox.Group
            label={t('recidivism.forms')}
            value={draft.forms}
            onChange={(forms) => patch({ forms: forms as Form[] })}
            error={error('forms')}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {VIOLENCE_FORMS.map((form) => (
                <Checkbox key={form} value={form} label={t(`violence.${form}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Radio.Group
            label={t('recidivism.severity')}
            value={draft.severity}
            onChange={(severity) => patch({ severity: severity as Severity })}
            error={error('severity')}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {SEVERITIES.map((severity) => (
                <Radio key={severity} value={severity} label={t(`severity.${severity}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('recidivism.source')}
            description={side === 'perpetrator' ? t('recidivism.ppSourceHint') : undefined}
            value={draft.source}
            onChange={(source) =>
              patch({ source: source as Source, ...(source !== 'agency' && { sourceAgencyId: '' }) })
            }
            error={error('source')}
            withAsterisk
          >
            <Group gap="md" mt={6}>
              {sources.map((source) => (
                <Radio key={source} value={source} label={t(`recidivism.sources.${source}`)} />
              ))}
            </Group>
          </Radio.Group>
          {draft.source === 'agency' && (
            <NativeSelect
              label={t('recidivism.sourceAgency')}
              value={draft.sourceAgencyId}
              onChange={(event) => patch({ sourceAgencyId: event.currentTarget.value })}
              data={[
                { value: '', label: t('form.chooseAgency') },
                ...(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name })),
              ]}
              error={error('sourceAgencyId')}
              required
              maw={420}
            />
          )}
          <Checkbox
            label={t('recidivism.policeInvolved')}
            checked={draft.policeInvolved}
            onChange={(event) => patch({ policeInvolved: event.currentTarget.checked })}
          />
          <Textarea
            label={t('recidivism.description')}
            description={side === 'victim' ? t('recidivism.descriptionVictimSide') : undefined}
            value={draft.description}
            onChange={(event) => patch({ description: event.currentTarget.value })}
            error={error('description')}
            autosize
            minRows={2}
            maxLength={4000}
          />
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
