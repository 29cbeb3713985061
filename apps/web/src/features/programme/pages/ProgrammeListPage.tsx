import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { PP_STATUSES, type PpStatus, routes } from '@tandem/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePagedRoute } from '../../../api/usePaged';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { formatDate } from '../../../components/format';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { programmeKeys } from '../api';
import { PpStatusBadge } from '../components/PpStatusBadge';

/** The programme's episodes (or, on the victim side, the ones shared with this service). */
export function ProgrammeListPage() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const [status, setStatus] = useState<PpStatus | ''>('');
  const allowed = Boolean(session?.abilities.casework);
  const episodes = usePagedRoute(
    programmeKeys.episodes,
    routes.programme.list,
    { status: status || undefined },
    allowed,
  );
  if (!session || !allowed) return <NoAccess />;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('programme.title')}>{t('programme.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {session.abilities.referPerpetrators ? t('programme.intro') : t('programme.introShared')}
          </Text>
        </div>
        {session.abilities.referPerpetrators && (
          <Button component={Link} to="/programme/new">
            {t('programme.newReferral')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('programme.statusFilter')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as PpStatus | '')}
        data={[
          { value: '', label: t('programme.allStatuses') },
          ...PP_STATUSES.map((s) => ({ value: s, label: t(`enums.ppStatus.${s}`) })),
        ]}
        maw={260}
      />
      <FormAlert error={episodes.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Caption>{t('programme.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programme.columns.name')}</Table.Th>
              <Table.Th>{t('programme.columns.status')}</Table.Th>
              <Table.Th>{t('programme.columns.pathway')}</Table.Th>
              <Table.Th>{t('programme.columns.referred')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {episodes.items.map((episode) => (
              <Table.Tr key={episode.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/programme/${episode.id}`} fw={600}>
                    {episode.personName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <PpStatusBadge status={episode.status} />
                </Table.Td>
                <Table.Td>{t(`enums.pathway.${episode.pathway}`)}</Table.Td>
                <Table.Td>{formatDate(i18n.language, episode.referralDate)}</Table.Td>
              </Table.Tr>
            ))}
            {episodes.isSuccess && episodes.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{status ? t('programme.emptyStatus') : t('programme.empty')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        shown={episodes.items.length}
        hasMore={Boolean(episodes.hasNextPage)}
        loading={episodes.isFetchingNextPage}
        onLoadMore={() => void episodes.fetchNextPage()}
      />
    </Stack>
  );
}
