import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle documentTitle={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle documentTitle={t('noAccess.title')}>{t('noAccess.title')}</PageTitle>
      <Text>{t('noAccess.body')}</Text>
    </Stack>
  );
}
