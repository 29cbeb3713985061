import type { Side } from '@tandem/shared';

/** An account as authentication sees it: the one place password hashes and TOTP secrets are read. */
export interface Credentials {
  id: string;
  agencyId: string | null;
  side: Side;
  email: string;
  displayName: string;
  passwordHash: string;
  active: boolean;
  mustChangePassword: boolean;
  totpSecretEnc: string | null;
  totpPendingSecretEnc: string | null;
  totpLastUsedStep: number | null;
  mfaEnrolled: boolean;
  /** Wrong second-factor codes since the last full sign-in (passwords do not reset them). */
  mfaFailures: number;
  /** The second-factor lockout. */
  lockedUntil: Date | null;
  isDemo: boolean;
  /** What a pending one-time link resets; empty when there is none in force. */
  credentialLinkResets: ReadonlyArray<'password' | 'mfa'>;
  credentialLinkExpiresAt: Date | null;
}

/** The columns `Credentials` are read from (data/auth.store.ts, through the system door). */
export const CREDENTIAL_COLUMNS = [
  'id',
  'agency_id',
  'side',
  'email',
  'display_name',
  'password_hash',
  'active',
  'must_change_password',
  'totp_secret_enc',
  'totp_pending_secret_enc',
  'totp_last_used_step',
  'mfa_enrolled_at',
  'mfa_failures',
  'locked_until',
  'is_demo',
  'credential_link_resets',
  'credential_link_expires_at',
] as const;

export function toCredentials(row: {
  id: string;
  agency_id: string | null;
  side: string;
  email: string;
  display_name: string;
  password_hash: string;
  active: boolean;
  must_change_password: boolean;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_last_used_step: string | null;
  mfa_enrolled_at: Date | null;
  mfa_failures: number;
  locked_until: Date | null;
  is_demo: boolean;
  credential_link_resets: string[];
  credential_link_expires_at: Date | null;
}): Credentials {
  return {
    id: row.id,
    agencyId: row.agency_id,
    side: row.side as Side,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    active: row.active,
    mustChangePassword: row.must_change_password,
    totpSecretEnc: row.totp_secret_enc,
    totpPendingSecretEnc: row.totp_pending_secret_enc,
    totpLastUsedStep: row.totp_last_used_step === null ? null : Number(row.totp_last_used_step),
    mfaEnrolled: row.mfa_enrolled_at !== null,
    mfaFailures: row.mfa_failures,
    lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
    isDemo: row.is_demo,
    credentialLinkResets: row.credential_link_resets.filter(
      (reset): reset is 'password' | 'mfa' => reset === 'password' || reset === 'mfa',
    ),
    credentialLinkExpiresAt: row.credential_link_expires_at ? new Date(row.credential_link_expires_at) : null,
  };
}
