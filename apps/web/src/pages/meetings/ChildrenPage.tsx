import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SessionView } from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useAgencyDirectory } from '../../casework/api';
import { Loading } from '../../casework/components';
import { FormAlert } from '../../components/FormAlert';
import { ActionForm, ActionPlanTable } from '../../meetings/ActionPlan';
import { useChildren, useJointCaseView, useRecordChildAssessment } from '../../meetings/api';
import { CaseMeetingFrame, formatDay, serverFields, todayIso } from '../../meetings/components';
import { MEETINGS_NS } from '../../meetings/i18n';
import type { ChildrenViewData } from '../../meetings/types';

type SectionPoint = ChildrenViewData['sectionBOverTime'][number];
type Child = ChildrenViewData['children'][number];

/** The children of a joint case: Section B of the checklist over time, their actions, their assessments. */
export function ChildrenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(MEETINGS_NS);
  const session = useSession().data;
  const view = useChildren(id);
  const jointCase = useJointCaseView(id);
  const agencies = useAgencyDirectory();
  const data = view.data;
  const children = (data?.children ?? []).map((child) => ({
    id: child.id,
    name: `${child.firstName} ${child.lastName}`.trim(),
  }));
  const childNames = new Map(children.map((child) => [child.id, child.name]));
  const assesses = Boolean(session?.abilities.casework) && session?.user.side !== 'perpetrator';

  return (
    <CaseMeetingFrame
      jointCaseId={id}
      active="children"
      title={(caseNumber) => t('children.title', { case: caseNumber })}
    >
      <Loading query={view}>
        {data && (
          <>
            {data.children.length === 0 && (
              <Alert color="blue" variant="light">
                {t('children.none')}
              </Alert>
            )}
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="section-b">
              <Title order={2} size="h4" id="section-b">
                {t('children.sectionB')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('children.sectionBHint')}
              </Text>
              {data.sectionBOverTime.length === 0 ? (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('children.sectionBEmpty')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                  <SectionBChart points={data.sectionBOverTime} />
                  <SectionBTable points={data.sectionBOverTime} />
                </SimpleGrid>
              )}
            </Card>
            {data.children.map((child) => (
              <ChildCard
                key={child.id}
                child={child}
                jointCaseId={id}
                data={data}
                session={session}
                assesses={assesses}
                childNames={childNames}
                agencyName={agencies.nameOf}
              />
            ))}
            {session && data.children.length > 0 && session.abilities.casework && (
              <Card withBorder radius="md" padding="lg">
                <ActionForm
                  jointCaseId={id}
                  jointCase={jointCase.data}
                  session={session}
                  childrenOfCase={children}
                  defaultChildId={children[0]?.id}
                />
              </Card>
            )}
          </>
        )}
      </Loading>
    </CaseMeetingFrame>
  );
}

const SIDE_COLOURS: Record<string, string> = {
  perpetrator: 'var(--mantine-color-blue-7)',
  victim: 'var(--mantine-color-grape-7)',
};

/** Yes-answers of Section B at each checklist, one line per side (the table beside it has the numbers). */
function SectionBChart({ points }: { points: SectionPoint[] }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const width = 420;
  const height = 180;
  const pad = { left: 32, right: 12, top: 12, bottom: 28 };
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const time = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const first = time(sorted[0]?.date ?? '1970-01-01');
  const span = Math.max(1, time(sorted.at(-1)?.date ?? '1970-01-01') - first);
  const max = Math.max(4, ...sorted.map((point) => point.yesCount));
  // Time runs left to right in proportion; one checklist alone sits in the middle.
  const x = (date: string) =>
    sorted.length < 2 || span === 1
      ? (pad.left + width - pad.right) / 2
      : pad.left + ((time(date) - first) / span) * (width - pad.left - pad.right);
  const y = (value: number) => height - pad.bottom - (value / max) * (height - pad.top - pad.bottom);
  const shortDate = (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      time(date),
    );
  const ends = [
    ...new Set([sorted[0]?.date, sorted.at(-1)?.date].filter((date): date is string => Boolean(date))),
  ];
  const sides = [...new Set(sorted.map((point) => point.side))];
  const latest = sorted.at(-1);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t('children.chartLabel', {
          date: latest ? formatDay(i18n.language, latest.date) : '',
          count: latest?.yesCount ?? 0,
        })}
      >
        {[0, Math.round(max / 2), max].map((tick) => (
          <g key={tick}>
            <line x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
            <text x={pad.left - 6} y={y(tick) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {tick}
            </text>
          </g>
        ))}
        {sides.map((side) => {
          const series = sorted.filter((point) => point.side === side);
          const colour = SIDE_COLOURS[side] ?? 'var(--mantine-color-gray-7)';
          return (
            <g key={side}>
              <polyline
                fill="none"
                stroke={colour}
                strokeWidth={2}
                points={series.map((point) => `${x(point.date)},${y(point.yesCount)}`).join(' ')}
              />
              {series.map((point) => (
                <circle
                  key={`${point.date}-${point.yesCount}`}
                  cx={x(point.date)}
                  cy={y(point.yesCount)}
                  r={4}
                  fill={colour}
                />
              ))}
            </g>
          );
        })}
        {ends.map((date, index) => (
          <text
            key={date}
            x={x(date)}
            y={height - 8}
            fontSize="11"
            textAnchor={ends.length === 1 ? 'middle' : index === 0 ? 'start' : 'end'}
            fill="#495057"
          >
            {shortDate(date)}
          </text>
        ))}
      </svg>
      <Group gap="md" component="figcaption">
        {sides.map((side) => (
          <Group key={side} gap={6}>
            <span
              aria-hidden
              style={{
                width: 12,
                height: 3,
                background: SIDE_COLOURS[side] ?? 'gray',
                display: 'inline-block',
              }}
            />
            <Text size="xs">{t(`side.${side}`, { defaultValue: side })}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}

function SectionBTable({ points }: { points: SectionPoint[] }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={t('children.sectionB')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('children.date')}</Table.Th>
          <Table.Th>{t('children.side')}</Table.Th>
          <Table.Th ta="right">{t('children.yes')}</Table.Th>
          <Table.Th ta="right">{t('children.unknown')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...points]
          .sort((a, b) => b.date.localeCompare(a.date))
          .map((point) => (
            <Table.Tr key={`${point.date}-${point.side}-${point.yesCount}`}>
              <Table.Td>{formatDay(i18n.language, point.date)}</Table.Td>
              <Table.Td>{t(`side.${point.side}`, { defaultValue: point.side })}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {point.yesCount}
              </Table.Td>
              <Table.Td ta="right">{point.unknownCount}</Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}

function ChildCard({
  child,
  jointCaseId,
  data,
  session,
  assesses,
  childNames,
  agencyName,
}: {
  child: Child;
  jointCaseId: string;
  data: ChildrenViewData;
  session: SessionView | null | undefined;
  assesses: boolean;
  childNames: Map<string, string>;
  agencyName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const [recording, setRecording] = useState(false);
  const name = `${child.firstName} ${child.lastName}`.trim();
  const actions = data.actions.filter((action) => action.childPersonId === child.id);
  const assessments = data.assessments.filter((assessment) => assessment.childPersonId === child.id);
  const headingId = `child-${child.id}`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {name}
          </Title>
          {child.dateOfBirth && (
            <Text size="sm" c="dimmed">
              {t('children.born', { date: formatDay(i18n.language, child.dateOfBirth) })}
            </Text>
          )}
        </div>
        {assesses && !recording && (
          <Button variant="light" onClick={() => setRecording(true)}>
            {t('assessment.record')}
          </Button>
        )}
      </Group>
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('children.actions')}
          </Title>
          <ActionPlanTable
            jointCaseId={jointCaseId}
            actions={actions}
            childNames={childNames}
            agencyName={agencyName}
            canEdit={Boolean(session?.abilities.casework)}
          />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>
            {t('children.assessments')}
          </Title>
          {session?.user.side === 'perpetrator' ? (
            <Text size="sm" c="dimmed">
              {t('children.ppNote')}
            </Text>
          ) : assessments.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('children.noAssessments')}
            </Text>
          ) : (
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.assessedOn')}</Table.Th>
                  <Table.Th>{t('assessment.consentFrom')}</Table.Th>
                  <Table.Th>{t('assessment.supportPerson')}</Table.Th>
                  <Table.Th>{t('assessment.professional')}</Table.Th>
                  <Table.Th>{t('assessment.principles')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.map((assessment) => (
                  <Table.Tr key={assessment.id}>
                    <Table.Td>{formatDay(i18n.language, assessment.assessedOn)}</Table.Td>
                    <Table.Td>{t(`assessment.consent.${assessment.parentConsentFrom}`)}</Table.Td>
                    <Table.Td>{assessment.supportPerson ?? '—'}</Table.Td>
                    <Table.Td>
                      {assessment.professionalGenderChosen
                        ? t(`assessment.gender.${assessment.professionalGenderChosen}`, {
                            defaultValue: assessment.professionalGenderChosen,
                          })
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Badge color="teal" variant="light" leftSection="✓">
                        {t('assessment.followed')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
        {assesses && recording && (
          <AssessmentForm jointCaseId={jointCaseId} child={child} onDone={() => setRecording(false)} />
        )}
      </Stack>
    </Card>
  );
}

const CONSENT_FROM = ['mother', 'father', 'both', 'court'] as const;
const GENDERS = ['female', 'male', 'no_preference'] as const;
const CONFIRMATIONS = ['childInformed', 'childToldMayWithdraw', 'childToldHowRecorded'] as const;
type Confirmation = (typeof CONFIRMATIONS)[number];

/**
 * How a child was assessed, with the principles as required confirmations: the parent's
 * informed consent first; the child told about the topics, free to stop at any time and to
 * refuse to answer, and told how answers are recorded; a support person of the child's choosing;
 * the professional's gender chosen by the child.
 */
function AssessmentForm({
  jointCaseId,
  child,
  onDone,
}: {
  jointCaseId: string;
  child: Child;
  onDone: () => void;
}) {
  const { t } = useTranslation(MEETINGS_NS);
  const record = useRecordChildAssessment(jointCaseId);
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [consent, setConsent] = useState<(typeof CONSENT_FROM)[number] | ''>('');
  const [confirmed, setConfirmed] = useState<Confirmation[]>([]);
  const [supportPerson, setSupportPerson] = useState('');
  const [gender, setGender] = useState<(typeof GENDERS)[number]>('no_preference');
  const [needs, setNeeds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFields(record.error);
  const error = (path: string) => errors[path] ?? server[path];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!assessedOn) found.assessedOn = t('assessment.errors.date');
    if (!consent) found.parentConsentFrom = t('assessment.errors.consent');
    for (const confirmation of CONFIRMATIONS)
      if (!confirmed.includes(confirmation)) found[confirmation] = t(`assessment.errors.${confirmation}`);
    setErrors(found);
    if (!consent || Object.keys(found).length > 0) return;
    try {
      await record.mutateAsync({
        childId: child.id,
        jointCaseId,
        assessedOn,
        parentConsentFrom: consent,
        childInformed: true,
        childToldMayWithdraw: true,
        childToldHowRecorded: true,
        ...(supportPerson.trim() && { supportPerson: supportPerson.trim() }),
        professionalGenderChosen: gender,
        ...(needs.trim() && { needsConsidered: needs.trim() }),
      });
      notifications.show({ color: 'teal', message: t('assessment.saved') });
      onDone();
    } catch {
      // shown by the alert and under the fields
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('assessment.formLabel', { name: child.firstName })}>
      <Stack gap="sm" p="md" style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 8 }}>
        <Title order={3} size="h5">
          {t('assessment.title')}
        </Title>
        <FormAlert
          error={record.error}
          shownFields={['assessedOn', 'parentConsentFrom', ...CONFIRMATIONS, 'supportPerson']}
        />
        <TextInput
          type="date"
          label={t('assessment.assessedOn')}
          value={assessedOn}
          max={todayIso()}
          onChange={(event) => setAssessedOn(event.currentTarget.value)}
          error={error('assessedOn')}
          required
          w={200}
        />
        <Radio.Group
          label={t('assessment.consentFrom')}
          description={t('assessment.consentHint')}
          value={consent}
          onChange={(value) => setConsent(value as (typeof CONSENT_FROM)[number])}
          error={error('parentConsentFrom')}
          withAsterisk
        >
          <Group gap="md" mt={6}>
            {CONSENT_FROM.map((value) => (
              <Radio key={value} value={value} label={t(`assessment.consent.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Stack gap={6} role="group" aria-label={t('assessment.principles')}>
          <Text size="sm" fw={700}>
            {t('assessment.principlesIntro')}
          </Text>
          {CONFIRMATIONS.map((confirmation) => (
            <Checkbox
              key={confirmation}
              label={t(`assessment.confirm.${confirmation}`)}
              checked={confirmed.includes(confirmation)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setConfirmed((current) =>
                  checked ? [...current, confirmation] : current.filter((value) => value !== confirmation),
                );
              }}
              error={error(confirmation)}
              required
            />
          ))}
        </Stack>
        <TextInput
          label={t('assessment.supportPerson')}
          description={t('assessment.supportPersonHint')}
          value={supportPerson}
          onChange={(event) => setSupportPerson(event.currentTarget.value)}
          error={error('supportPerson')}
          maxLength={200}
          maw={420}
        />
        <Stack gap={4}>
          <Text size="sm" fw={700} id={`gender-${child.id}`}>
            {t('assessment.professional')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('assessment.professionalHint')}
          </Text>
          <SegmentedControl
            aria-labelledby={`gender-${child.id}`}
            value={gender}
            onChange={(value) => setGender(value as (typeof GENDERS)[number])}
            data={GENDERS.map((value) => ({ value, label: t(`assessment.gender.${value}`) }))}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        <Textarea
          label={t('assessment.needs')}
          description={t('assessment.needsHint')}
          value={needs}
          onChange={(event) => setNeeds(event.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('assessment.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('assessment.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
