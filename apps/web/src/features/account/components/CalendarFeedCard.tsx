import { Alert, Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { useCalendarFeed, useCalendarFeedChange } from '../api';

/**
 * The user's personal calendar feed (README, "Calendar feed"): made, replaced or revoked here.
 * Its URL holds a secret and is shown once, right after it is made; afterwards the card says
 * only since when a feed is in force.
 */
export function CalendarFeedCard() {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const status = useCalendarFeed();
  const { create, revoke } = useCalendarFeedChange();
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const active = status.data?.active === true;
  const since = status.data?.activeSince
    ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(status.data.activeSince),
      )
    : null;

  const make = () => create.mutate(undefined, { onSuccess: (created) => setShownUrl(created.url) });
  const end = () => revoke.mutate(undefined, { onSuccess: () => setShownUrl(null) });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="calendar-feed-title">
          {t('calendarFeed.title')}
        </Title>
        <Text size="sm">{t('calendarFeed.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('calendarFeed.privacy')}
        </Text>
        {shownUrl && (
          <Alert color="indigo" title={t('calendarFeed.shownOnce')}>
            <Stack gap="xs">
              <TextInput
                label={t('calendarFeed.url')}
                value={shownUrl}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
              />
              <Group>
                <CopyButton value={shownUrl}>
                  {({ copied, copy }) => (
                    <Button size="xs" onClick={copy} variant={copied ? 'light' : 'filled'}>
                      {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {status.isSuccess && (
          <Text size="sm" fw={600} data-testid="calendar-feed-status">
            {active && since ? t('calendarFeed.activeSince', { since }) : t('calendarFeed.none')}
          </Text>
        )}
        <Group>
          <Button onClick={make} loading={create.isPending} disabled={!status.isSuccess}>
            {active ? t('calendarFeed.replace') : t('calendarFeed.create')}
          </Button>
          {active && (
            <Button variant="default" color="red" onClick={end} loading={revoke.isPending}>
              {t('calendarFeed.revoke')}
            </Button>
          )}
        </Group>
        {active && (
          <Text size="xs" c="dimmed">
            {t('calendarFeed.replaceHint')}
          </Text>
        )}
        <FormAlert error={status.error ?? create.error ?? revoke.error} />
      </Stack>
    </Card>
  );
}
