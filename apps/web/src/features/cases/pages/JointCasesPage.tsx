import { Group, Stack, Text } from '@mantine/core';
import { routes } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { usePagedRoute } from '../../../api/usePaged';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { LoadMore } from '../../../components/LoadMore';
import { NoAccess } from '../../../components/NotFound';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { caseKeys } from '../api';
import { CaseList } from '../components/CaseList';
import { OpenJointCaseFinder } from '../components/OpenJointCaseFinder';

export function JointCasesPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.casework);
  const cases = usePagedRoute(caseKeys.list, routes.cases.list, {}, allowed);
  if (!allowed) return <NoAccess />;
  return (
    <Stack maw={900}>
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle documentTitle={t('cases.title')}>{t('cases.title')}</PageTitle>
          <Text c="dimmed" mt={-8}>
            {t('cases.intro')}
          </Text>
        </div>
        {/* Her case manager opens a joint case from her file; the file's own abilities decide. */}
        {session?.abilities.supportVictims && <OpenJointCaseFinder />}
      </Group>
      <FormAlert error={cases.error} />
      {cases.isSuccess && <CaseList cases={cases.items} empty={t('cases.empty')} />}
      <LoadMore
        shown={cases.items.length}
        hasMore={Boolean(cases.hasNextPage)}
        loading={cases.isFetchingNextPage}
        onLoadMore={() => void cases.fetchNextPage()}
      />
    </Stack>
  );
}
