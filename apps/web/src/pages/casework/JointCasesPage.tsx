import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePaged } from '../../api/usePaged';
import { useSession } from '../../auth/session';
import { keys } from '../../casework/api';
import { CASEWORK_NS } from '../../casework/i18n';
import type { JointCaseSummaryView } from '../../casework/types';
import { FormAlert } from '../../components/FormAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { NoAccess } from '../NotFoundPage';
import { CaseList } from './HomeWork';

export function JointCasesPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const allowed = Boolean(session?.abilities.casework);
  const cases = usePaged<JointCaseSummaryView>(keys.jointCases, '/api/joint-cases', {}, allowed);
  if (!allowed) return <NoAccess />;
  return (
    <Stack maw={900}>
      <div>
        <PageTitle documentTitle={t('cases.title')}>{t('cases.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('cases.intro')}
        </Text>
      </div>
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
