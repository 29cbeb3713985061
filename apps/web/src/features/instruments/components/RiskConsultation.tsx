import { Alert, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { ConsultationCreate, type InstrumentDefinition, type JointRiskView } from '@tandem/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { SeenByProgramme, seenDescription } from '../../../components/SeenByProgramme';
import { useRecordConsultation } from '../api';
import { todayIso } from '../logic';
import { Block, Empty, formatDate, levelLabel, notifySaved } from './parts';

/**
 * When the two sides diverge: each pair of checklists over time (as the server lets this reader
 * see them) and, while the latest pair differs by a level or more, consulting the other agencies
 * of the case-level agreement — whom, what they said, the level agreed after.
 */
export function RiskConsultation({
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
  const levels = definition.levels;
  const agencyName = (id: string, name: string | null) => name ?? id;
  return (
    <Block
      id="divergence"
      title={t('consult.divergenceTitle')}
      description={t('consult.divergenceDescription')}
    >
      <Stack gap="md">
        {view.divergence.length === 0 ? (
          <Empty>{t('consult.noPairs')}</Empty>
        ) : (
          <Table data-testid="divergence-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('chart.date')}</Table.Th>
                <Table.Th>{t('series.perpetratorSide')}</Table.Th>
                <Table.Th>{t('series.victimSide')}</Table.Th>
                <Table.Th>{t('consult.difference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.divergence.map((pair) => (
                <Table.Tr key={pair.date}>
                  <Table.Td>{formatDate(language, pair.date)}</Table.Td>
                  <Table.Td>{levelLabel(levels, pair.perpetratorSide, language)}</Table.Td>
                  <Table.Td>{levelLabel(levels, pair.victimSide, language)}</Table.Td>
                  <Table.Td>{differenceLabel(t, pair.difference)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {view.consultation.proposed && (
          <Alert
            color="orange"
            variant="light"
            title={t('consult.proposedTitle')}
            data-testid="consult-proposed"
          >
            {t('consult.proposedBody')}
          </Alert>
        )}
        {view.consultation.records.length > 0 && (
          <Stack gap="xs" data-testid="consultations">
            <Group gap="xs">
              <Text fw={600}>{t('consult.recordsTitle')}</Text>
              <SeenByProgramme />
            </Group>
            {view.consultation.records.map((record) => (
              <Text size="sm" key={record.id} style={{ whiteSpace: 'pre-wrap' }}>
                {t('consult.record', {
                  agency: agencyName(record.agency.id, record.agency.name),
                  date: formatDate(language, record.consultedOn),
                })}{' '}
                {record.reply}
                {record.agreedLevel &&
                  ` — ${t('consult.agreedAfter', {
                    level: levelLabel(levels, record.agreedLevel.level, language),
                    date: formatDate(language, record.agreedLevel.agreedOn),
                  })}`}
              </Text>
            ))}
          </Stack>
        )}
        {view.consultation.proposed && view.can.recordConsultation && (
          <ConsultationForm jointCaseId={jointCaseId} view={view} levels={levels} />
        )}
      </Stack>
    </Block>
  );
}

function differenceLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  difference: number | null,
) {
  if (difference === null) return '—';
  if (difference === 0) return t('consult.same');
  return t(difference < 0 ? 'consult.lower' : 'consult.higher', { count: Math.abs(difference) });
}

function ConsultationForm({
  jointCaseId,
  view,
  levels,
}: {
  jointCaseId: string;
  view: JointRiskView;
  levels: InstrumentDefinition['levels'];
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const language = i18n.language;
  const record = useRecordConsultation(jointCaseId);
  const herDetails = useHerDetailsCheck();
  const today = todayIso();
  const schema = useMemo(
    () =>
      ConsultationCreate.refine((value) => value.consultedOn <= today, {
        path: ['consultedOn'],
        message: t('form.errors.future'),
      }),
    [today, t],
  );
  const agreed = view.agreed;
  const form = useSchemaForm({
    schema,
    initialValues: { agencyId: '', consultedOn: today, reply: '', agreedLevelId: '' },
    onSubmit: async (body) => {
      await herDetails.send((confirmHerDetails) => record.mutateAsync({ ...body, confirmHerDetails }));
      form.setValues({ agencyId: '', reply: '' });
      notifySaved(t('consult.saved'));
    },
  });
  return (
    <form onSubmit={form.submit} noValidate aria-label={t('consult.formTitle')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('consult.agency')}
          {...form.getInputProps('agencyId')}
          data={[
            { value: '', label: t('consult.chooseAgency') },
            ...view.consultation.agencies.map((agency) => ({ value: agency.id, label: agency.name })),
          ]}
          required
          maw={360}
        />
        <DateField
          label={t('consult.consultedOn')}
          {...form.getInputProps('consultedOn')}
          max={today}
          required
        />
        <Textarea
          label={t('consult.reply')}
          description={seenDescription(t('consult.replyHint'))}
          {...form.getInputProps('reply')}
          required
          autosize
          minRows={2}
          maxLength={4000}
        />
        {agreed && (
          <NativeSelect
            label={t('consult.agreedLevel')}
            {...form.getInputProps('agreedLevelId')}
            data={[
              { value: '', label: t('consult.noAgreedLevel') },
              {
                value: agreed.id,
                label: t('consult.agreedAfter', {
                  level: levelLabel(levels, agreed.level, language),
                  date: formatDate(language, agreed.agreedOn),
                }),
              },
            ]}
            maw={360}
          />
        )}
        <SchemaFormAlert form={form} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('consult.submit')}
          </Button>
        </Group>
      </Stack>
      <HerDetailsDialog check={herDetails} labels={{ reply: t('consult.reply') }} />
    </form>
  );
}
