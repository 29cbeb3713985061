import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';

/** The link to the user's calendar feed, beside "Change my password" in the navigation. */
export function CalendarFeedLink({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Anchor component={Link} to="/account/calendar-feed" size="sm" display="block" mb={4} onClick={onClick}>
      {t('calendarFeed.link')}
    </Anchor>
  );
}
