import { z } from 'zod';
import { LANGUAGES, ROLES, SESSION_STAGES, SIDES } from '../enums.js';
import { Email, IsoDateTime } from './common.js';

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

/**
 * Passwords: length over composition rules (NIST SP 800-63B), and nothing guessable: the server
 * judges every new password with zxcvbn (its score, 0–4, must reach PASSWORD_MIN_SCORE) and
 * refuses the account's own names and e-mail address.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_SCORE = 3;

/**
 * Why a new password was refused: the `error` code of the 400 answer (its `fields[0].path` names
 * the password field, its `message` is English). The web translates the code; the only numbers
 * a message needs are the constants above.
 */
export const PASSWORD_REFUSAL_REASONS = [
  'password_too_short',
  'password_too_long',
  'password_contains_email',
  'password_contains_name',
  'password_too_common',
  'password_repetitive',
  'password_too_weak',
  'password_unchanged',
] as const;
export type PasswordRefusalReason = (typeof PASSWORD_REFUSAL_REASONS)[number];

/** Shape only: the strength is judged by the server (a refusal names its reason). */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/** Changing one's password: only in a fully signed-in session, with the current password. */
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(1024),
  newPassword: NewPassword,
});

export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** What a new password is judged as, before it is sent (a strength meter). */
export const PasswordCheckBody = z.object({
  password: z.string().max(1024),
  /** On the credential-link page, the link's token names the account; signed in, the session does. */
  token: z.string().min(20).max(200).optional(),
});
export const PasswordCheck = z.object({
  acceptable: z.boolean(),
  /** zxcvbn's score, 0–4. */
  score: z.number().int().min(0).max(4),
  reason: z.enum(PASSWORD_REFUSAL_REASONS).nullable(),
  /** English; the web shows its own translation of `reason`. */
  message: z.string().nullable(),
});
export type PasswordCheck = z.infer<typeof PasswordCheck>;

/**
 * The one-time link an account is set up or recovered with (sent by e-mail to its owner, never
 * shown to an administrator): `${PUBLIC_URL}/account-link#<token>`. The page reads the token
 * from the fragment, asks what the link is for, and redeems it.
 */
export const CredentialLinkToken = z.object({ token: z.string().min(20).max(200) });
export const CredentialLinkView = z.object({
  email: z.string(),
  displayName: z.string(),
  /** The link sets a new password (else the current one is asked for). */
  setsPassword: z.boolean(),
  /** After the link, the second factor is enrolled anew. */
  enrolsSecondFactor: z.boolean(),
  expiresAt: z.iso.datetime(),
});
export type CredentialLinkView = z.infer<typeof CredentialLinkView>;
export const RedeemCredentialLinkBody = z.object({
  token: z.string().min(20).max(200),
  /** Required when the link sets the password. */
  newPassword: NewPassword.optional(),
  /** Required when it does not (a second-factor reset): proves the password too. */
  currentPassword: z.string().min(1).max(1024).optional(),
});
export type RedeemCredentialLinkBody = z.infer<typeof RedeemCredentialLinkBody>;

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
  viewProgrammes: z.boolean(),
  /** Victim-side work: her support episode, consent, partner contact, duties to inform. */
  supportVictims: z.boolean(),
  /** Network coordinator: agreements and Phase 1 meetings. */
  coordinateNetwork: z.boolean(),
  /** Her side and child protection: each child's assessments and the children's risk levels. */
  assessChildren: z.boolean(),
  /** Network coordinator and analyst: the network's counts, small ones suppressed (no case). */
  readNetworkStatistics: z.boolean(),
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
  /** Show the queue of victim-side roles waiting for a second person (GET /api/role-approvals). */
  reviewsRoleApprovals: z.boolean(),
  csrfToken: z.string(),
  demoMode: z.boolean(),
  /** True when the server is in demo mode and this demo account skipped the second factor. */
  mfaSkipped: z.boolean(),
  idleTimeoutSeconds: z.number().int(),
  /**
   * The network's calendar, from the one clock on the server: its time zone, today there, and the
   * server's time (the web app's dates follow it, not the device's clock or zone).
   */
  timeZone: z.string(),
  today: z.string(),
  serverTime: z.string(),
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

/**
 * The signed-in user's calendar feed (README, "Calendar feed"): whether a feed URL is in force and
 * since when. The URL itself holds a secret and is shown once, when it is made.
 */
export const CalendarFeedStatus = z.object({
  active: z.boolean(),
  activeSince: IsoDateTime.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

/** A new feed URL, shown this once: only its hash is kept. Any earlier URL has stopped working. */
export const CalendarFeedCreated = z.object({
  url: z.string(),
  activeSince: IsoDateTime,
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

/** The secret of a feed URL: the token is the authentication, so a malformed one is simply unknown. */
export const CalendarFeedParams = z.object({ token: z.string().max(200) });
