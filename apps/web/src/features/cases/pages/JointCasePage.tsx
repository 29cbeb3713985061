import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { JointCaseView } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Empty, Facts, Loading, Section, SubTitle } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { PrintButton } from '../../../components/PrintButton';
import { useSession } from '../../auth/session';
import { DutyItem } from '../../duties/components/DutyItem';
import { CaseToolLinks } from '../../instruments/components/CaseToolLinks';
import { CaseMeetingLinks } from '../../meetings/components/CaseMeetingLinks';
import { CriticalEventForm } from '../../programme/components/CriticalEventForm';
import { useJointCase } from '../api';
import { HerSide, HisSide } from '../components/CaseSides';
import { CloseCaseModal } from '../components/CloseCaseModal';
import { InformalContacts } from '../components/InformalContacts';

/**
 * The joint case: both paths side by side, as far as the policy lets this user see them. Every
 * section is drawn only from what the API returned; nothing is inferred about what is hidden.
 */
export function JointCasePage() {
  const { id } = useParams();
  const jointCase = useJointCase(id);
  return (
    <Stack maw={1300}>
      <Loading query={jointCase}>{jointCase.data && <CaseBody view={jointCase.data} />}</Loading>
    </Stack>
  );
}

function CaseBody({ view }: { view: JointCaseView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const [closing, setClosing] = useState(false);
  const sides = [view.perpetratorSide, view.victimSide].filter(Boolean).length;
  // Her service may record an event as hers (it then stays on her side).
  const herId = session?.abilities.supportVictims ? view.victimSide?.person.id : undefined;
  // Each duty comes with her contact hints and what this user may do with it.
  const duties = view.duties;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('jointCase.documentTitle', { number: view.caseNumber })}>
            {t('jointCase.title', { number: view.caseNumber })}
          </PageTitle>
          <Group gap="xs" mt={-8}>
            <Badge variant="light" color={view.status === 'open' ? 'teal' : 'gray'}>
              {t(`enums.caseStatus.${view.status}`)}
            </Badge>
            {view.reassessmentDueSince && (
              <Badge variant="filled" color="orange">
                {t('jointCase.reassessmentSince', {
                  date: formatDate(i18n.language, view.reassessmentDueSince),
                })}
              </Badge>
            )}
          </Group>
        </div>
        <Group gap="sm">
          <PrintButton />
          {view.status === 'open' && view.can.close && (
            <Button variant="default" color="red" onClick={() => setClosing(true)}>
              {t('jointCase.close')}
            </Button>
          )}
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md">
        <Facts
          items={[
            [t('jointCase.ppCaseManager'), view.ppCaseManager],
            [t('jointCase.vssCaseManager'), view.vssCaseManager],
            [t('jointCase.partnerContactWorker'), view.partnerContactWorker],
            [t('jointCase.youSee'), view.myAccess.map((kind) => t(`enums.kind.${kind}`)).join('; ')],
          ]}
        />
      </Paper>

      <CaseToolLinks jointCaseId={view.id} identifyDigitalViolence={view.can.identifyDigitalViolence} />
      <CaseMeetingLinks jointCaseId={view.id} />

      {sides > 0 && (
        <SimpleGrid cols={{ base: 1, lg: sides }} spacing="lg">
          {view.perpetratorSide && <HisSide episode={view.perpetratorSide} />}
          {view.victimSide && <HerSide file={view.victimSide} contacts={view.partnerContacts} />}
        </SimpleGrid>
      )}

      {view.children.length > 0 && (
        <Section
          id="case-children"
          title={t('jointCase.children')}
          actions={
            <Anchor component={Link} to={`/joint-cases/${view.id}/children`} size="sm">
              {t('jointCase.childrenPage')}
            </Anchor>
          }
        >
          <List size="sm">
            {view.children.map((child) => (
              <List.Item key={child.id}>
                {child.firstName} {child.lastName}
                {child.dateOfBirth ? ` (${formatDate(i18n.language, child.dateOfBirth)})` : ''}
                {child.contact?.childrensSchool ? ` · ${child.contact.childrensSchool}` : ''}
              </List.Item>
            ))}
          </List>
        </Section>
      )}

      {duties.length > 0 && (
        <Section id="case-duties" title={t('jointCase.duties')} description={t('home.duties.description')}>
          {duties.map((duty) => (
            <DutyItem key={duty.id} duty={duty} />
          ))}
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Section id="case-events" title={t('jointCase.events')} description={t('jointCase.eventsHint')}>
          {view.events.length === 0 ? (
            <Empty>{t('jointCase.noEvents')}</Empty>
          ) : (
            [...view.events].reverse().map((event) => (
              <Paper key={event.id} withBorder p="sm" radius="sm" component="article">
                <Group justify="space-between">
                  <Text size="sm" fw={600}>
                    {event.trigger ? t('jointCase.triggerFired') : t(`enums.eventKind.${event.kind}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(i18n.language, event.occurredOn)}
                  </Text>
                </Group>
                {event.trigger ? (
                  <Text size="sm">
                    {t(`jointCase.triggerReason.${event.trigger.facts.rule}`, {
                      ...event.trigger.facts,
                      defaultValue: event.description,
                    })}
                  </Text>
                ) : (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.description}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {t('jointCase.eventSource', {
                    source: t(`enums.source.${event.source}`),
                    side: t(`enums.side.${event.recordedBySide}`, { defaultValue: event.recordedBySide }),
                  })}
                </Text>
              </Paper>
            ))
          )}
          {view.status === 'open' && view.perpetratorSide && view.can.recordEvent && (
            // A form to record a new event is of no use on paper (app/print.css).
            <div data-print="hide">
              <SubTitle>{t('events.title')}</SubTitle>
              <CriticalEventForm episodeId={view.perpetratorSide.id} herId={herId} jointCaseId={view.id} />
            </div>
          )}
        </Section>
        <Stack gap="lg">
          <Section id="case-shared" title={t('jointCase.shared')} description={t('jointCase.sharedHint')}>
            {view.sharedItems.length === 0 ? (
              <Empty>{t('jointCase.noShared')}</Empty>
            ) : (
              view.sharedItems.map((item) => (
                <Paper key={item.id} withBorder p="sm" radius="sm" component="article">
                  <Group justify="space-between">
                    <Badge variant="light" color={item.attribution === 'her' ? 'grape' : 'gray'}>
                      {t(`jointCase.attribution.${item.attribution}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatDate(i18n.language, item.sharedOn)}
                    </Text>
                  </Group>
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {item.content}
                  </Text>
                </Paper>
              ))
            )}
          </Section>
          <InformalContacts view={view} />
        </Stack>
      </SimpleGrid>

      <CloseCaseModal view={view} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}
