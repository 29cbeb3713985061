import { z } from 'zod';
import { LANGUAGES, ROLES, SESSION_STAGES, SIDES } from '../enums.js';
import { Email } from './common.js';

export const LoginBody = z.object({
  email: Email,
  password: z.string().min(1, 'Enter your password').max(1024),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const TotpCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'),
});

export type TotpCodeBody = z.infer<typeof TotpCodeBody>;

export const MfaVerifyBody = z.union([
  TotpCodeBody,
  z.object({
    recoveryCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/, 'Enter a recovery code like ABCDE-12345'),
  }),
]);
export type MfaVerifyBody = z.infer<typeof MfaVerifyBody>;

/** Passwords: length over composition rules (NIST SP 800-63B). */
export const NewPassword = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(1024, 'Use at most 1024 characters');

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: NewPassword,
});

export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const PreferencesBody = z.object({ language: z.enum(LANGUAGES) });

/**
 * What the client may show. Abilities only hide buttons: the server decides every
 * request again through the policy module.
 */
export const Abilities = z.object({
  manageNetworks: z.boolean(),
  manageAgencies: z.boolean(),
  manageUsers: z.boolean(),
  viewAudit: z.boolean(),
  /** Case roles: people, episodes, joint cases. */
  casework: z.boolean(),
  /** Perpetrator-side case manager: referrals and programme episodes. */
  referPerpetrators: z.boolean(),
  /** Victim-side work: her support episode, consent, partner contact, duties to inform. */
  supportVictims: z.boolean(),
  /** Network coordinator: agreements and Phase 1 meetings. */
  coordinateNetwork: z.boolean(),
});
export type Abilities = z.infer<typeof Abilities>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  agencyId: z.uuid().nullable(),
  agencyName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  side: z.enum(SIDES),
  language: z.enum(LANGUAGES),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionView = z.object({
  stage: z.enum(SESSION_STAGES),
  user: SessionUser,
  abilities: Abilities,
  csrfToken: z.string(),
  demoMode: z.boolean(),
  /** True when the server is in demo mode and this demo account skipped the second factor. */
  mfaSkipped: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionView = z.infer<typeof SessionView>;

export const MfaEnrolment = z.object({
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
  secret: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolment>;

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** What the sign-in page needs before anyone is signed in. Demo logins only in demo mode. */
export const PublicConfig = z.object({
  demoMode: z.boolean(),
  languages: z.array(z.enum(LANGUAGES)),
  demoAccounts: z.array(
    z.object({
      email: z.string(),
      displayName: z.string(),
      roles: z.array(z.enum(ROLES)),
      agencyName: z.string().nullable(),
    }),
  ),
  demoPassword: z.string().nullable(),
});
export type PublicConfig = z.infer<typeof PublicConfig>;
