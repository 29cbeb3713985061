import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { dateLocale } from '../components/dateLocales';
import { useSession } from '../features/auth/session';
import { applyLanguage } from './i18n';
import { isUiLanguage } from './i18n/languages';
import { queryClient } from './queryClient';
import { router } from './router';
import { buildTheme, cssVariablesResolver } from './theme';

/** The signed-in user's saved language wins over the one chosen on this browser. */
function SessionLanguage() {
  const language = useSession().data?.user.language;
  useEffect(() => {
    if (isUiLanguage(language)) void applyLanguage(language);
  }, [language]);
  return null;
}

/** The providers around every page: theme, date settings, data cache, notifications, language, the router. */
export function App() {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => buildTheme({ close: t('common.close') }), [t]);
  // Calendars and shown dates in the interface's language; weeks start on Monday in all five.
  const dates = useMemo(
    () => ({ locale: dateLocale(i18n.resolvedLanguage), firstDayOfWeek: 1 as const }),
    [i18n.resolvedLanguage],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={dates}>
        <QueryClientProvider client={queryClient}>
          <Notifications position="top-right" />
          <SessionLanguage />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
