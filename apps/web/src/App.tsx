import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { queryClient } from './api/queryClient';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { RequireActiveSession } from './auth/guards';
import { MfaSetupPage } from './auth/MfaSetupPage';
import { MfaVerifyPage } from './auth/MfaVerifyPage';
import { SignInPage } from './auth/SignInPage';
import { useSession } from './auth/session';
import { caseworkRoutes } from './casework/routes';
import { applyLanguage } from './i18n';
import { isUiLanguage } from './i18n/languages';
import { AppLayout } from './layout/AppLayout';
import { meetingRoutes } from './meetings/routes';
import { AgenciesPage } from './pages/admin/AgenciesPage';
import { AuditPage } from './pages/admin/AuditPage';
import { NetworksPage } from './pages/admin/NetworksPage';
import { UsersPage } from './pages/admin/UsersPage';
import { HomePage } from './pages/HomePage';
import { instrumentRoutes } from './pages/instruments/routes';
import { NotFoundPage } from './pages/NotFoundPage';
import { buildTheme, cssVariablesResolver } from './theme';

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/password', element: <ChangePasswordPage /> },
  { path: '/sign-in/mfa-setup', element: <MfaSetupPage /> },
  { path: '/sign-in/mfa', element: <MfaVerifyPage /> },
  {
    element: <RequireActiveSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'admin/users', element: <UsersPage /> },
          { path: 'admin/agencies', element: <AgenciesPage /> },
          { path: 'admin/networks', element: <NetworksPage /> },
          { path: 'admin/audit', element: <AuditPage /> },
          ...caseworkRoutes,
          ...instrumentRoutes,
          ...meetingRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** The signed-in user's saved language wins over the one chosen on this browser. */
function SessionLanguage() {
  const language = useSession().data?.user.language;
  useEffect(() => {
    if (isUiLanguage(language)) void applyLanguage(language);
  }, [language]);
  return null;
}

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => buildTheme({ close: t('common.close') }), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Notifications position="top-right" />
        <SessionLanguage />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
