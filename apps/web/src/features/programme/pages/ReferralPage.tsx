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
  PROGRAMME_TYPES,
  REFERRAL_PATHWAYS,
  ReferralCreate,
  type ReferralPathway,
  routes,
} from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { agencyKindLabel } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { NoAccess } from '../../../components/NotFound';
import { DateField } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useRefreshCasework } from '../../cases/api';
import { DirectoryLink } from '../../directory/components/DirectoryLink';

/** A new referral: the man and his programme episode (docs/domain.md, "The protocol"). */
export function ReferralPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const { t: tm } = useTranslation();
  const session = useSession().data;
  const navigate = useNavigate();
  const refresh = useRefreshCasework();
  const allowed = Boolean(session?.abilities.referPerpetrators);
  const directory = useAgencyDirectory(allowed);

  const save = useMutation({
    mutationFn: (body: BodyOf<typeof routes.programme.refer>) => call(routes.programme.refer, { body }),
    onSuccess: (episode) => {
      refresh();
      notifications.show({
        color: 'teal',
        message: t('referral.saved', { name: `${episode.person.firstName} ${episode.person.lastName}` }),
      });
      navigate(`/programme/${episode.id}`);
    },
  });
  const form = useSchemaForm({
    schema: ReferralCreate,
    initialValues: {
      person: { firstName: '', lastName: '', dateOfBirth: '' },
      pathway: 'voluntary' as ReferralPathway,
      referringAgencyId: '',
      order: {
        kind: 'court' as 'court' | 'probation',
        reference: '',
        conditions: '',
        startsOn: '',
        endsOn: '',
      },
      referralDate: todayIso(),
      programmeType: '',
      plannedSessions: '' as number | string,
      plannedEndDate: '',
      schedule: '',
    },
    // Only the mandatory pathway has an order; only the others name a referring agency.
    toInput: (values) => {
      const input = blankToUndefined(values) as typeof values;
      return {
        ...input,
        referringAgencyId: values.pathway === 'voluntary' ? undefined : input.referringAgencyId,
        order: values.pathway === 'mandatory' ? input.order : undefined,
      };
    },
    onSubmit: (body) => save.mutateAsync(body),
  });
  const pathway = form.values.pathway;

  if (!session || !allowed) return <NoAccess />;
  const agencies = directory.list.filter((a) => a.active && a.id !== session.user.agencyId);

  return (
    <Stack maw={760}>
      <div>
        <PageTitle documentTitle={t('referral.title')}>{t('referral.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('referral.intro')}
        </Text>
      </div>
      <form onSubmit={form.submit} noValidate>
        <Stack>
          <Fieldset legend={t('referral.him')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('fields.firstName')}
                required
                autoComplete="off"
                {...form.getInputProps('person.firstName')}
              />
              <TextInput
                label={t('fields.lastName')}
                required
                autoComplete="off"
                {...form.getInputProps('person.lastName')}
              />
            </SimpleGrid>
            <Stack mt="sm">
              <DateField
                label={t('fields.dateOfBirth')}
                {...form.getInputProps('person.dateOfBirth')}
                max={todayIso()}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('referral.pathwayLegend')}>
            <Radio.Group label={t('fields.pathway')} {...form.getInputProps('pathway')} required>
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
                <Radio.Group label={t('referral.orderKind')} {...form.getInputProps('order.kind')} required>
                  <Group mt="xs">
                    <Radio value="court" label={t('enums.orderKind.court')} />
                    <Radio value="probation" label={t('enums.orderKind.probation')} />
                  </Group>
                </Radio.Group>
                <TextInput label={t('referral.orderReference')} {...form.getInputProps('order.reference')} />
                <Textarea
                  label={t('referral.orderConditions')}
                  description={t('referral.orderConditionsHint')}
                  {...form.getInputProps('order.conditions')}
                  autosize
                  minRows={2}
                />
                <Group>
                  <DateField label={t('referral.orderStarts')} {...form.getInputProps('order.startsOn')} />
                  <DateField label={t('referral.orderEnds')} {...form.getInputProps('order.endsOn')} />
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
                {...form.getInputProps('referringAgencyId')}
                data={[
                  { value: '', label: t('common.choose') },
                  ...agencies.map((a) => ({
                    value: a.id,
                    label: `${a.name} (${agencyKindLabel(tm, a.kind)})`,
                  })),
                ]}
              />
            )}
            <DirectoryLink />
          </Fieldset>

          <Fieldset legend={t('referral.programmeLegend')}>
            <Stack gap="sm">
              <DateField label={t('fields.referralDate')} {...form.getInputProps('referralDate')} required />
              <NativeSelect
                label={t('fields.programmeType')}
                {...form.getInputProps('programmeType')}
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
                  {...form.getInputProps('plannedSessions')}
                  min={1}
                  max={500}
                  allowDecimal={false}
                  maw={200}
                />
                <DateField label={t('fields.plannedEndDate')} {...form.getInputProps('plannedEndDate')} />
              </Group>
              <TextInput
                label={t('fields.schedule')}
                description={t('fields.scheduleHint')}
                {...form.getInputProps('schedule')}
              />
            </Stack>
          </Fieldset>

          <SchemaFormAlert form={form} />
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
