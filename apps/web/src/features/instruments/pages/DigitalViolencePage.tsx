import { Alert, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { DigitalViolenceView, InstrumentDefinition } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { useDefinitions, useDigitalViolence, useRecordResponse } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { InstrumentForm } from '../components/InstrumentForm';
import { Loading, notifySaved } from '../components/parts';
import { itemsOf, localized } from '../logic';

const INSTRUMENT_ID = 'digital-violence-identification';

/**
 * Her digital-violence identification (instruments/digital-violence-identification.v2.json):
 * her service answers it; the "yes" answers draw the first steps of her IT safety plan. The
 * server answers anyone else with its 404; the form is offered where `can.record` says so.
 */
export function DigitalViolencePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const view = useDigitalViolence(id);
  const definitions = useDefinitions();
  const record = useRecordResponse(id);
  const definition = definitions.data?.find((candidate) => candidate.id === INSTRUMENT_ID);

  return (
    <CaseFrame
      jointCaseId={id}
      active="digital-violence"
      title={(caseNumber) => t('digitalViolence.title', { case: caseNumber })}
    >
      <Loading query={view}>
        {view.data && (
          <Stack gap="lg">
            <Alert color="blue" variant="light">
              {t('digitalViolence.intro')}
            </Alert>
            <Group>
              <Button
                component={Link}
                to={`/victims/${view.data.herId}/it-safety-plan`}
                variant="light"
                color="grape"
              >
                {t('digitalViolence.toPlan')}
              </Button>
            </Group>
            <Past view={view.data} definition={definition} />
            {view.data.can.record && definition && (
              <Card withBorder component="section" aria-label={t('digitalViolence.answer')}>
                <Title order={2} size="h3" mb="sm">
                  {t('digitalViolence.answer')}
                </Title>
                <InstrumentForm
                  key={view.data.identifications[0]?.id ?? 'first'}
                  definition={definition}
                  sources={[]}
                  jointCaseId={id}
                  onSubmit={(body) => record.mutateAsync(body)}
                  onSaved={() => notifySaved(t('digitalViolence.saved'))}
                  onCancel={() => record.reset()}
                  submitting={record.isPending}
                  error={record.error}
                />
              </Card>
            )}
          </Stack>
        )}
      </Loading>
    </CaseFrame>
  );
}

/** Her past identifications, newest first: the date, the level, and what was answered "yes". */
function Past({ view, definition }: { view: DigitalViolenceView; definition?: InstrumentDefinition }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const levelLabel = (level: string | null) => {
    const found = definition?.levels?.find((candidate) => candidate.id === level);
    return found ? localized(found.label, i18n.language) : t('level.none');
  };
  const yesOf = (answers: DigitalViolenceView['identifications'][number]['answers']) =>
    definition ? itemsOf(definition).filter((item) => answers[item.id]?.value === 'yes') : [];
  return (
    <Card withBorder component="section" aria-labelledby="dv-past">
      <Title order={2} size="h4" mb="xs" id="dv-past">
        {t('digitalViolence.past')}
      </Title>
      {view.identifications.length === 0 ? (
        <Text size="sm">{t('digitalViolence.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('digitalViolence.completedOn')}</Table.Th>
              <Table.Th>{t('digitalViolence.result')}</Table.Th>
              <Table.Th>{t('digitalViolence.yes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.identifications.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{formatDate(i18n.language, row.completedOn)}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Badge variant="light" color="grape">
                      {levelLabel(row.level)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {t('digitalViolence.count', { count: row.score ?? 0 })}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <List size="sm">
                    {yesOf(row.answers).map((item) => (
                      <List.Item key={item.id}>{localized(item.text, i18n.language)}</List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
