import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  InformalContactCreate,
  type JointCaseView,
  type PpEpisodeView,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { keys, useJointCase, useRefreshCasework } from '../../casework/api';
import { CriticalEventForm } from '../../casework/CriticalEventForm';
import {
  DateField,
  Empty,
  Facts,
  Loading,
  OutcomeBadge,
  PpStatusBadge,
  Section,
  SubTitle,
  VictimSideOnly,
} from '../../casework/components';
import { DutyItem } from '../../casework/DutyItem';
import { formatDate, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import type { Created } from '../../casework/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { CaseToolLinks } from '../../instruments/CaseToolLinks';
import { CaseMeetingLinks } from '../../meetings/CaseMeetingLinks';

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
  const queryClient = useQueryClient();
  const refresh = useRefreshCasework();
  const [closing, setClosing] = useState(false);
  const close = useMutation({
    mutationFn: () => api.post<JointCaseView>(`/api/joint-cases/${view.id}/close`),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.jointCase(view.id), updated);
      refresh();
      setClosing(false);
      notifications.show({ color: 'indigo', message: t('jointCase.closed', { number: view.caseNumber }) });
    },
  });
  const roles = session?.user.roles ?? [];
  const mayClose =
    view.status === 'open' && (roles.includes('pp_case_manager') || roles.includes('vss_case_manager'));
  const sides = [view.perpetratorSide, view.victimSide].filter(Boolean).length;
  const herId = session?.user.side === 'victim' ? view.victimSide?.person.id : undefined;

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
        {mayClose && (
          <Button variant="default" color="red" onClick={() => setClosing(true)}>
            {t('jointCase.close')}
          </Button>
        )}
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

      <CaseToolLinks jointCaseId={view.id} />
      <CaseMeetingLinks jointCaseId={view.id} />

      {sides > 0 && (
        <SimpleGrid cols={{ base: 1, lg: sides }} spacing="lg">
          {view.perpetratorSide && <HisSide episode={view.perpetratorSide} />}
          {view.victimSide && <HerSide file={view.victimSide} contacts={view.partnerContacts} />}
        </SimpleGrid>
      )}

      {view.children.length > 0 && (
        <Section id="case-children" title={t('jointCase.children')}>
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

      {view.duties.length > 0 && (
        <Section id="case-duties" title={t('jointCase.duties')} description={t('home.duties.description')}>
          {view.duties.map((duty) => (
            <DutyItem key={duty.id} duty={duty} canResolve={Boolean(session?.abilities.supportVictims)} />
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
                    {t(`enums.eventKind.${event.kind}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(i18n.language, event.occurredOn)}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {event.description}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('jointCase.eventSource', {
                    source: t(`enums.source.${event.source}`),
                    side: t(`enums.side.${event.recordedBySide}`, { defaultValue: event.recordedBySide }),
                  })}
                </Text>
              </Paper>
            ))
          )}
          {view.status === 'open' && view.perpetratorSide && (
            <>
              <SubTitle>{t('events.title')}</SubTitle>
              <CriticalEventForm episodeId={view.perpetratorSide.id} herId={herId} jointCaseId={view.id} />
            </>
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

      <ConfirmModal
        opened={closing}
        title={t('jointCase.closeTitle', { number: view.caseNumber })}
        confirmLabel={t('jointCase.close')}
        danger
        loading={close.isPending}
        error={close.error}
        onConfirm={() => close.mutate()}
        onClose={() => setClosing(false)}
      >
        {t('jointCase.closeBody')}
      </ConfirmModal>
    </Stack>
  );
}

function HisSide({ episode }: { episode: PpEpisodeView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const present = episode.attendance.filter((a) => a.status === 'present').length;
  const unexcused = episode.attendance.filter((a) => a.status === 'absent_unexcused').length;
  const last = episode.attendance.at(-1);
  const history = [...episode.statusHistory].reverse().slice(0, 4);
  return (
    <Section
      id="case-his-side"
      title={t('jointCase.hisSide')}
      actions={
        <Anchor component={Link} to={`/programme/${episode.id}`} size="sm">
          {t('jointCase.openEpisode')}
        </Anchor>
      }
    >
      <Group gap="xs">
        <Text fw={600}>
          {episode.person.firstName} {episode.person.lastName}
        </Text>
        <PpStatusBadge status={episode.status} />
      </Group>
      <Facts
        items={[
          [t('fields.pathway'), t(`enums.pathway.${episode.pathway}`)],
          [t('fields.referralDate'), formatDate(i18n.language, episode.referralDate)],
          [t('fields.intakeDate'), episode.intakeDate ? formatDate(i18n.language, episode.intakeDate) : null],
          [
            t('fields.plannedEndDate'),
            episode.plannedEndDate ? formatDate(i18n.language, episode.plannedEndDate) : null,
          ],
          [
            t('attendance.title'),
            episode.attendance.length
              ? t('jointCase.attendanceSummary', {
                  count: episode.attendance.length,
                  present,
                  unexcused,
                  last: last ? formatDate(i18n.language, last.sessionDate) : '—',
                })
              : null,
          ],
          [
            t('release.covers'),
            episode.release ? episode.release.scope.map((k) => t(`enums.kind.${k}`)).join('; ') : null,
          ],
        ]}
      />
      {history.length > 0 && (
        <>
          <SubTitle>{t('status.history')}</SubTitle>
          <List size="sm" spacing={2}>
            {history.map((change) => (
              <List.Item key={`${change.date}-${change.from}-${change.to}`}>
                {formatDate(i18n.language, change.date)}: {t(`enums.ppStatus.${change.to}`)}
                {change.reason ? ` — ${change.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Section>
  );
}

function HerSide({ file, contacts }: { file: VictimFileView; contacts: JointCaseView['partnerContacts'] }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const prefs = file.contactPreferences;
  const inForce = file.consents.filter((c) => !c.revokedOn);
  const support = file.episodes.find((e) => e.status === 'open');
  const contact = file.person.contact;
  return (
    <Section
      id="case-her-side"
      title={
        <Group gap="xs" component="span">
          {t('jointCase.herSide')} <VictimSideOnly />
        </Group>
      }
      actions={
        <Anchor component={Link} to={`/victims/${file.person.id}`} size="sm">
          {t('jointCase.openHerFile')}
        </Anchor>
      }
    >
      <Text fw={600}>
        {file.person.firstName} {file.person.lastName}
      </Text>
      <Facts
        items={[
          [
            t('safeContact.channel'),
            prefs ? t(`enums.channel.${prefs.safeChannel}`) : t('duties.notRecorded'),
          ],
          [t('safeContact.safeTimes'), prefs?.safeTimes ?? null],
          [
            t('safeContact.mayLeaveMessage'),
            prefs ? (prefs.mayLeaveMessage ? t('common.yes') : t('safeContact.noMessage')) : null,
          ],
          [t('safeContact.codeWord'), prefs?.codeWord ?? null],
          [t('contactDetails.fields.address'), contact?.address ?? null],
          [t('contactDetails.fields.phone'), contact?.phone ?? null],
          [
            t('support.title'),
            support ? t('support.since', { date: formatDate(i18n.language, support.intakeDate) }) : null,
          ],
          [
            t('jointCase.consentsInForce'),
            inForce.map((c) => t(`enums.consentScope.${c.scope}`)).join('; ') || null,
          ],
        ]}
      />
      <SubTitle>{t('partnerContact.title')}</SubTitle>
      {contacts.length === 0 ? (
        <Empty>{t('partnerContact.none')}</Empty>
      ) : (
        [...contacts].reverse().map((c) => (
          <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(i18n.language, c.contactedOn)}
            </Text>
            <OutcomeBadge outcome={c.outcome} />
            <Text size="sm">{c.herViewOfRisk ? t('jointCase.herView', { view: c.herViewOfRisk }) : ''}</Text>
          </Group>
        ))
      )}
    </Section>
  );
}

function InformalContacts({ view }: { view: JointCaseView }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [withWhom, setWithWhom] = useState('');
  const [summary, setSummary] = useState('');
  const [adding, setAdding] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<Created>(`/api/joint-cases/${view.id}/informal-contacts`, body),
    onSuccess: () => {
      refresh(keys.jointCase(view.id));
      notifications.show({ color: 'teal', message: t('informal.saved') });
      setWithWhom('');
      setSummary('');
      setAdding(false);
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(InformalContactCreate, { occurredOn, withWhom, summary });
    if (body) save.mutate(body);
  };
  return (
    <Section
      id="case-informal"
      title={t('informal.title')}
      description={t('informal.description')}
      actions={
        view.status === 'open' &&
        !adding && (
          <Button size="xs" variant="default" onClick={() => setAdding(true)}>
            {t('informal.add')}
          </Button>
        )
      }
    >
      {adding && (
        <form onSubmit={submit} noValidate aria-label={t('informal.add')}>
          <Stack gap="sm" mb="sm">
            <DateField
              label={t('informal.occurredOn')}
              value={occurredOn}
              onChange={setOccurredOn}
              error={form.errorAt('occurredOn')}
              max={todayIso()}
              required
            />
            <TextInput
              label={t('informal.withWhom')}
              required
              value={withWhom}
              onChange={(e) => setWithWhom(e.currentTarget.value)}
              error={form.errorAt('withWhom')}
            />
            <Textarea
              label={t('informal.summary')}
              required
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={form.errorAt('summary')}
              autosize
              minRows={2}
            />
            <FormAlert error={save.error} shownFields={['occurredOn', 'withWhom', 'summary']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {view.informalContacts.length === 0 ? (
        <Empty>{t('informal.none')}</Empty>
      ) : (
        [...view.informalContacts].reverse().map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="sm" component="article">
            <Text size="sm" fw={600}>
              {formatDate(i18n.language, c.occurredOn)} · {t('informal.with', { name: c.withWhom })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Text>
            <Text size="xs" c="dimmed">
              {t('informal.recordedBy', { name: c.recordedBy })}
            </Text>
          </Paper>
        ))
      )}
    </Section>
  );
}
