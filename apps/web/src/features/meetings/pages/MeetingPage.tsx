import { Accordion, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { AGENDA_ITEMS, type AgendaItemName, type MeetingView, type SessionView } from '@tandem/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLiveUpdates } from '../../../api/live';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { HerDetailsDialog, useHerDetailsCheck } from '../../../components/forms/herDetails';
import { Loading } from '../../../components/PageParts';
import { useSession } from '../../auth/session';
import { useCaseTeam, useMeeting, useRefreshCase, useUpdateAgendaItem } from '../api';
import { ActionPlanItem, useActionPlanHeadline } from '../components/agenda/ActionPlanItem';
import type { AgendaContext, JointMeetingField } from '../components/agenda/context';
import { ImpactItem, useImpactHeadline } from '../components/agenda/ImpactItem';
import { QualitativeItem } from '../components/agenda/QualitativeItem';
import { RecidivismItem, useRecidivismHeadline } from '../components/agenda/RecidivismItem';
import { RiskItem, useRiskHeadline } from '../components/agenda/RiskItem';
import { AgendaDecision, type AgendaDecisionBody } from '../components/meeting/AgendaDecision';
import { ClosedSection } from '../components/meeting/ClosedSection';
import { CloseSection } from '../components/meeting/CloseSection';
import { MeetingHeader } from '../components/meeting/MeetingHeader';
import { ProposalSection } from '../components/meeting/ProposalSection';

type AgendaEntry = MeetingView['agenda'][number];

const ITEM_BODIES: Record<AgendaItemName, (props: { context: AgendaContext }) => ReactNode> = {
  joint_risk_assessment: RiskItem,
  recidivism: RecidivismItem,
  individual_change: ImpactItem,
  qualitative_elements: QualitativeItem,
  joint_action_plan: ActionPlanItem,
};

/** One screen runs the whole Phase 2 meeting: the five compulsory items, attendance, minutes, close. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  const session = useSession().data;
  return (
    <Stack maw={1200}>
      <Loading query={meeting}>
        {meeting.data && session && <MeetingScreen meeting={meeting.data} session={session} />}
      </Loading>
    </Stack>
  );
}

function MeetingScreen({ meeting, session }: { meeting: MeetingView; session: SessionView }) {
  const { t } = useTranslation(MEETINGS_NS);
  const team = useCaseTeam(meeting);
  const refreshCase = useRefreshCase();
  const update = useUpdateAgendaItem(meeting);
  const herDetails = useHerDetailsCheck();
  const planned = meeting.status === 'planned';
  // Only the case's case managers and its partner-contact worker run it: the meeting says who may.
  const canRun = planned && meeting.can.updateAgenda;
  const [openItems, setOpenItems] = useState<string[]>(() =>
    planned ? meeting.agenda.filter((entry) => entry.status === 'open').map((entry) => entry.item) : [],
  );
  const [incomplete, setIncomplete] = useState<string[]>([]);
  const refresh = () => refreshCase(meeting.jointCaseId, meeting.id);
  // What the other case manager records appears here within a second or two, without a click.
  useLiveUpdates([`meeting:${meeting.id}`, `case:${meeting.jointCaseId}`], refresh);
  const seen = (field: JointMeetingField) => meeting.seenByProgramme.includes(field);
  const decide = async (
    item: AgendaItemName,
    body: AgendaDecisionBody,
    confirmed = false,
    keepOpen = false,
  ) => {
    // Text she was already asked about (e.g. the agreed level's rationale) is not asked about again.
    await (confirmed
      ? update.mutateAsync({ item, ...body, confirmHerDetails: true })
      : herDetails.send((confirmHerDetails) => update.mutateAsync({ item, ...body, confirmHerDetails })));
    if (!keepOpen) setOpenItems((current) => current.filter((open) => open !== item));
    setIncomplete((current) => current.filter((open) => open !== item));
  };
  const address: AgendaContext['address'] = (item, notes, confirmed, keepOpen) =>
    decide(item, { status: 'addressed', ...(notes && { notes }) }, confirmed, keepOpen);
  const context: AgendaContext = { meeting, session, canRun, refresh, address, herDetails, seen };
  const headlines: Partial<Record<AgendaItemName, string | null>> = {
    joint_risk_assessment: useRiskHeadline(meeting.jointCaseId),
    recidivism: useRecidivismHeadline(meeting.jointCaseId),
    individual_change: useImpactHeadline(meeting.jointCaseId),
    qualitative_elements: t('qualitative.headline', {
      count: meeting.qualitativeNotes.length + meeting.victimSideNotes.length,
    }),
    joint_action_plan: useActionPlanHeadline(meeting.jointCaseId),
  };
  const done = meeting.agenda.filter((entry) => entry.status !== 'open').length;

  return (
    <Stack gap="lg">
      <MeetingHeader meeting={meeting} placeSeen={seen('place')} onRefresh={refresh} />

      {meeting.status === 'proposed' && <ProposalSection meeting={meeting} />}

      {planned && (
        <Group gap="xs" aria-label={t('meeting.progressLabel')} role="group">
          <Text size="sm" fw={600}>
            {t('meeting.progress', { done, total: meeting.agenda.length })}
          </Text>
          {meeting.agenda.map((entry, index) => (
            <Badge
              key={entry.item}
              component="a"
              href={`#agenda-${entry.item}`}
              onClick={() =>
                setOpenItems((current) => (current.includes(entry.item) ? current : [...current, entry.item]))
              }
              variant={entry.status === 'open' ? 'outline' : 'light'}
              color={incomplete.includes(entry.item) ? 'red' : statusColour(entry.status)}
              style={{ cursor: 'pointer' }}
            >
              {index + 1}. {t(`agenda.${entry.item}.short`)}
            </Badge>
          ))}
        </Group>
      )}

      <Accordion
        multiple
        variant="separated"
        radius="md"
        value={openItems}
        onChange={setOpenItems}
        chevronPosition="left"
      >
        {AGENDA_ITEMS.map((item, index) => {
          const entry = meeting.agenda.find((candidate) => candidate.item === item);
          if (!entry) return null;
          const Body = ITEM_BODIES[item];
          const flagged = incomplete.includes(item);
          return (
            <Accordion.Item
              key={item}
              value={item}
              id={`agenda-${item}`}
              style={flagged ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
            >
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap" justify="space-between" pr="sm">
                  <div>
                    <Title order={2} size="h5">
                      {index + 1}. {t(`agenda.${item}.title`)}
                    </Title>
                    <Text size="xs" c="dimmed">
                      {planned
                        ? headlines[item]
                        : entry.status === 'deferred'
                          ? entry.deferredReason
                          : entry.notes}
                    </Text>
                  </div>
                  <StatusBadge status={entry.status} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {flagged && (
                    <Text c="red.8" size="sm" fw={600} role="alert">
                      {t('close.itemOpen')}
                    </Text>
                  )}
                  {planned && (
                    <Text size="sm" c="dimmed">
                      {t(`agenda.${item}.description`)}
                    </Text>
                  )}
                  {(planned || item === 'qualitative_elements') && <Body context={context} />}
                  <AgendaDecision
                    entry={entry}
                    canRun={canRun}
                    seen={seen('agenda.notes')}
                    onSave={(body) => decide(item, body)}
                    saving={update.isPending && update.variables?.item === item}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>

      {planned ? (
        meeting.can.close && (
          <CloseSection
            meeting={meeting}
            team={team.team}
            session={session}
            herDetails={herDetails}
            seen={seen}
            onIncomplete={(items) => {
              setIncomplete(items);
              setOpenItems((current) => [...new Set([...current, ...items])]);
            }}
          />
        )
      ) : (
        <ClosedSection meeting={meeting} seen={seen} />
      )}
      <HerDetailsDialog
        check={herDetails}
        labels={{
          notes: t('decision.notes'),
          minutes: t('close.minutes'),
          decisions: t('close.decisions'),
          place: t('call.place'),
          rationale: t('risk.rationale'),
        }}
      />
    </Stack>
  );
}

const statusColour = (status: AgendaEntry['status']) =>
  status === 'addressed' ? 'teal' : status === 'deferred' ? 'orange' : 'gray';

function StatusBadge({ status }: { status: AgendaEntry['status'] }) {
  const { t } = useTranslation(MEETINGS_NS);
  return (
    <Badge
      color={statusColour(status)}
      variant={status === 'open' ? 'outline' : 'light'}
      leftSection={status === 'addressed' ? '✓' : undefined}
      style={{ flexShrink: 0 }}
    >
      {t(`itemStatus.${status}`)}
    </Badge>
  );
}
