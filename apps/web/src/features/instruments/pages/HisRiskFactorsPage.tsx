import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { HisRiskFactorsView, InstrumentDefinition } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { useDefinitions, useHisRiskFactors, useRecordResponse } from '../api';
import { CaseFrame } from '../components/CaseFrame';
import { InstrumentForm } from '../components/InstrumentForm';
import { Loading, notifySaved } from '../components/parts';
import { itemsOf, localized } from '../logic';

/**
 * His risk factors (instruments/his-risk-factors.v1.json): his programme answers them; both
 * sides see what they raised. The form is offered only where the server's `can.record` says so.
 */
export function HisRiskFactorsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(INSTRUMENTS_NS);
  const view = useHisRiskFactors(id);
  const definitions = useDefinitions();
  const record = useRecordResponse(id);
  const definition = definitions.data?.find((candidate) => candidate.id === view.data?.instrumentId);

  return (
    <CaseFrame
      jointCaseId={id}
      active="his-risk-factors"
      title={(caseNumber) => t('hisRiskFactors.title', { case: caseNumber })}
    >
      <Loading query={view}>
        {view.data && (
          <Stack gap="lg">
            <Alert color="blue" variant="light">
              {t('hisRiskFactors.intro')}
            </Alert>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Latest view={view.data} definition={definition} />
              <Raised view={view.data} />
            </SimpleGrid>
            {view.data.can.record && definition && (
              <Card withBorder component="section" aria-label={t('hisRiskFactors.answer')}>
                <Title order={2} size="h3" mb="sm">
                  {t('hisRiskFactors.answer')}
                </Title>
                <InstrumentForm
                  key={view.data.latest?.id ?? 'first'}
                  definition={definition}
                  sources={[]}
                  jointCaseId={id}
                  onSubmit={(body) => record.mutateAsync(body)}
                  onSaved={() => notifySaved(t('hisRiskFactors.saved'))}
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

function Latest({ view, definition }: { view: HisRiskFactorsView; definition?: InstrumentDefinition }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const latest = view.latest;
  const yesItems = definition
    ? itemsOf(definition).filter((item) => latest?.answers[item.id]?.value === 'yes')
    : [];
  return (
    <Card withBorder component="section" aria-label={t('hisRiskFactors.yesItems')}>
      <Title order={2} size="h4" mb="xs">
        {latest
          ? t('hisRiskFactors.latest', { date: formatDate(i18n.language, latest.completedOn) })
          : t('hisRiskFactors.yesItems')}
      </Title>
      {!latest ? (
        <Text size="sm">{t('hisRiskFactors.none')}</Text>
      ) : yesItems.length === 0 ? (
        <Text size="sm">{t('hisRiskFactors.noYes')}</Text>
      ) : (
        <List size="sm">
          {yesItems.map((item) => (
            <List.Item key={item.id}>{localized(item.text, i18n.language)}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function Raised({ view }: { view: HisRiskFactorsView }) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const { actions, events } = view.raised;
  return (
    <>
      <Card withBorder component="section" aria-label={t('hisRiskFactors.actions')}>
        <Title order={2} size="h4" mb="xs">
          {t('hisRiskFactors.actions')}
        </Title>
        {actions.length === 0 ? (
          <Text size="sm">{t('hisRiskFactors.noActions')}</Text>
        ) : (
          <List size="sm">
            {actions.map((action) => (
              <List.Item key={action.id}>
                {action.action}{' '}
                <Text span size="xs" c="dimmed">
                  {t('hisRiskFactors.due', { date: formatDate(i18n.language, action.term) })}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder component="section" aria-label={t('hisRiskFactors.events')}>
        <Title order={2} size="h4" mb="xs">
          {t('hisRiskFactors.events')}
        </Title>
        {events.length === 0 ? (
          <Text size="sm">{t('hisRiskFactors.noEvents')}</Text>
        ) : (
          <List size="sm">
            {events.map((event) => (
              <List.Item key={event.id}>
                {event.description}{' '}
                <Text span size="xs" c="dimmed">
                  {formatDate(i18n.language, event.occurredOn)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </>
  );
}
