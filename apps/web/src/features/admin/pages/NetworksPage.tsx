import {
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { NetworkCreate, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { directoryKeys } from '../../../api/directory';
import { usePagedRoute } from '../../../api/usePaged';
import { formatDateTime } from '../../../app/i18n/labels';
import { FormAlert } from '../../../components/FormAlert';
import { FormActions } from '../../../components/forms/FormActions';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { RiskInstrumentSetting } from '../../network/components/RiskInstrumentSetting';
import { adminKeys } from '../api';

export function NetworksPage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.manageNetworks);
  const [creating, setCreating] = useState(false);
  const networks = usePagedRoute(adminKeys.networkPage, routes.admin.listNetworks, {}, allowed);

  if (!allowed) return <NoAccess />;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('networks.title')}>{t('networks.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('networks.intro')}
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>{t('networks.create')}</Button>
      </Group>
      <FormAlert error={networks.error} />
      <Table.ScrollContainer minWidth={700}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>{t('networks.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('networks.columns.name')}</Table.Th>
              <Table.Th>{t('networks.columns.region')}</Table.Th>
              <Table.Th>{t('networks.columns.meetingInterval')}</Table.Th>
              <Table.Th>{t('networks.columns.timeZone')}</Table.Th>
              <Table.Th>{t('networks.columns.riskInstrument')}</Table.Th>
              <Table.Th>{t('networks.columns.agencies')}</Table.Th>
              <Table.Th>{t('networks.columns.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {networks.items.map((network) => (
              <Table.Tr key={network.id}>
                <Table.Td fw={600}>{network.name}</Table.Td>
                <Table.Td>{network.region ?? '—'}</Table.Td>
                <Table.Td>{t('networks.everyDays', { count: network.meetingIntervalDays })}</Table.Td>
                <Table.Td>{network.timeZone}</Table.Td>
                <Table.Td>
                  <RiskInstrumentSetting network={network} label={false} />
                </Table.Td>
                <Table.Td>{network.agencyCount}</Table.Td>
                <Table.Td>{formatDateTime(i18n.language, network.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
            {networks.isSuccess && networks.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('networks.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        shown={networks.items.length}
        hasMore={Boolean(networks.hasNextPage)}
        loading={networks.isFetchingNextPage}
        onLoadMore={() => void networks.fetchNextPage()}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('networks.create')} centered>
        {creating && <NetworkForm onDone={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}

/** The zones the browser knows, for the network's time zone (a free entry where it lists none). */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function NetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: BodyOf<typeof routes.admin.createNetwork>) =>
      call(routes.admin.createNetwork, { body }),
    onSuccess: (network) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.networks });
      notifications.show({ color: 'indigo', message: t('networks.created', { name: network.name }) });
      onDone();
    },
  });
  const form = useSchemaForm({
    schema: NetworkCreate,
    initialValues: {
      name: '',
      region: '',
      meetingIntervalDays: 28 as number | string,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? '',
    },
    onSubmit: (body) => create.mutateAsync(body),
  });

  return (
    <form onSubmit={form.submit} noValidate>
      <Stack>
        <TextInput label={t('networks.form.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('networks.form.region')} {...form.getInputProps('region')} />
        <NumberInput
          label={t('networks.form.meetingInterval')}
          description={t('networks.form.meetingIntervalHint')}
          min={7}
          max={90}
          allowDecimal={false}
          {...form.getInputProps('meetingIntervalDays')}
        />
        {TIME_ZONES.length > 0 ? (
          <NativeSelect
            label={t('networks.form.timeZone')}
            description={t('networks.form.timeZoneHint')}
            {...form.getInputProps('timeZone')}
            data={TIME_ZONES as string[]}
          />
        ) : (
          <TextInput
            label={t('networks.form.timeZone')}
            description={t('networks.form.timeZoneHint')}
            placeholder="Europe/Rome"
            {...form.getInputProps('timeZone')}
          />
        )}
        <SchemaFormAlert form={form} />
        <FormActions onCancel={onDone} pending={create.isPending} submitLabel={t('networks.form.submit')} />
      </Stack>
    </form>
  );
}
