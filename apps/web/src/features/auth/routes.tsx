import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazyPage';
import { SignInPage } from './pages/SignInPage';

/** Signing in, step by step, and the one-time links of e-mails: outside the signed-in layout. */
export const authRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/sign-in/password',
    lazy: lazyPage(() => import('./pages/ChangePasswordPage'), 'ChangePasswordPage'),
  },
  {
    path: '/sign-in/mfa-setup',
    lazy: lazyPage(() => import('./pages/MfaSetupPage'), 'MfaSetupPage'),
  },
  {
    path: '/sign-in/mfa',
    lazy: lazyPage(() => import('./pages/MfaVerifyPage'), 'MfaVerifyPage'),
  },
  {
    path: '/account-link',
    lazy: lazyPage(() => import('./pages/AccountLinkPage'), 'AccountLinkPage'),
  },
];

/** The signed-in user's own account. */
export const accountRoutes: RouteObject[] = [
  {
    path: 'account/password',
    lazy: lazyPage(() => import('./pages/ChangePasswordPage'), 'OwnPasswordPage'),
  },
  {
    path: 'account/calendar-feed',
    lazy: lazyPage(() => import('../account/pages/CalendarFeedPage'), 'CalendarFeedPage'),
  },
];
