import type { RouteObject } from 'react-router';
import { AccountLinkPage } from './pages/AccountLinkPage';
import { ChangePasswordPage, OwnPasswordPage } from './pages/ChangePasswordPage';
import { MfaSetupPage } from './pages/MfaSetupPage';
import { MfaVerifyPage } from './pages/MfaVerifyPage';
import { SignInPage } from './pages/SignInPage';

/** Signing in, step by step, and the one-time links of e-mails: outside the signed-in layout. */
export const authRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/password', element: <ChangePasswordPage /> },
  { path: '/sign-in/mfa-setup', element: <MfaSetupPage /> },
  { path: '/sign-in/mfa', element: <MfaVerifyPage /> },
  { path: '/account-link', element: <AccountLinkPage /> },
];

/** The signed-in user's own account. */
export const accountRoutes: RouteObject[] = [{ path: 'account/password', element: <OwnPasswordPage /> }];
