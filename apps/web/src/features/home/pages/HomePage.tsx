import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listFormat, roleLabel, sideDescription, sideLabel } from '../../../app/i18n/labels';
import { DemoBanner } from '../../../components/DemoBanner';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { HomeMeetingCards } from '../../meetings/components/HomeMeetingCards';
import { HomeWork } from '../components/HomeWork';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  if (!session) return null;
  const { user } = session;
  const roles = listFormat(
    i18n.language,
    user.roles.map((role) => roleLabel(t, role)),
  );

  return (
    <Stack gap="lg" maw={1100}>
      <DemoBanner session={session} />
      <div>
        <PageTitle documentTitle={t('home.title')}>{t('home.welcome', { name: user.displayName })}</PageTitle>
        {user.agencyName && <Text>{t('home.agency', { agency: user.agencyName })}</Text>}
        <Text>{t('home.roles', { count: user.roles.length, roles })}</Text>
        <Text mt="xs">
          <strong>{sideLabel(t, user.side)}.</strong> {sideDescription(t, user.side)}
        </Text>
      </div>
      <HomeWork session={session} />
      <HomeMeetingCards session={session} />
    </Stack>
  );
}
