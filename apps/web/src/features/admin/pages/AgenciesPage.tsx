import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AGENCY_KINDS, AgencyCreate, type AgencyKind, type AgencyView, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { directoryKeys, useAllNetworks } from '../../../api/directory';
import { errorMessage } from '../../../api/messages';
import { usePagedRoute } from '../../../api/usePaged';
import { agencyKindLabel, formatDateTime, listFormat } from '../../../app/i18n/labels';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useDirectoryEntry } from '../../directory/api';
import { DirectoryEntryModal } from '../../directory/components/DirectoryEntryForm';
import { adminKeys } from '../api';

export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.manageAgencies);
  const { t: tc } = useTranslation(CASEWORK_NS);
  const [creating, setCreating] = useState(false);
  // The system admin writes any agency's directory entry (its own admin does, on the directory page).
  const [directoryFor, setDirectoryFor] = useState<string | null>(null);
  const directoryEntry = useDirectoryEntry(directoryFor, allowed);
  const agencies = usePagedRoute(adminKeys.agencyPage, routes.admin.listAgencies, {}, allowed);
  const networks = useAllNetworks(allowed);
  const networkName = (id: string) => networks.data?.find((n) => n.id === id)?.name ?? '—';

  const toggle = useMutation({
    mutationFn: (agency: AgencyView) =>
      call(routes.admin.updateAgency, { params: { id: agency.id }, body: { active: !agency.active } }),
    onSuccess: (agency) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.agencies });
      notifications.show({
        color: 'indigo',
        message: t(agency.active ? 'agencies.reactivated' : 'agencies.deactivated', { name: agency.name }),
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(error, t) }),
  });

  if (!allowed) return <NoAccess />;

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('agencies.title')}>{t('agencies.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('agencies.intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('agencies.create')}</Button>
      </Group>
      <FormAlert error={agencies.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>{t('agencies.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agencies.columns.name')}</Table.Th>
              <Table.Th>{t('agencies.columns.kind')}</Table.Th>
              <Table.Th>{t('agencies.columns.region')}</Table.Th>
              <Table.Th>{t('agencies.columns.networks')}</Table.Th>
              <Table.Th>{t('agencies.columns.status')}</Table.Th>
              <Table.Th>{t('agencies.columns.created')}</Table.Th>
              <Table.Th>
                <span className="sr-only">{t('agencies.columns.actions')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.items.map((agency) => (
              <Table.Tr key={agency.id}>
                <Table.Td fw={600}>{agency.name}</Table.Td>
                <Table.Td>{agencyKindLabel(t, agency.kind)}</Table.Td>
                <Table.Td>{agency.region ?? '—'}</Table.Td>
                <Table.Td>
                  {agency.networkIds.length
                    ? listFormat(i18n.language, agency.networkIds.map(networkName))
                    : '—'}
                </Table.Td>
                <Table.Td>
                  <Badge color={agency.active ? 'teal' : 'gray'} variant="light">
                    {agency.active ? t('agencies.active') : t('agencies.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(i18n.language, agency.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setDirectoryFor(agency.id)}
                      aria-label={tc('directory.entryButtonNamed', { name: agency.name })}
                    >
                      {tc('directory.entryButton')}
                    </Button>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => toggle.mutate(agency)}
                      loading={toggle.isPending && toggle.variables?.id === agency.id}
                      aria-label={t(agency.active ? 'agencies.deactivateNamed' : 'agencies.reactivateNamed', {
                        name: agency.name,
                      })}
                    >
                      {agency.active ? t('agencies.deactivate') : t('agencies.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {agencies.isSuccess && agencies.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('agencies.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        shown={agencies.items.length}
        hasMore={Boolean(agencies.hasNextPage)}
        loading={agencies.isFetchingNextPage}
        onLoadMore={() => void agencies.fetchNextPage()}
      />
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('agencies.create')}
        size="lg"
        centered
      >
        {creating && <AgencyForm networks={networks.data ?? []} onDone={() => setCreating(false)} />}
      </Modal>
      <DirectoryEntryModal
        entry={directoryFor && directoryEntry.data?.agencyId === directoryFor ? directoryEntry.data : null}
        onClose={() => setDirectoryFor(null)}
      />
    </Stack>
  );
}

function AgencyForm({ networks, onDone }: { networks: { id: string; name: string }[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: BodyOf<typeof routes.admin.createAgency>) => call(routes.admin.createAgency, { body }),
    onSuccess: (agency) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.agencies });
      void queryClient.invalidateQueries({ queryKey: directoryKeys.networks });
      notifications.show({ color: 'indigo', message: t('agencies.created', { name: agency.name }) });
      onDone();
    },
  });
  const form = useSchemaForm({
    schema: AgencyCreate,
    initialValues: {
      name: '',
      kind: 'perpetrator_programme' as AgencyKind,
      region: '',
      networkIds: [] as string[],
    },
    onSubmit: (body) => create.mutateAsync(body),
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <TextInput label={t('agencies.form.name')} required {...form.getInputProps('name')} />
        <NativeSelect
          label={t('agencies.form.kind')}
          required
          {...form.getInputProps('kind')}
          data={AGENCY_KINDS.map((k) => ({ value: k, label: agencyKindLabel(t, k) }))}
        />
        <TextInput label={t('agencies.form.region')} {...form.getInputProps('region')} />
        {networks.length > 0 && (
          <Checkbox.Group label={t('agencies.form.networks')} {...form.getInputProps('networkIds')}>
            <Stack gap="xs" mt="xs">
              {networks.map((network) => (
                <Checkbox key={network.id} value={network.id} label={network.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onDone} pending={create.isPending} submitLabel={t('agencies.form.submit')} />
      </Stack>
    </form>
  );
}
