import type { Role, SessionStage, Side } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
import type { Actor } from '../policy/actor.js';
import { CREDENTIAL_COLUMNS, type Credentials, toCredentials } from './auth-credentials.js';
import { SignInThrottleStore } from './sign-in-throttle.store.js';
import { systemDb } from './system-db.js';

export type { Credentials } from './auth-credentials.js';

/**
 * The accounts and sessions as authentication sees them. This is the one place that reads
 * password hashes and TOTP secrets; it serves the auth service and the session check, which
 * run before there is an actor for the policy module to judge. It works past the policy, so it
 * is opened only through the system door for the reason 'authentication' (`authStore` below).
 */

export interface SessionRecord {
  id: string;
  stage: SessionStage;
  mfaSkipped: boolean;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  user: {
    id: string;
    email: string;
    displayName: string;
    agencyId: string | null;
    agencyName: string | null;
    roles: Role[];
    side: Side;
    language: string;
    active: boolean;
  };
  networkIds: string[];
  /** The time zone of the agency's network (the first, where it has several). */
  timeZone: string;
}

/** The networks of the user's (`u`) agency. */
const agencyNetworkIds = sql<
  string[] | null
>`(SELECT array_agg(m.network_id) FROM network_membership m WHERE m.agency_id = u.agency_id)`;
/** The time zone of the first network the user's (`u`) agency joined: the user's "today". */
const agencyTimeZone = sql<string | null>`(SELECT n.time_zone FROM network_membership m
  JOIN network n ON n.id = m.network_id
  WHERE m.agency_id = u.agency_id ORDER BY m.joined_at, n.id LIMIT 1)`;

/** The store over the system door, for authentication; inside a command the access is audited. */
export const authStore = (db: Kysely<Database>, audit?: AuditRecorder): AuthStore =>
  new AuthStore(systemDb(db, 'authentication', audit));

export class AuthStore {
  /** `db` is the system handle for 'authentication' (see `authStore`). */
  constructor(private readonly db: Kysely<Database>) {}

  /** The sign-in throttle over the same handle. */
  get throttle(): SignInThrottleStore {
    return new SignInThrottleStore(this.db);
  }

  private credentialsQuery() {
    return this.db.selectFrom('app_user').select(CREDENTIAL_COLUMNS);
  }

  async credentialsByEmail(email: string): Promise<Credentials | null> {
    const row = await this.credentialsQuery()
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row ? toCredentials(row) : null;
  }

  async credentialsById(id: string): Promise<Credentials | null> {
    const row = await this.credentialsQuery().where('id', '=', id).executeTakeFirst();
    return row ? toCredentials(row) : null;
  }

  /** The account a one-time link names, by the link's SHA-256 (expired or not: the caller judges). */
  async credentialsByLink(linkHash: string): Promise<Credentials | null> {
    const row = await this.credentialsQuery().where('credential_link_hash', '=', linkHash).executeTakeFirst();
    return row ? toCredentials(row) : null;
  }

  /** A wrong password for this account: counted for its administrator to see, never a lock. */
  async recordPasswordFailure(userId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1), last_failed_sign_in_at: at }))
      .where('id', '=', userId)
      .execute();
  }

  /**
   * A wrong second-factor code. At the threshold the account is locked and every half-open
   * session of it ends at once (a session opened before the lockout cannot finish after it).
   * Returns the new lock, if any.
   */
  async recordSecondFactorFailure(
    userId: string,
    threshold: number,
    lockMinutes: number,
    at: Date,
  ): Promise<Date | null> {
    const row = await this.db
      .updateTable('app_user')
      .set((eb) => ({ mfa_failures: eb('mfa_failures', '+', 1) }))
      .where('id', '=', userId)
      .returning('mfa_failures')
      .executeTakeFirstOrThrow();
    if (row.mfa_failures < threshold) return null;
    const lockedUntil = new Date(at.getTime() + lockMinutes * 60_000);
    await this.db
      .updateTable('app_user')
      .set({ locked_until: lockedUntil, mfa_failures: 0 })
      .where('id', '=', userId)
      .execute();
    await this.db
      .deleteFrom('user_session')
      .where('user_id', '=', userId)
      .where('stage', '<>', 'active')
      .execute();
    return lockedUntil;
  }

  /** A full sign-in (the second factor passed): the counters start again. */
  async recordSuccessfulSignIn(userId: string, at: Date): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ failed_sign_ins: 0, mfa_failures: 0, locked_until: null, last_sign_in_at: at })
      .where('id', '=', userId)
      .execute();
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: sql`now()` })
      .where('id', '=', userId)
      .execute();
  }

  /** The link was used: it is spent (one time only). */
  async spendCredentialLink(userId: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ credential_link_hash: null, credential_link_expires_at: null, credential_link_resets: [] })
      .where('id', '=', userId)
      .execute();
  }

  async setPendingTotpSecret(userId: string, secretEnc: string): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ totp_pending_secret_enc: secretEnc })
      .where('id', '=', userId)
      .execute();
  }

  async completeTotpEnrolment(
    userId: string,
    secretEnc: string,
    usedStep: number,
    recoveryCodeHashes: string[],
  ) {
    await this.db
      .updateTable('app_user')
      .set({
        totp_secret_enc: secretEnc,
        totp_pending_secret_enc: null,
        totp_last_used_step: usedStep,
        mfa_enrolled_at: new Date(),
      })
      .where('id', '=', userId)
      .execute();
    await this.db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
    await this.db
      .insertInto('recovery_code')
      .values(recoveryCodeHashes.map((codeHash) => ({ user_id: userId, code_hash: codeHash })))
      .execute();
  }

  /** An administrator reset the second factor: the old recovery codes go with it. */
  async deleteRecoveryCodesOf(userId: string): Promise<void> {
    await this.db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  }

  async recordTotpStep(userId: string, step: number): Promise<void> {
    await this.db
      .updateTable('app_user')
      .set({ totp_last_used_step: step })
      .where('id', '=', userId)
      .execute();
  }

  /** Marks a recovery code used; false when it is unknown or spent. */
  async consumeRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_code')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async setLanguage(userId: string, language: string): Promise<void> {
    await this.db.updateTable('app_user').set({ language }).where('id', '=', userId).execute();
  }

  async createSession(input: {
    id: string;
    userId: string;
    stage: SessionStage;
    mfaSkipped: boolean;
    csrfToken: string;
    expiresAt: Date;
    at: Date;
  }): Promise<void> {
    await this.db
      .insertInto('user_session')
      .values({
        id: input.id,
        user_id: input.userId,
        stage: input.stage,
        mfa_skipped: input.mfaSkipped,
        csrf_token: input.csrfToken,
        created_at: input.at,
        last_seen_at: input.at,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  async setSessionStage(sessionId: string, stage: SessionStage): Promise<void> {
    await this.db.updateTable('user_session').set({ stage }).where('id', '=', sessionId).execute();
  }

  async findSession(sessionId: string): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .leftJoin('agency as a', 'a.id', 'u.agency_id')
      .select([
        's.id',
        's.stage',
        's.mfa_skipped',
        's.csrf_token',
        's.last_seen_at',
        's.expires_at',
        'u.id as user_id',
        'u.email',
        'u.display_name',
        'u.agency_id',
        'a.name as agency_name',
        'u.roles',
        'u.side',
        'u.language',
        'u.active',
      ])
      .select(agencyNetworkIds.as('network_ids'))
      .select(agencyTimeZone.as('time_zone'))
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      stage: row.stage as SessionStage,
      mfaSkipped: row.mfa_skipped,
      csrfToken: row.csrf_token,
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        agencyId: row.agency_id,
        agencyName: row.agency_name,
        roles: row.roles as Role[],
        side: row.side as Side,
        language: row.language,
        active: row.active,
      },
      networkIds: row.network_ids ?? [],
      timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
    };
  }

  /**
   * The owner of a calendar-feed token in force, by the token's SHA-256: the account the feed is
   * computed as (through that account's own policy). Null for an unknown, replaced or revoked
   * token, or an account that is no longer active.
   */
  async calendarFeedOwner(tokenHash: string): Promise<FeedOwner | null> {
    const row = await this.db
      .selectFrom('calendar_feed_token as f')
      .innerJoin('app_user as u', 'u.id', 'f.user_id')
      .select(['u.id', 'u.agency_id', 'u.roles', 'u.side', 'u.language'])
      .select(agencyNetworkIds.as('network_ids'))
      .select(agencyTimeZone.as('time_zone'))
      .where('f.token_hash', '=', tokenHash)
      .where('f.revoked_at', 'is', null)
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!row) return null;
    return {
      user: {
        id: row.id,
        agencyId: row.agency_id,
        roles: row.roles as Role[],
        side: row.side as Side,
        language: row.language,
      },
      networkIds: row.network_ids ?? [],
      timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
    };
  }

  async touchSession(sessionId: string, at: Date): Promise<void> {
    await this.db.updateTable('user_session').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('user_session').where('id', '=', sessionId).execute();
  }

  async deleteSessionsOf(userId: string): Promise<number> {
    const result = await this.db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Every session of the account but this one (a password change keeps the session that made it). */
  async deleteOtherSessionsOf(userId: string, keepSessionId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('user_session')
      .where('user_id', '=', userId)
      .where('id', '<>', keepSessionId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpiredSessions(idleBefore: Date, now: Date = new Date()): Promise<number> {
    const result = await this.db
      .deleteFrom('user_session')
      .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleBefore)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/** What an actor is made of: a session's account, or a calendar feed's owner. */
export type FeedOwner = {
  user: Pick<SessionRecord['user'], 'id' | 'agencyId' | 'roles' | 'side' | 'language'>;
  networkIds: string[];
  timeZone: string;
};

/** The actor of a session at an instant: "today" is the actor's network's today, fixed for the request. */
export const actorOf = (session: FeedOwner, now: Date): Actor => ({
  userId: session.user.id,
  agencyId: session.user.agencyId,
  side: session.user.side,
  roles: session.user.roles,
  networkIds: session.networkIds,
  timeZone: session.timeZone,
  today: dateIn(session.timeZone, now),
});
