import type { Language, SessionStage, SessionView } from '@tandem/shared';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Config } from '../config.js';
import { AuthStore, actorOf, type Credentials, type SessionRecord } from '../data/auth.store.js';
import type { CommandScope } from '../data/command-scope.js';
import { throttleKeys } from '../data/sign-in-throttle.store.js';
import { type Clock, dateIn, systemClock } from '../domain/clock.js';
import { AppError, invalidInput } from '../domain/errors.js';
import { abilitiesFor } from '../policy/abilities.js';
import { userPolicy } from '../policy/user.policy.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { spendPasswordCheckTime, verifyPassword } from '../security/passwords.js';
import { newToken, sha256Hex } from '../security/tokens.js';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpEnrolment,
  verifyTotp,
} from '../security/totp.js';
import { type Mailer, mailerFor } from './accounts/account-mail.js';

/**
 * Sign-in, the second factor, and sessions. Every outcome — success, failure, lockout — is
 * audited through the recorder of the command's transaction. The store reaches credentials
 * through the system door for 'authentication' (data/auth.store.ts).
 *
 * Following OWASP: one answer for every failed sign-in; wrong passwords slow further tries of
 * that e-mail from that address (and of that address) down, with growing delays, and never
 * lock the account — a stranger who knows an address cannot keep its owner out. Wrong
 * second-factor codes come only from someone who has the password: those lock the account.
 */

export type SignInResult =
  | { kind: 'signed_in'; token: string; session: SessionRecord }
  | { kind: 'invalid_credentials' }
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'locked'; until: Date }
  | { kind: 'link_required' };

/** The one answer for every failed sign-in: unknown address, wrong password, inactive account. */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The e-mail address or the password is not correct');

export const signInThrottled = (seconds: number) =>
  new AppError(
    429,
    'sign_in_throttled',
    `Too many failed sign-ins from here for this address. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
  );

/** Only after the right password: too many wrong second-factor codes. */
export const accountLocked = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    423,
    'account_locked',
    `This account is locked after too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your agency admin to unlock it.`,
  );
};

/** Only after the right password: the second factor was reset, and only the e-mailed link re-enrols it. */
export const credentialLinkRequired = () =>
  new AppError(
    403,
    'credential_link_required',
    'Your second factor was reset. Use the link sent to your e-mail address to set up a new one (ask your administrator for a new link if it expired).',
  );

const wrongStage = () => new AppError(409, 'wrong_stage', 'This step does not apply to your session now');

/** Growing delays (OWASP): free tries, then 1 s, 2 s, 4 s… up to the cap; never a lock. */
export const throttleDelaySeconds = (failures: number, freeTries: number, capSeconds: number) =>
  failures < freeTries ? 0 : Math.min(2 ** (failures - freeTries), capSeconds);

export class AuthService {
  readonly mailer: Mailer;

  constructor(
    private readonly config: Config,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock = systemClock,
  ) {
    this.mailer = mailerFor(config);
  }

  /**
   * Where a sign-in goes after the password: the second factor first (verified, or enrolled by a
   * new account), and a required password change only after it when the factor is enrolled.
   */
  private firstStage(account: Credentials): { stage: SessionStage; mfaSkipped: boolean } {
    if (account.isDemo && this.config.DEMO_MODE) return { stage: 'active', mfaSkipped: true };
    if (account.mfaEnrolled) return { stage: 'mfa_verify', mfaSkipped: false };
    if (account.mustChangePassword) return { stage: 'password_change', mfaSkipped: false };
    return { stage: 'mfa_enrolment', mfaSkipped: false };
  }

  /** The delay still to wait before this e-mail may be tried from this address, in seconds. */
  private async throttleWait(store: AuthStore, email: string, address: string): Promise<number> {
    const keys = throttleKeys(email, address);
    const cap = this.config.LOCKOUT_MINUTES * 60;
    const free = {
      [keys.pair]: this.config.LOCKOUT_THRESHOLD,
      [keys.address]: this.config.LOCKOUT_THRESHOLD * 4,
    };
    const now = this.clock.now().getTime();
    const waits = (await store.throttle.throttleOf([keys.pair, keys.address])).map((counter) => {
      const delay = throttleDelaySeconds(counter.failures, free[counter.key] ?? 0, cap);
      return Math.ceil((counter.lastFailureAt.getTime() + delay * 1000 - now) / 1000);
    });
    return Math.max(0, ...waits);
  }

  async signIn(
    store: AuthStore,
    audit: AuditRecorder,
    email: string,
    password: string,
    address: string,
  ): Promise<SignInResult> {
    const now = this.clock.now();
    // Throttled by the e-mail as typed, known or not: the answer tells nobody which accounts exist.
    const wait = await this.throttleWait(store, email, address);
    if (wait > 0) {
      audit.record({ action: 'auth.sign_in', outcome: 'denied', details: { reason: 'throttled' } });
      return { kind: 'throttled', retryAfterSeconds: wait };
    }
    const keys = throttleKeys(email, address);
    const failed = async (reason: string, account?: Credentials): Promise<SignInResult> => {
      await store.throttle.countThrottledFailure([keys.pair, keys.address], now);
      if (account && reason === 'wrong_password') await store.recordPasswordFailure(account.id, now);
      audit.record({
        action: 'auth.sign_in',
        outcome: 'failure',
        ...(account && { resourceType: 'user', resourceId: account.id }),
        details: { reason },
      });
      return { kind: 'invalid_credentials' };
    };
    const account = await store.credentialsByEmail(email);
    if (!account) {
      await spendPasswordCheckTime(password);
      return failed('unknown_account');
    }
    audit.identify({ userId: account.id, agencyId: account.agencyId, side: account.side });
    if (!(await verifyPassword(account.passwordHash, password))) return failed('wrong_password', account);
    if (!account.active) return failed('inactive', account);
    // Demo accounts share a published password: outside demo mode they do not sign in at all.
    if (account.isDemo && !this.config.DEMO_MODE) return failed('demo_account', account);
    await store.throttle.clearThrottle([keys.pair]);
    const denied = (reason: string) =>
      audit.record({
        action: 'auth.sign_in',
        outcome: 'denied',
        resourceType: 'user',
        resourceId: account.id,
        details: { reason },
      });
    if (account.lockedUntil && account.lockedUntil > now) {
      denied('locked');
      return { kind: 'locked', until: account.lockedUntil };
    }
    if (!account.mfaEnrolled && account.credentialLinkResets.includes('mfa')) {
      denied('credential_link_required');
      return { kind: 'link_required' };
    }
    const { stage, mfaSkipped } = this.firstStage(account);
    if (stage === 'active') await store.recordSuccessfulSignIn(account.id, now);
    const { token, session } = await this.openSession(store, account.id, stage, mfaSkipped);
    audit.record({
      action: 'auth.sign_in',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
      details: { stage, mfaSkipped },
    });
    return { kind: 'signed_in', token, session };
  }

  /** A new session at a stage; the token is the cookie, only its hash is stored. */
  async openSession(store: AuthStore, userId: string, stage: SessionStage, mfaSkipped = false) {
    const now = this.clock.now();
    const token = newToken();
    const sessionId = sha256Hex(token);
    await store.createSession({
      id: sessionId,
      userId,
      stage,
      mfaSkipped,
      csrfToken: newToken(),
      expiresAt: new Date(now.getTime() + this.config.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000),
      at: now,
    });
    return { token, session: (await store.findSession(sessionId))! };
  }

  async startEnrolment(store: AuthStore, audit: AuditRecorder, session: SessionRecord) {
    if (session.stage !== 'mfa_enrolment') throw wrongStage();
    const secret = newTotpSecret();
    await store.setPendingTotpSecret(session.user.id, this.cipher.encrypt(secret));
    audit.record({
      action: 'auth.mfa_enrolment_started',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.user.id,
    });
    return totpEnrolment(secret, session.user.email);
  }

  async confirmEnrolment(store: AuthStore, audit: AuditRecorder, session: SessionRecord, code: string) {
    if (session.stage !== 'mfa_enrolment') throw wrongStage();
    const account = (await store.credentialsById(session.user.id))!;
    if (!account.totpPendingSecretEnc) throw wrongStage();
    const secret = this.cipher.decrypt(account.totpPendingSecretEnc);
    const step = await verifyTotp(secret, code, null);
    if (step === null) {
      audit.record({
        action: 'auth.mfa_enrolment',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: account.id,
      });
      throw invalidInput(
        'code',
        'That code is not correct. Check the time on your phone and try the newest code.',
      );
    }
    const recoveryCodes = newRecoveryCodes();
    await store.completeTotpEnrolment(
      account.id,
      this.cipher.encrypt(secret),
      step,
      recoveryCodes.map(hashRecoveryCode),
    );
    await store.recordSuccessfulSignIn(account.id, this.clock.now());
    await store.setSessionStage(session.id, 'active');
    audit.record({
      action: 'auth.mfa_enrolment',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
    });
    return { recoveryCodes };
  }

  /**
   * The second factor at sign-in. Wrong codes are counted per account, apart from passwords (a
   * right password does not reset them); at the threshold the account is locked and every
   * half-open session of it ends, so no session opened before the lockout can still finish.
   */
  async verifySecondFactor(
    store: AuthStore,
    audit: AuditRecorder,
    session: SessionRecord,
    proof: { code: string } | { recoveryCode: string },
  ): Promise<{ ok: true } | { ok: false; lockedUntil: Date | null }> {
    if (session.stage !== 'mfa_verify') throw wrongStage();
    const account = (await store.credentialsById(session.user.id))!;
    const now = this.clock.now();
    const method: 'totp' | 'recovery_code' = 'code' in proof ? 'totp' : 'recovery_code';
    const record = (outcome: 'success' | 'failure' | 'denied', details: Record<string, unknown>) =>
      audit.record({
        action: 'auth.mfa_verify',
        outcome,
        resourceType: 'user',
        resourceId: account.id,
        details,
      });
    if (account.lockedUntil && account.lockedUntil > now) {
      await store.deleteSession(session.id);
      record('denied', { method, reason: 'locked' });
      return { ok: false, lockedUntil: account.lockedUntil };
    }
    let ok = false;
    if ('code' in proof && account.totpSecretEnc) {
      const step = await verifyTotp(
        this.cipher.decrypt(account.totpSecretEnc),
        proof.code,
        account.totpLastUsedStep,
      );
      if (step !== null) {
        await store.recordTotpStep(account.id, step);
        ok = true;
      }
    } else if ('recoveryCode' in proof) {
      ok = await store.consumeRecoveryCode(account.id, hashRecoveryCode(proof.recoveryCode));
    }
    if (!ok) {
      record('failure', { method });
      const lockedUntil = await store.recordSecondFactorFailure(
        account.id,
        this.config.LOCKOUT_THRESHOLD,
        this.config.LOCKOUT_MINUTES,
        now,
      );
      if (lockedUntil) {
        audit.record({
          action: 'auth.lockout',
          outcome: 'success',
          resourceType: 'user',
          resourceId: account.id,
          details: { minutes: this.config.LOCKOUT_MINUTES },
        });
      }
      return { ok: false, lockedUntil };
    }
    await store.recordSuccessfulSignIn(account.id, now);
    await store.setSessionStage(session.id, account.mustChangePassword ? 'password_change' : 'active');
    record('success', { method });
    return { ok: true };
  }

  async signOut(store: AuthStore, audit: AuditRecorder, session: SessionRecord) {
    await store.deleteSession(session.id);
    audit.record({
      action: 'auth.sign_out',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.user.id,
    });
  }

  async signOutEverywhere(store: AuthStore, audit: AuditRecorder, session: SessionRecord) {
    const ended = await store.deleteSessionsOf(session.user.id);
    audit.record({
      action: 'auth.sign_out_all',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.user.id,
      details: { ended },
    });
  }

  async setLanguage(store: AuthStore, audit: AuditRecorder, session: SessionRecord, language: Language) {
    await store.setLanguage(session.user.id, language);
    audit.record({
      action: 'user.preferences',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.user.id,
    });
  }

  toView(session: SessionRecord): SessionView {
    return {
      stage: session.stage,
      user: {
        id: session.user.id,
        email: session.user.email,
        displayName: session.user.displayName,
        agencyId: session.user.agencyId,
        agencyName: session.user.agencyName,
        roles: session.user.roles,
        side: session.user.side,
        language: session.user.language as Language,
      },
      abilities: abilitiesFor(actorOf(session, this.clock.now())),
      reviewsRoleApprovals: userPolicy.seesRoleApprovals(actorOf(session, this.clock.now())),
      csrfToken: session.csrfToken,
      demoMode: this.config.DEMO_MODE,
      mfaSkipped: session.mfaSkipped,
      idleTimeoutSeconds: this.config.SESSION_IDLE_TIMEOUT_MINUTES * 60,
      timeZone: session.timeZone,
      today: dateIn(session.timeZone, this.clock.now()),
      serverTime: this.clock.now().toISOString(),
    };
  }
}

/**
 * What an administrator's change to an account sets off in authentication: its sessions end
 * (its roles, side or standing changed), and a reset second factor takes its recovery codes
 * with it. Sessions and codes are authentication's own rows, reached through its store.
 */
export async function endSessionsOf(scope: CommandScope, userId: string): Promise<number> {
  return new AuthStore(scope.system('authentication')).deleteSessionsOf(userId);
}

export async function forgetRecoveryCodesOf(scope: CommandScope, userId: string): Promise<void> {
  await new AuthStore(scope.system('authentication')).deleteRecoveryCodesOf(userId);
}
