import type { Language, SessionStage, SessionView } from '@tandem/shared';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Config } from '../config.js';
import { AuthStore, actorOf, type Credentials, type SessionRecord } from '../data/auth.store.js';
import { AppError, invalidInput } from '../domain/errors.js';
import { abilitiesFor } from '../policy/abilities.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { hashPassword, spendPasswordCheckTime, verifyPassword } from '../security/passwords.js';
import { newToken, sha256Hex } from '../security/tokens.js';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpEnrolment,
  verifyTotp,
} from '../security/totp.js';

/**
 * Sign-in, the second factor, and sessions. Every outcome — success, failure, lockout — is
 * audited through the recorder of the command's transaction.
 */

export type SignInResult =
  | { kind: 'signed_in'; token: string; session: SessionRecord }
  | { kind: 'invalid_credentials' }
  | { kind: 'locked'; until: Date };

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'The e-mail address or the password is not correct');

export const accountLocked = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    423,
    'account_locked',
    `This account is locked after too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your agency admin to unlock it.`,
  );
};

const wrongStage = () => new AppError(409, 'wrong_stage', 'This step does not apply to your session now');

export class AuthService {
  constructor(
    private readonly config: Config,
    private readonly cipher: FieldCipher,
  ) {}

  /** Where a fresh sign-in starts: password change, then enrolment or verification of the second factor. */
  private firstStage(account: Credentials): { stage: SessionStage; mfaSkipped: boolean } {
    if (account.isDemo && this.config.DEMO_MODE) return { stage: 'active', mfaSkipped: true };
    if (account.mustChangePassword) return { stage: 'password_change', mfaSkipped: false };
    return { stage: account.mfaEnrolled ? 'mfa_verify' : 'mfa_enrolment', mfaSkipped: false };
  }

  async signIn(
    store: AuthStore,
    audit: AuditRecorder,
    email: string,
    password: string,
  ): Promise<SignInResult> {
    const account = await store.credentialsByEmail(email);
    if (!account) {
      await spendPasswordCheckTime(password);
      audit.record({ action: 'auth.sign_in', outcome: 'failure', details: { reason: 'unknown_account' } });
      return { kind: 'invalid_credentials' };
    }
    audit.identify({ userId: account.id, agencyId: account.agencyId, side: account.side });
    if (account.lockedUntil && account.lockedUntil > new Date()) {
      audit.record({
        action: 'auth.sign_in',
        outcome: 'denied',
        resourceType: 'user',
        resourceId: account.id,
        details: { reason: 'locked' },
      });
      return { kind: 'locked', until: account.lockedUntil };
    }
    const passwordOk = await verifyPassword(account.passwordHash, password);
    if (!passwordOk || !account.active) {
      const reason = passwordOk ? 'inactive' : 'wrong_password';
      audit.record({
        action: 'auth.sign_in',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: account.id,
        details: { reason },
      });
      if (!passwordOk) {
        const lockedUntil = await store.recordFailedAttempt(
          account.id,
          this.config.LOCKOUT_THRESHOLD,
          this.config.LOCKOUT_MINUTES,
        );
        if (lockedUntil) {
          audit.record({
            action: 'auth.lockout',
            outcome: 'success',
            resourceType: 'user',
            resourceId: account.id,
            details: { minutes: this.config.LOCKOUT_MINUTES },
          });
          return { kind: 'locked', until: lockedUntil };
        }
      }
      return { kind: 'invalid_credentials' };
    }
    await store.recordSuccessfulSignIn(account.id);
    const { stage, mfaSkipped } = this.firstStage(account);
    const token = newToken();
    const sessionId = sha256Hex(token);
    await store.createSession({
      id: sessionId,
      userId: account.id,
      stage,
      mfaSkipped,
      csrfToken: newToken(),
      expiresAt: new Date(Date.now() + this.config.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000),
    });
    audit.record({
      action: 'auth.sign_in',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
      details: { stage, mfaSkipped },
    });
    const session = await store.findSession(sessionId);
    return { kind: 'signed_in', token, session: session! };
  }

  async changePassword(
    store: AuthStore,
    audit: AuditRecorder,
    session: SessionRecord,
    current: string,
    next: string,
  ) {
    const account = (await store.credentialsById(session.user.id))!;
    if (!(await verifyPassword(account.passwordHash, current))) {
      audit.record({
        action: 'auth.password_change',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: account.id,
      });
      throw invalidInput('currentPassword', 'The current password is not correct');
    }
    if (current === next)
      throw invalidInput('newPassword', 'Choose a password different from the current one');
    await store.setPassword(account.id, await hashPassword(next));
    audit.record({
      action: 'auth.password_change',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
    });
    if (session.stage === 'password_change') {
      await store.setSessionStage(session.id, account.mfaEnrolled ? 'mfa_verify' : 'mfa_enrolment');
    }
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
    await store.setSessionStage(session.id, 'active');
    audit.record({
      action: 'auth.mfa_enrolment',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
    });
    return { recoveryCodes };
  }

  /** The second factor at sign-in. Wrong codes count towards the same lockout as wrong passwords. */
  async verifySecondFactor(
    store: AuthStore,
    audit: AuditRecorder,
    session: SessionRecord,
    proof: { code: string } | { recoveryCode: string },
  ): Promise<{ ok: true } | { ok: false; lockedUntil: Date | null }> {
    if (session.stage !== 'mfa_verify') throw wrongStage();
    const account = (await store.credentialsById(session.user.id))!;
    let ok = false;
    let method: 'totp' | 'recovery_code' = 'totp';
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
      method = 'recovery_code';
      ok = await store.consumeRecoveryCode(account.id, hashRecoveryCode(proof.recoveryCode));
    }
    if (!ok) {
      audit.record({
        action: 'auth.mfa_verify',
        outcome: 'failure',
        resourceType: 'user',
        resourceId: account.id,
        details: { method },
      });
      const lockedUntil = await store.recordFailedAttempt(
        account.id,
        this.config.LOCKOUT_THRESHOLD,
        this.config.LOCKOUT_MINUTES,
      );
      if (lockedUntil) {
        await store.deleteSession(session.id);
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
    await store.recordSuccessfulSignIn(account.id);
    await store.setSessionStage(session.id, 'active');
    audit.record({
      action: 'auth.mfa_verify',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
      details: { method },
    });
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
      abilities: abilitiesFor(actorOf(session, new Date())),
      csrfToken: session.csrfToken,
      demoMode: this.config.DEMO_MODE,
      mfaSkipped: session.mfaSkipped,
      idleTimeoutSeconds: this.config.SESSION_IDLE_TIMEOUT_MINUTES * 60,
    };
  }
}

export { AuthStore };
