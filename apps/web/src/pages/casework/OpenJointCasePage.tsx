import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  AGREEMENT_RECEIVABLE_KINDS,
  type ConsentView,
  JointCaseCreate,
  type JointCaseView,
  type VictimFileView,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import {
  keys,
  useAgencyDirectory,
  useEpisodesNamingHer,
  useRefreshCasework,
  useStaff,
  useVictimFile,
} from '../../casework/api';
import { DateField, Loading } from '../../casework/components';
import { addYearsIso, formatDate, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { NoAccess } from '../NotFoundPage';

const ENDED = ['completed', 'dropped_out', 'excluded'];

/** Her case manager links his episode, her support episode and her consent into a joint case. */
export function OpenJointCasePage() {
  const { id } = useParams();
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const file = useVictimFile(id);
  if (!session?.user.roles.includes('vss_case_manager')) return <NoAccess />;
  const name = file.data ? `${file.data.person.firstName} ${file.data.person.lastName}` : '';
  return (
    <Stack maw={860}>
      <Loading query={file}>
        {file.data && (
          <>
            <div>
              <PageTitle documentTitle={t('jointCaseNew.title')}>
                {t('jointCaseNew.titleFor', { name })}
              </PageTitle>
              <Text c="dimmed" mt={-8}>
                {t('jointCaseNew.intro')}
              </Text>
            </div>
            <OpenForm file={file.data} myId={session.user.id} myAgencyId={session.user.agencyId ?? ''} />
          </>
        )}
      </Loading>
    </Stack>
  );
}

interface PartyDraft {
  key: number;
  agencyId: string;
  receives: string[];
}
let nextKey = 1;

function OpenForm({ file, myId, myAgencyId }: { file: VictimFileView; myId: string; myAgencyId: string }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const navigate = useNavigate();
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  const naming = useEpisodesNamingHer(file.person.id);
  const episodes = naming.naming.filter((e) => !ENDED.includes(e.status));
  const supports = file.episodes.filter((e) => e.status === 'open');
  const consents = file.consents.filter((c) => c.scope === 'joint_case' && !c.revokedOn);

  const [ppEpisodeId, setPpEpisodeId] = useState('');
  const [vssEpisodeId, setVssEpisodeId] = useState('');
  const [consentId, setConsentId] = useState('');
  const chosenEpisodeId = ppEpisodeId || (episodes.length === 1 ? (episodes[0]?.id ?? '') : '');
  const chosenEpisode = episodes.find((e) => e.id === chosenEpisodeId);
  const chosenSupport = vssEpisodeId || (supports.length === 1 ? (supports[0]?.id ?? '') : '');
  const chosenConsent = consentId || (consents.length >= 1 ? (consents[consents.length - 1]?.id ?? '') : '');

  const ppManagers = useStaff(
    { agencyId: chosenEpisode?.agencyId, role: 'pp_case_manager' },
    Boolean(chosenEpisode),
  );
  const vssManagers = useStaff({ agencyId: myAgencyId, role: 'vss_case_manager' });
  const workers = useStaff({ agencyId: myAgencyId, role: 'partner_contact_worker' });
  const [ppCaseManagerId, setPpCaseManagerId] = useState('');
  const [vssCaseManagerId, setVssCaseManagerId] = useState(myId);
  const [partnerContactWorkerId, setPartnerContactWorkerId] = useState<string | null>(null);
  const chosenPpManager =
    ppCaseManagerId ||
    (chosenEpisode?.caseManagerId && ppManagers.data?.some((s) => s.id === chosenEpisode.caseManagerId)
      ? chosenEpisode.caseManagerId
      : (ppManagers.data?.length === 1 ? ppManagers.data[0]?.id : '') || '');
  const chosenWorker =
    partnerContactWorkerId ?? (workers.data?.length === 1 ? (workers.data[0]?.id ?? '') : '');

  const [title, setTitle] = useState(t('jointCaseNew.defaultTitle'));
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState(addYearsIso(todayIso(), 1));
  const [parties, setParties] = useState<PartyDraft[]>([]);
  const partyAgencies = directory.list.filter(
    (a) =>
      a.active &&
      a.id !== myAgencyId &&
      a.id !== chosenEpisode?.agencyId &&
      a.kind !== 'perpetrator_programme',
  );

  const save = useMutation({
    mutationFn: (body: unknown) => api.post<JointCaseView>('/api/joint-cases', body),
    onSuccess: (created) => {
      refresh(keys.victim(file.person.id), keys.herJointCases(file.person.id));
      notifications.show({ color: 'teal', message: t('jointCaseNew.saved', { number: created.caseNumber }) });
      navigate(`/cases/${created.id}`);
    },
  });
  const form = useFormErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(JointCaseCreate, {
      ppEpisodeId: chosenEpisodeId || undefined,
      vssEpisodeId: chosenSupport || undefined,
      consentId: chosenConsent || undefined,
      childIds: [],
      ppCaseManagerId: chosenPpManager || undefined,
      vssCaseManagerId: vssCaseManagerId || undefined,
      partnerContactWorkerId: chosenWorker || undefined,
      agreement: {
        title,
        validFrom,
        validTo,
        otherParties: parties.map((p) => ({ agencyId: p.agencyId || undefined, receives: p.receives })),
      },
    });
    if (body) save.mutate(body);
  };

  const choose = (label: string) => [{ value: '', label }];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Fieldset legend={t('jointCaseNew.whatIsLinked')}>
          <Stack gap="sm">
            {naming.isPending ? (
              <Text size="sm">{t('common.loadingProgrammes')}</Text>
            ) : episodes.length === 0 ? (
              <Alert color="yellow" variant="light">
                {t('jointCaseNew.noEpisode')}
              </Alert>
            ) : (
              <Radio.Group
                label={t('jointCaseNew.hisEpisode')}
                description={t('jointCaseNew.hisEpisodeHint')}
                value={chosenEpisodeId}
                onChange={setPpEpisodeId}
                error={form.errorAt('ppEpisodeId')}
                required
              >
                <Stack gap={6} mt="xs">
                  {episodes.map((e) => (
                    <Radio
                      key={e.id}
                      value={e.id}
                      label={`${e.person.firstName} ${e.person.lastName}`}
                      description={`${t(`enums.ppStatus.${e.status}`)} · ${directory.nameOf(e.agencyId)} · ${t('jointCaseNew.referredOn', { date: formatDate(i18n.language, e.referralDate) })}`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {supports.length === 0 ? (
              <Alert color="yellow" variant="light">
                {t('jointCaseNew.noSupport')}{' '}
                <Anchor component={Link} to={`/victims/${file.person.id}`}>
                  {t('jointCaseNew.backToFile')}
                </Anchor>
              </Alert>
            ) : (
              <NativeSelect
                label={t('jointCaseNew.herSupport')}
                required
                value={chosenSupport}
                onChange={(e) => setVssEpisodeId(e.currentTarget.value)}
                error={form.errorAt('vssEpisodeId')}
                data={[
                  ...choose(t('common.choose')),
                  ...supports.map((s) => ({
                    value: s.id,
                    label: t('support.since', { date: formatDate(i18n.language, s.intakeDate) }),
                  })),
                ]}
              />
            )}
            {consents.length === 0 ? (
              <QuickConsent personId={file.person.id} error={form.errorAt('consentId')} />
            ) : (
              <NativeSelect
                label={t('jointCaseNew.herConsent')}
                description={t('jointCaseNew.herConsentHint')}
                required
                value={chosenConsent}
                onChange={(e) => setConsentId(e.currentTarget.value)}
                error={form.errorAt('consentId')}
                data={consents.map((c: ConsentView) => ({
                  value: c.id,
                  label: t('jointCaseNew.consentGiven', { date: formatDate(i18n.language, c.givenOn) }),
                }))}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('jointCaseNew.people')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('jointCaseNew.ppCaseManager')}
              required
              value={chosenPpManager}
              onChange={(e) => setPpCaseManagerId(e.currentTarget.value)}
              error={form.errorAt('ppCaseManagerId')}
              data={[
                ...choose(t('common.choose')),
                ...(ppManagers.data ?? []).map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
            <NativeSelect
              label={t('jointCaseNew.vssCaseManager')}
              required
              value={vssCaseManagerId}
              onChange={(e) => setVssCaseManagerId(e.currentTarget.value)}
              error={form.errorAt('vssCaseManagerId')}
              data={[
                ...choose(t('common.choose')),
                ...(vssManagers.data ?? []).map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
            <NativeSelect
              label={t('jointCaseNew.partnerContactWorker')}
              value={chosenWorker}
              onChange={(e) => setPartnerContactWorkerId(e.currentTarget.value)}
              error={form.errorAt('partnerContactWorkerId')}
              data={[
                ...choose(t('jointCaseNew.nobody')),
                ...(workers.data ?? []).map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('jointCaseNew.agreement')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('jointCaseNew.agreementHint')}
            </Text>
            <TextInput
              label={t('jointCaseNew.agreementTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={form.errorAt('agreement.title')}
            />
            <Group>
              <DateField
                label={t('jointCaseNew.validFrom')}
                value={validFrom}
                onChange={setValidFrom}
                error={form.errorAt('agreement.validFrom')}
                required
              />
              <DateField
                label={t('jointCaseNew.validTo')}
                value={validTo}
                onChange={setValidTo}
                error={form.errorAt('agreement.validTo')}
                required
              />
            </Group>
            <Text size="sm" fw={600}>
              {t('jointCaseNew.otherAgencies')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('jointCaseNew.otherAgenciesHint')}
            </Text>
            {parties.map((party, index) => (
              <Fieldset
                key={party.key}
                variant="filled"
                legend={
                  <Group gap="xs">
                    <span>{t('jointCaseNew.agencyN', { n: index + 1 })}</span>
                    <CloseButton
                      size="sm"
                      aria-label={t('jointCaseNew.removeAgency', { n: index + 1 })}
                      onClick={() => setParties((current) => current.filter((p) => p.key !== party.key))}
                    />
                  </Group>
                }
              >
                <Stack gap="xs">
                  <NativeSelect
                    label={t('jointCaseNew.agency')}
                    required
                    value={party.agencyId}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setParties((current) =>
                        current.map((p) => (p.key === party.key ? { ...p, agencyId: value } : p)),
                      );
                    }}
                    error={form.errorAt(`agreement.otherParties.${index}.agencyId`)}
                    data={[
                      ...choose(t('common.choose')),
                      ...partyAgencies.map((a) => ({ value: a.id, label: a.name })),
                    ]}
                  />
                  <Checkbox.Group
                    label={t('jointCaseNew.receives')}
                    value={party.receives}
                    onChange={(value) =>
                      setParties((current) =>
                        current.map((p) => (p.key === party.key ? { ...p, receives: value } : p)),
                      )
                    }
                    error={form.errorAt(`agreement.otherParties.${index}.receives`)}
                  >
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt="xs">
                      {AGREEMENT_RECEIVABLE_KINDS.map((kind) => (
                        <Checkbox key={kind} value={kind} label={t(`enums.kind.${kind}`)} />
                      ))}
                    </SimpleGrid>
                  </Checkbox.Group>
                </Stack>
              </Fieldset>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  setParties((current) => [...current, { key: nextKey++, agencyId: '', receives: [] }])
                }
              >
                {t('jointCaseNew.addAgency')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <FormAlert
          error={save.error}
          shownFields={[
            'ppEpisodeId',
            'vssEpisodeId',
            'consentId',
            'ppCaseManagerId',
            'vssCaseManagerId',
            'partnerContactWorkerId',
            'agreement',
          ]}
        />
        <Group justify="flex-end">
          <Button component={Link} to={`/victims/${file.person.id}`} variant="default">
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={save.isPending}
            disabled={episodes.length === 0 || supports.length === 0 || consents.length === 0}
          >
            {t('jointCaseNew.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Her consent to the joint case, recorded here when it is missing (it is the case's basis). */
function QuickConsent({ personId, error }: { personId: string; error: string | undefined }) {
  const { t } = useTranslation(CASEWORK_NS);
  const refresh = useRefreshCasework();
  const [givenOn, setGivenOn] = useState(todayIso());
  const save = useMutation({
    mutationFn: () => api.post(`/api/victims/${personId}/consents`, { scope: 'joint_case', givenOn }),
    onSuccess: () => {
      refresh(keys.victim(personId));
      notifications.show({
        color: 'teal',
        message: t('consents.saved', { scope: t('enums.consentScope.joint_case') }),
      });
    },
  });
  return (
    <Alert color="yellow" variant="light" title={t('jointCaseNew.noConsentTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('jointCaseNew.noConsent')}</Text>
        {error && (
          <Text size="sm" c="red.8">
            {error}
          </Text>
        )}
        <Group align="flex-end">
          <DateField
            label={t('consents.givenOn')}
            value={givenOn}
            onChange={setGivenOn}
            max={todayIso()}
            required
          />
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
            {t('jointCaseNew.recordConsent')}
          </Button>
        </Group>
        <FormAlert error={save.error} />
      </Stack>
    </Alert>
  );
}
