import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type PpEpisodeView,
  PROGRAMME_TYPES,
  REFERRAL_PATHWAYS,
  ReferralCreate,
  type ReferralPathway,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { useAgencyDirectory, useRefreshCasework } from '../../casework/api';
import { DateField } from '../../casework/components';
import { optional, todayIso } from '../../casework/format';
import { useFormErrors } from '../../casework/forms';
import { CASEWORK_NS } from '../../casework/i18n';
import { FormAlert } from '../../components/FormAlert';
import { PageTitle } from '../../components/PageTitle';
import { agencyKindLabel } from '../../i18n/labels';
import { NoAccess } from '../NotFoundPage';

const SHOWN = [
  'person',
  'pathway',
  'referringAgencyId',
  'order',
  'referralDate',
  'programmeType',
  'plannedSessions',
  'plannedEndDate',
  'schedule',
];

/** A new referral: the man and his programme episode (DOMAIN.md §2 step 3). */
export function ReferralPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const { t: tm } = useTranslation();
  const session = useSession().data;
  const navigate = useNavigate();
  const refresh = useRefreshCasework();
  const allowed = Boolean(session?.abilities.referPerpetrators);
  const directory = useAgencyDirectory(allowed);

  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [pathway, setPathway] = useState<ReferralPathway>('voluntary');
  const [referringAgencyId, setReferringAgencyId] = useState('');
  const [orderKind, setOrderKind] = useState<'court' | 'probation'>('court');
  const [orderReference, setOrderReference] = useState('');
  const [orderConditions, setOrderConditions] = useState('');
  const [orderStartsOn, setOrderStartsOn] = useState('');
  const [orderEndsOn, setOrderEndsOn] = useState('');
  const [referralDate, setReferralDate] = useState(todayIso());
  const [programmeType, setProgrammeType] = useState('');
  const [plannedSessions, setPlannedSessions] = useState<string | number>('');
  const [plannedEndDate, setPlannedEndDate] = useState('');
  const [schedule, setSchedule] = useState('');

  const save = useMutation({
    mutationFn: (body: ReferralCreate) => api.post<PpEpisodeView>('/api/referrals', body),
    onSuccess: (episode) => {
      refresh();
      notifications.show({
        color: 'teal',
        message: t('referral.saved', { name: `${episode.person.firstName} ${episode.person.lastName}` }),
      });
      navigate(`/programme/${episode.id}`);
    },
  });
  const form = useFormErrors(save.error);

  if (!session || !allowed) return <NoAccess />;
  const agencies = directory.list.filter((a) => a.active && a.id !== session.user.agencyId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check(ReferralCreate, {
      person: { firstName, lastName, dateOfBirth: optional(dateOfBirth) },
      pathway,
      referringAgencyId: pathway === 'voluntary' ? undefined : optional(referringAgencyId),
      order:
        pathway === 'mandatory'
          ? {
              kind: orderKind,
              reference: optional(orderReference),
              conditions: optional(orderConditions),
              startsOn: optional(orderStartsOn),
              endsOn: optional(orderEndsOn),
            }
          : undefined,
      referralDate,
      programmeType: optional(programmeType),
      plannedSessions: plannedSessions === '' ? undefined : Number(plannedSessions),
      plannedEndDate: optional(plannedEndDate),
      schedule: optional(schedule),
    });
    if (body) save.mutate(body);
  };

  return (
    <Stack maw={760}>
      <div>
        <PageTitle documentTitle={t('referral.title')}>{t('referral.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('referral.intro')}
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Fieldset legend={t('referral.him')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.firstName')}
                required
                autoComplete="off"
                value={firstName}
                onChange={(e) => setFirstName(e.currentTarget.value)}
                error={form.errorAt('person.firstName')}
              />
              <TextInput
                label={t('fields.lastName')}
                required
                autoComplete="off"
                value={lastName}
                onChange={(e) => setLastName(e.currentTarget.value)}
                error={form.errorAt('person.lastName')}
              />
            </SimpleGrid>
            <Stack mt="sm">
              <DateField
                label={t('fields.dateOfBirth')}
                value={dateOfBirth}
                onChange={setDateOfBirth}
                error={form.errorAt('person.dateOfBirth')}
                max={todayIso()}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('referral.pathwayLegend')}>
            <Radio.Group
              label={t('fields.pathway')}
              value={pathway}
              onChange={(value) => setPathway(value as ReferralPathway)}
              error={form.errorAt('pathway')}
              required
            >
              <Stack gap="xs" mt="xs">
                {REFERRAL_PATHWAYS.map((p) => (
                  <Radio
                    key={p}
                    value={p}
                    label={t(`enums.pathway.${p}`)}
                    description={t(`referral.pathwayHint.${p}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>

            {pathway === 'mandatory' && (
              <Stack mt="md" gap="sm" data-testid="order-fields">
                <Radio.Group
                  label={t('referral.orderKind')}
                  value={orderKind}
                  onChange={(value) => setOrderKind(value as 'court' | 'probation')}
                  error={form.errorAt('order.kind') ?? form.errorAt('order')}
                  required
                >
                  <Group mt="xs">
                    <Radio value="court" label={t('enums.orderKind.court')} />
                    <Radio value="probation" label={t('enums.orderKind.probation')} />
                  </Group>
                </Radio.Group>
                <TextInput
                  label={t('referral.orderReference')}
                  value={orderReference}
                  onChange={(e) => setOrderReference(e.currentTarget.value)}
                  error={form.errorAt('order.reference')}
                />
                <Textarea
                  label={t('referral.orderConditions')}
                  description={t('referral.orderConditionsHint')}
                  value={orderConditions}
                  onChange={(e) => setOrderConditions(e.currentTarget.value)}
                  error={form.errorAt('order.conditions')}
                  autosize
                  minRows={2}
                />
                <Group>
                  <DateField
                    label={t('referral.orderStarts')}
                    value={orderStartsOn}
                    onChange={setOrderStartsOn}
                    error={form.errorAt('order.startsOn')}
                  />
                  <DateField
                    label={t('referral.orderEnds')}
                    value={orderEndsOn}
                    onChange={setOrderEndsOn}
                    error={form.errorAt('order.endsOn')}
                  />
                </Group>
              </Stack>
            )}
            {pathway !== 'voluntary' && (
              <NativeSelect
                mt="md"
                label={
                  pathway === 'recommended' ? t('referral.recommendedBy') : t('referral.referringAgency')
                }
                required={pathway === 'recommended'}
                value={referringAgencyId}
                onChange={(e) => setReferringAgencyId(e.currentTarget.value)}
                error={form.errorAt('referringAgencyId')}
                data={[
                  { value: '', label: t('common.choose') },
                  ...agencies.map((a) => ({
                    value: a.id,
                    label: `${a.name} (${agencyKindLabel(tm, a.kind)})`,
                  })),
                ]}
              />
            )}
          </Fieldset>

          <Fieldset legend={t('referral.programmeLegend')}>
            <Stack gap="sm">
              <DateField
                label={t('fields.referralDate')}
                value={referralDate}
                onChange={setReferralDate}
                error={form.errorAt('referralDate')}
                required
              />
              <NativeSelect
                label={t('fields.programmeType')}
                value={programmeType}
                onChange={(e) => setProgrammeType(e.currentTarget.value)}
                error={form.errorAt('programmeType')}
                data={[
                  { value: '', label: t('common.notYetKnown') },
                  ...PROGRAMME_TYPES.map((type) => ({
                    value: type,
                    label: t(`enums.programmeType.${type}`),
                  })),
                ]}
                maw={260}
              />
              <Group align="flex-start">
                <NumberInput
                  label={t('fields.plannedSessions')}
                  value={plannedSessions}
                  onChange={setPlannedSessions}
                  min={1}
                  max={500}
                  allowDecimal={false}
                  error={form.errorAt('plannedSessions')}
                  maw={200}
                />
                <DateField
                  label={t('fields.plannedEndDate')}
                  value={plannedEndDate}
                  onChange={setPlannedEndDate}
                  error={form.errorAt('plannedEndDate')}
                />
              </Group>
              <TextInput
                label={t('fields.schedule')}
                description={t('fields.scheduleHint')}
                value={schedule}
                onChange={(e) => setSchedule(e.currentTarget.value)}
                error={form.errorAt('schedule')}
              />
            </Stack>
          </Fieldset>

          <FormAlert error={save.error} shownFields={SHOWN} />
          <Group justify="flex-end">
            <Button component={Link} to="/programme" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('referral.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
