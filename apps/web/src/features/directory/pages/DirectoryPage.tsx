import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { AGENCY_KINDS, type AgencyKind, type DirectoryEntryView } from '@tandem/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { agencyKindLabel } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { type DirectoryFilter, useDirectoryEntry, useDirectoryPage } from '../api';
import { DirectoryEntryCard } from '../components/DirectoryEntryCard';
import { DirectoryEntryModal } from '../components/DirectoryEntryForm';

const isKind = (value: string | null): value is AgencyKind =>
  value !== null && (AGENCY_KINDS as readonly string[]).includes(value);

/** The filter the address says: `/directory?q=&region=&kind=&partnerContact=true`. */
function filterOf(params: URLSearchParams): DirectoryFilter {
  const filter: DirectoryFilter = {};
  const q = params.get('q');
  const region = params.get('region');
  const kind = params.get('kind');
  const partnerContact = params.get('partnerContact');
  if (q) filter.q = q;
  if (region) filter.region = region;
  if (isKind(kind)) filter.kind = kind;
  if (partnerContact === 'true' || partnerContact === 'false') filter.partnerContact = partnerContact;
  return filter;
}

/**
 * The service directory (README, "Service directory"): the PP and VSS services and the other
 * agencies of the region as they describe themselves, for every staff member — searched by name
 * or approach, filtered by region, kind and partner contact. An agency's admin edits its entry here.
 */
export function DirectoryPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const { t: tm } = useTranslation();
  const session = useSession().data;
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const [words, setWords] = useState(filter.q ?? '');
  const [region, setRegion] = useState(filter.region ?? '');
  const [editing, setEditing] = useState<DirectoryEntryView | null>(null);
  const entries = useDirectoryPage(filter);
  // An agency's admin reaches its own entry even before it is written, or while it is unlisted.
  const ownAgencyId = session?.abilities.manageUsers ? session.user.agencyId : null;
  const own = useDirectoryEntry(ownAgencyId, Boolean(ownAgencyId));

  const apply = (changes: Partial<Record<'q' | 'region' | 'kind' | 'partnerContact', string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ q: words.trim(), region: region.trim() });
  };

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('directory.title')}>{t('directory.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('directory.intro')}
          </Text>
        </div>
        {own.data?.can.edit && (
          <Button variant="default" onClick={() => setEditing(own.data ?? null)}>
            {own.data.updatedAt ? t('directory.editOwn') : t('directory.writeOwn')}
          </Button>
        )}
      </Group>
      <search aria-label={t('directory.searchLabel')}>
        <form onSubmit={search} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <TextInput
              label={t('directory.q')}
              description={t('directory.qHint')}
              value={words}
              onChange={(event) => setWords(event.currentTarget.value)}
              autoComplete="off"
            />
            <TextInput
              label={t('directory.region')}
              description={t('directory.regionHint')}
              value={region}
              onChange={(event) => setRegion(event.currentTarget.value)}
              autoComplete="off"
            />
            <NativeSelect
              label={t('directory.kind')}
              description={t('directory.kindHint')}
              value={filter.kind ?? ''}
              onChange={(event) => apply({ kind: event.currentTarget.value })}
              data={[
                { value: '', label: t('directory.anyKind') },
                ...AGENCY_KINDS.map((kind) => ({ value: kind, label: agencyKindLabel(tm, kind) })),
              ]}
            />
            <NativeSelect
              label={t('directory.partnerContactFilter')}
              description={t('directory.partnerContactHint')}
              value={filter.partnerContact ?? ''}
              onChange={(event) => apply({ partnerContact: event.currentTarget.value })}
              data={[
                { value: '', label: t('directory.anyPartnerContact') },
                { value: 'true', label: t('directory.providesPartnerContact') },
                { value: 'false', label: t('directory.noPartnerContact') },
              ]}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={entries.isFetching && !entries.isFetchingNextPage}>
              {t('directory.submit')}
            </Button>
          </Group>
        </form>
      </search>
      <FormAlert error={entries.error} />
      <section aria-label={t('directory.results')} aria-busy={entries.isLoading}>
        <Stack gap="sm">
          {entries.isSuccess && entries.items.length === 0 && (
            <Text data-testid="directory-empty">{t('directory.none')}</Text>
          )}
          {entries.items.map((entry) => (
            <DirectoryEntryCard key={entry.agencyId} entry={entry} onEdit={setEditing} />
          ))}
        </Stack>
        <LoadMore
          shown={entries.items.length}
          hasMore={Boolean(entries.hasNextPage)}
          loading={entries.isFetchingNextPage}
          onLoadMore={() => void entries.fetchNextPage()}
        />
      </section>
      <DirectoryEntryModal entry={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
