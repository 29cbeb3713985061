import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { VictimFileView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { NoAccess } from '../../../components/NotFound';
import { DateField, Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useVictimFile } from '../../partners/api';
import { OtherParties } from '../components/open-case/OtherParties';
import { useOpenCaseForm } from '../components/open-case/openCaseForm';
import { QuickConsent } from '../components/open-case/QuickConsent';

/** Her case manager links his episode, her support episode and her consent into a joint case. */
export function OpenJointCasePage() {
  const { id } = useParams();
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const file = useVictimFile(id);
  if (!session?.abilities.supportVictims) return <NoAccess />;
  // Her case manager opens it: her file says whether this user may.
  if (file.data && !file.data.can.openJointCase) return <NoAccess />;
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

function OpenForm({ file, myId, myAgencyId }: { file: VictimFileView; myId: string; myAgencyId: string }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const directory = useAgencyDirectory();
  const { form, save, chosen, chosenEpisode, naming, episodes, supports, consents, staff } = useOpenCaseForm(
    file,
    myId,
    myAgencyId,
  );
  const partyAgencies = directory.list.filter(
    (a) =>
      a.active &&
      a.id !== myAgencyId &&
      a.id !== chosenEpisode?.agencyId &&
      a.kind !== 'perpetrator_programme',
  );
  const choose = (label: string) => [{ value: '', label }];
  /** An input that shows the choice made for her case manager until she makes her own. */
  const field = (
    path: 'ppEpisodeId' | 'vssEpisodeId' | 'consentId' | 'ppCaseManagerId' | 'partnerContactWorkerId',
  ) => ({
    ...form.getInputProps(path),
    value: chosen[path] ?? '',
  });

  return (
    <form onSubmit={form.submit} noValidate>
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
                {...field('ppEpisodeId')}
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
                {...field('vssEpisodeId')}
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
              <QuickConsent personId={file.person.id} error={form.errors.consentId} />
            ) : (
              <NativeSelect
                label={t('jointCaseNew.herConsent')}
                description={t('jointCaseNew.herConsentHint')}
                required
                {...field('consentId')}
                data={consents.map((c) => ({
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
              {...field('ppCaseManagerId')}
              data={[
                ...choose(t('common.choose')),
                ...staff.ppManagers.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
            <NativeSelect
              label={t('jointCaseNew.vssCaseManager')}
              required
              {...form.getInputProps('vssCaseManagerId')}
              data={[
                ...choose(t('common.choose')),
                ...staff.vssManagers.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
            <NativeSelect
              label={t('jointCaseNew.partnerContactWorker')}
              {...field('partnerContactWorkerId')}
              data={[
                ...choose(t('jointCaseNew.nobody')),
                ...staff.workers.map((s) => ({ value: s.id, label: s.displayName })),
              ]}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('jointCaseNew.agreement')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('jointCaseNew.agreementHint')}
            </Text>
            <TextInput label={t('jointCaseNew.agreementTitle')} {...form.getInputProps('agreement.title')} />
            <Group>
              <DateField
                label={t('jointCaseNew.validFrom')}
                {...form.getInputProps('agreement.validFrom')}
                required
              />
              <DateField
                label={t('jointCaseNew.validTo')}
                {...form.getInputProps('agreement.validTo')}
                required
              />
            </Group>
            <OtherParties form={form} agencies={partyAgencies} />
          </Stack>
        </Fieldset>

        <SchemaFormAlert form={form} />
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
