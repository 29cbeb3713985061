import {
  ChangePasswordBody,
  CredentialLinkToken,
  CredentialLinkView,
  LoginBody,
  MfaEnrolment,
  MfaVerifyBody,
  PasswordCheck,
  PasswordCheckBody,
  PreferencesBody,
  RecoveryCodes,
  RedeemCredentialLinkBody,
  SessionView,
  TotpCodeBody,
} from '../schemas/auth.js';
import { Ok } from '../schemas/common.js';
import { defineRoute } from './define.js';

const tags = ['auth'];

/**
 * Signing in: password, the second factor, sessions, and the signed-in user's own preferences.
 * Every step before an active session is reachable at any stage of signing in, and only there.
 */
export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/auth/login',
    // One answer (401 invalid_credentials) for every failed sign-in; 429 sign_in_throttled: wait
    // (Retry-After). After the right password only: 423 account_locked (too many wrong
    // second-factor codes), 403 credential_link_required (second factor reset: use the e-mailed link).
    summary: 'Sign in with e-mail and password',
    tags,
    access: 'public',
    body: LoginBody,
    status: 200,
    response: SessionView,
    errors: [423],
  }),
  session: defineRoute({
    method: 'GET',
    path: '/auth/session',
    summary: 'The current session',
    tags,
    access: 'signed-in-any-stage',
    status: 200,
    response: SessionView,
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/auth/password',
    summary:
      'Change the password (fully signed in, or at the first sign-in of a new account); ends every other session',
    tags,
    access: 'signed-in-any-stage',
    body: ChangePasswordBody,
    status: 200,
    response: SessionView,
  }),
  checkPassword: defineRoute({
    method: 'POST',
    path: '/auth/password/check',
    summary: 'How a new password would be judged (for a strength meter)',
    tags,
    access: 'public',
    body: PasswordCheckBody,
    status: 200,
    response: PasswordCheck,
  }),
  inspectCredentialLink: defineRoute({
    method: 'POST',
    path: '/auth/credential-link',
    summary: 'What a one-time link is for (400 credential_link_invalid when used, replaced or expired)',
    tags,
    access: 'public',
    body: CredentialLinkToken,
    status: 200,
    response: CredentialLinkView,
  }),
  redeemCredentialLink: defineRoute({
    method: 'POST',
    path: '/auth/credential-link/redeem',
    summary:
      'Use a one-time link: set the new password (or prove the current one); starts a session at the second factor',
    tags,
    access: 'public',
    body: RedeemCredentialLinkBody,
    status: 200,
    response: SessionView,
  }),
  startEnrolment: defineRoute({
    method: 'POST',
    path: '/auth/mfa/enrolment',
    summary: 'Start TOTP enrolment',
    tags,
    access: 'signed-in-any-stage',
    status: 200,
    response: MfaEnrolment,
  }),
  confirmEnrolment: defineRoute({
    method: 'POST',
    path: '/auth/mfa/enrolment/confirm',
    summary: 'Confirm TOTP enrolment with a code; returns recovery codes once',
    tags,
    access: 'signed-in-any-stage',
    body: TotpCodeBody,
    status: 200,
    response: RecoveryCodes,
  }),
  verifySecondFactor: defineRoute({
    method: 'POST',
    path: '/auth/mfa/verify',
    summary: 'Second factor at sign-in: TOTP code or recovery code',
    tags,
    access: 'signed-in-any-stage',
    body: MfaVerifyBody,
    status: 200,
    response: SessionView,
    errors: [423],
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/auth/logout',
    summary: 'Sign out of this session',
    tags,
    access: 'signed-in-any-stage',
    status: 200,
    response: Ok,
  }),
  logoutAll: defineRoute({
    method: 'POST',
    path: '/auth/logout-all',
    summary: 'Sign out of every session of this account',
    tags,
    access: 'signed-in-any-stage',
    status: 200,
    response: Ok,
  }),
  setPreferences: defineRoute({
    method: 'PUT',
    path: '/me/preferences',
    summary: 'Set my language',
    tags: ['me'],
    body: PreferencesBody,
    status: 200,
    response: SessionView,
  }),
} as const;
