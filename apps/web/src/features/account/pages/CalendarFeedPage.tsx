import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { PageTitle } from '../../../components/PageTitle';
import { CalendarFeedCard } from '../components/CalendarFeedCard';

/** The signed-in user's own calendar feed. */
export function CalendarFeedPage() {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Stack maw={640}>
      <PageTitle documentTitle={t('calendarFeed.title')}>{t('calendarFeed.title')}</PageTitle>
      <CalendarFeedCard />
    </Stack>
  );
}
