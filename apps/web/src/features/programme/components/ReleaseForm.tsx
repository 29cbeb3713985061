import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type InformationKind, type PpEpisodeView, ReleaseCreate, routes } from '@tandem/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { useAgencyDirectory } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { todayIso } from '../../../components/format';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { blankToUndefined, useSchemaForm } from '../../../components/forms/useSchemaForm';
import { DateField } from '../../../components/PageParts';
import { useRefreshCasework } from '../../cases/api';
import { DirectoryLink } from '../../directory/components/DirectoryLink';
import { useStoreEpisode } from '../api';

/** What his release can let flow to the victim side: his own, safety-relevant information. */
export const RELEASE_KINDS: readonly InformationKind[] = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
];

type PartnerDraft = {
  /** Only for React: which fieldset is which while partners are added and removed. */
  key: number;
  firstName: string;
  lastName: string;
  relationship: 'current' | 'former';
  partnerContactAgencyId: string;
  contact: { address: string; phone: string };
};

let nextKey = 1;
const emptyPartner = (): PartnerDraft => ({
  key: nextKey++,
  firstName: '',
  lastName: '',
  relationship: 'current',
  partnerContactAgencyId: '',
  contact: { address: '', phone: '' },
});

type ReleaseDraft = {
  signedOn: string;
  scope: string[];
  partners: PartnerDraft[];
  noPartnersReason: string;
};

/** The draft → the release: her contact details only where some were entered. */
function toRelease(draft: ReleaseDraft) {
  const { partners, ...rest } = blankToUndefined(draft) as Omit<ReleaseDraft, 'partners'> & {
    partners: (Omit<PartnerDraft, 'contact'> & { contact: Record<string, string | undefined> })[];
  };
  // The reason for naming no partner belongs to a release that names none.
  const noPartnersReason = partners.length === 0 ? rest.noPartnersReason : undefined;
  return {
    ...rest,
    noPartnersReason,
    partners: partners.map(({ key: _key, contact, ...partner }) =>
      Object.values(contact).some(Boolean) ? { ...partner, contact } : partner,
    ),
  };
}

/** His release and the partners he names: what he says about her goes to the service chosen. */
export function ReleaseForm({ episode, onClose }: { episode: PpEpisodeView; onClose: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  const storeEpisode = useStoreEpisode();
  const refresh = useRefreshCasework();
  const directory = useAgencyDirectory();
  const services = directory.list.filter(
    (a) => a.active && (a.kind === 'victim_support' || a.kind === 'combined_pp_vss'),
  );

  const save = useMutation({
    // What he said about her is not kept in this browser once it is sent.
    gcTime: 0,
    mutationFn: (body: BodyOf<typeof routes.programme.recordRelease>) =>
      call(routes.programme.recordRelease, { params: { id: episode.id }, body }),
    onSuccess: (updated) => {
      storeEpisode(updated);
      refresh();
      const sent = updated.partners.length - episode.partners.length;
      notifications.show({
        color: 'teal',
        message: sent > 0 ? t('release.savedWithPartners', { count: sent }) : t('release.saved'),
      });
      onClose();
    },
  });
  const form = useSchemaForm({
    schema: ReleaseCreate,
    initialValues: {
      signedOn: episode.release?.signedOn ?? todayIso(),
      scope: episode.release?.scope ?? [...RELEASE_KINDS],
      partners: episode.partners.length === 0 ? [emptyPartner()] : [],
      noPartnersReason: episode.release?.noPartnersReason ?? '',
    } as ReleaseDraft,
    toInput: toRelease,
    onSubmit: (body) => save.mutateAsync(body),
  });
  const partners = form.values.partners;

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('release.formLabel')}>
      <Stack gap="md" mt="sm">
        <DateField
          label={t('release.signedOnLabel')}
          {...form.getInputProps('signedOn')}
          max={todayIso()}
          required
        />
        <Checkbox.Group
          label={t('release.scopeLabel')}
          description={t('release.scopeHint')}
          {...form.getInputProps('scope')}
          required
        >
          <Stack gap={6} mt="xs">
            {RELEASE_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                value={kind}
                label={t(`enums.kind.${kind}`)}
                description={t(`release.kindHint.${kind}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>

        <Alert color="indigo" variant="light" title={t('release.partnersNoticeTitle')}>
          {t('release.partnersNotice')}
        </Alert>

        {partners.map((partner, index) => {
          const n = episode.partners.length + index + 1;
          const at = `partners.${index}` as const;
          return (
            <Fieldset
              key={partner.key}
              legend={
                <Group gap="xs">
                  <span>{t('release.partnerLegend', { n })}</span>
                  <CloseButton
                    size="sm"
                    aria-label={t('release.removePartner', { n })}
                    onClick={() => form.removeListItem('partners', index)}
                  />
                </Group>
              }
            >
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('release.herFirstName')}
                    required
                    autoComplete="off"
                    {...form.getInputProps(`${at}.firstName`)}
                  />
                  <TextInput
                    label={t('release.herLastName')}
                    required
                    autoComplete="off"
                    {...form.getInputProps(`${at}.lastName`)}
                  />
                </SimpleGrid>
                <Radio.Group
                  label={t('release.relationship')}
                  {...form.getInputProps(`${at}.relationship`)}
                  required
                >
                  <Group mt="xs">
                    <Radio value="current" label={t('enums.relationship.current')} />
                    <Radio value="former" label={t('enums.relationship.former')} />
                  </Group>
                </Radio.Group>
                <NativeSelect
                  label={t('release.service')}
                  description={t('release.serviceHint')}
                  required
                  {...form.getInputProps(`${at}.partnerContactAgencyId`)}
                  data={[
                    { value: '', label: t('common.choose') },
                    ...services.map((a) => ({ value: a.id, label: a.name })),
                  ]}
                />
                <DirectoryLink partnerContact />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('release.address')}
                    description={t('release.optionalToVictimSide')}
                    autoComplete="off"
                    {...form.getInputProps(`${at}.contact.address`)}
                  />
                  <TextInput
                    label={t('release.phone')}
                    description={t('release.optionalToVictimSide')}
                    autoComplete="off"
                    {...form.getInputProps(`${at}.contact.phone`)}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() => form.insertListItem('partners', emptyPartner())}
            disabled={partners.length >= 10}
          >
            {t('release.addPartner')}
          </Button>
          {partners.length > 0 && (
            <Badge variant="light" color="indigo">
              {t('release.willBeSent', { count: partners.length })}
            </Badge>
          )}
        </Group>
        {partners.length === 0 && episode.partners.length === 0 && (
          <Textarea
            label={t('release.noPartnersReason')}
            description={t('release.noPartnersReasonHint')}
            autosize
            minRows={2}
            {...form.getInputProps('noPartnersReason')}
          />
        )}
        <SchemaFormAlert form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {partners.length > 0
              ? t('release.submitWithPartners', { count: partners.length })
              : t('release.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
