import type { RouteObject } from 'react-router';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { MfaSetupPage } from './pages/MfaSetupPage';
import { MfaVerifyPage } from './pages/MfaVerifyPage';
import { SignInPage } from './pages/SignInPage';

/** Signing in, step by step: outside the signed-in layout. */
export const authRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/password', element: <ChangePasswordPage /> },
  { path: '/sign-in/mfa-setup', element: <MfaSetupPage /> },
  { path: '/sign-in/mfa', element: <MfaVerifyPage /> },
];
