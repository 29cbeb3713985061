import { Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { NetworkCreate, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BodyOf, call } from '../../../api/client';
import { directoryKeys } from '../../../api/directory';
import { isApiError } from '../../../api/errors';
import { usePagedRoute } from '../../../api/usePaged';
import { formatDateTime } from '../../../app/i18n/labels';
import { FormAlert } from '../../../components/FormAlert';
import { type FieldErrors, serverFieldErrors, validate } from '../../../components/forms/validation';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
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
                <Table.Td>{network.agencyCount}</Table.Td>
                <Table.Td>{formatDateTime(i18n.language, network.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
            {networks.isSuccess && networks.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>{t('networks.empty')}</Table.Td>
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

function NetworkForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [interval, setMeetingInterval] = useState<number | string>(28);
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationFn: (body: BodyOf<typeof routes.admin.createNetwork>) =>
      call(routes.admin.createNetwork, { body }),
    onSuccess: (network) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.networks });
      notifications.show({ color: 'indigo', message: t('networks.created', { name: network.name }) });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error)) setErrors(serverFieldErrors(error.fields));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(
      NetworkCreate,
      {
        name,
        region: region.trim() || undefined,
        meetingIntervalDays: interval === '' ? undefined : Number(interval),
      },
      t,
    );
    setErrors(result.ok ? {} : result.errors);
    if (result.ok) create.mutate(result.data);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('networks.form.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('networks.form.region')}
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          error={errors.region}
        />
        <NumberInput
          label={t('networks.form.meetingInterval')}
          description={t('networks.form.meetingIntervalHint')}
          min={7}
          max={90}
          allowDecimal={false}
          value={interval}
          onChange={setMeetingInterval}
          error={errors.meetingIntervalDays}
        />
        <FormAlert error={create.error} shownFields={['name', 'region', 'meetingIntervalDays']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('networks.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
