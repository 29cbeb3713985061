import type { Role } from '@tandem/shared';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import { userPolicy, VICTIM_CASE_ROLES } from '../../policy/user.policy.js';
import { keysetPage } from '../keyset.js';
import { rowFilterToSql } from '../row-filter-sql.js';
import type { ScopedDb } from '../scoped-db.js';

/**
 * The columns an account view is made of. The policy masks the ones the actor may not see
 * (an administrator sees the accounts they manage in full; a colleague only names and roles),
 * and credentials are never selected here: authentication reads them through its own store.
 */
const ACCOUNT_COLUMNS = [
  'u.id',
  'u.agency_id',
  'u.email',
  'u.display_name',
  'u.roles',
  'u.pending_roles',
  'u.roles_requested_by',
  'u.roles_requested_at',
  'u.victim_role_approved_at',
  'u.side',
  'u.language',
  'u.active',
  'u.mfa_enrolled_at',
  'u.locked_until',
  'u.failed_sign_ins',
  'u.last_failed_sign_in_at',
  'u.credential_link_resets',
  'u.credential_link_expires_at',
  'u.last_sign_in_at',
  'u.created_at',
] as const;

/** Staff accounts through the scoped handle: the policy decides which accounts and which columns. */
export class StaffRepository {
  constructor(private readonly db: ScopedDb) {}

  /** Accounts with the name of whoever asked for their pending roles (a colleague's name, or none). */
  private selectAccounts() {
    return this.db.query
      .selectFrom('app_user as u')
      .leftJoin('app_user as r', 'r.id', 'u.roles_requested_by')
      .select(ACCOUNT_COLUMNS)
      .select('r.display_name as requested_by_name');
  }

  /**
   * The accounts the actor manages (their own, and those they administer), in full. The read
   * policy also lets colleagues be named; these are the accounts the administration pages show.
   */
  private selectManaged() {
    return this.selectAccounts().where(() => rowFilterToSql(userPolicy.managedRows(this.db.actor), 'u'));
  }

  /** By display name, then id (keyset); optionally one agency's. */
  async listManaged(query: { limit: number; cursor?: string | undefined; agencyId?: string | undefined }) {
    return keysetPage(
      this.selectManaged().$if(query.agencyId !== undefined, (qb) =>
        qb.where('u.agency_id', '=', query.agencyId!),
      ),
      query,
      { by: ['u.display_name', 'u.id'], direction: 'asc', key: (row) => [row.display_name, row.id] },
    );
  }

  async findManaged(id: string) {
    return this.selectManaged().where('u.id', '=', id).executeTakeFirst();
  }

  /** One account the actor may read (managed, or a colleague's), as the approval queue shows it. */
  async find(id: string) {
    return this.selectAccounts().where('u.id', '=', id).executeTakeFirst();
  }

  /** Accounts the actor may read whose roles wait for approval, oldest request first. */
  async withPendingRoles(agencyId: string) {
    return this.selectAccounts()
      .where('u.agency_id', '=', agencyId)
      .where('u.active', '=', true)
      .where(sql<boolean>`cardinality(u.pending_roles) > 0`)
      .orderBy('u.roles_requested_at')
      .orderBy('u.id')
      .limit(200)
      .execute();
  }

  /** An account of the actor's reach with this address (the address is unique, in any case). */
  async managedIdByEmail(email: string): Promise<string | null> {
    const row = await this.db.query
      .selectFrom('app_user')
      .select('id')
      .where(() => rowFilterToSql(userPolicy.managedRows(this.db.actor), 'app_user'))
      .where(sql<boolean>`lower(app_user.email) = ${email.toLowerCase()}`)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /**
   * Has a victim-side case role ever been in force in the agency? (Set when one first takes
   * effect, never cleared: taking the role away again does not reopen the admins' approval.)
   */
  async victimSideEverStaffed(agencyId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('app_user')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where((eb) =>
        eb.or([
          eb('victim_role_approved_at', 'is not', null),
          eb.and([
            eb('side', '=', 'victim'),
            eb(sql<boolean>`app_user.roles && ${sql.val([...VICTIM_CASE_ROLES])}::text[]`, '=', true),
          ]),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The active victim-side accounts of an agency, with their roles: who may vouch, who is told. */
  async victimSideOf(agencyId: string) {
    return this.db.query
      .selectFrom('app_user')
      .select(['id', 'email', 'display_name', 'roles', 'side'])
      .where('agency_id', '=', agencyId)
      .where('side', '=', 'victim')
      .where('active', '=', true)
      .orderBy('display_name')
      .limit(200)
      .execute();
  }

  async insert(values: Insertable<DB['app_user']>): Promise<string> {
    const row = await this.db.insertOne('app_user', values, {
      action: 'user.create',
      details: {
        agencyId: values.agency_id ?? null,
        roles: values.roles,
        pendingRoles: values.pending_roles ?? [],
        side: values.side,
      },
    });
    return row.id;
  }

  /** Updates one account the actor may write; false when there is none they may change. */
  async update(
    id: string,
    set: Updateable<DB['app_user']>,
    at: Date,
    audit: { action: string; details?: Record<string, unknown> },
  ): Promise<boolean> {
    const rows = await this.db.update(
      'app_user',
      (eb) => eb('id', '=', id),
      { ...set, updated_at: at },
      audit,
    );
    return rows.length > 0;
  }

  /**
   * The staff directory: names and roles of active colleagues (the policy lets the actor read
   * the accounts of agencies in their networks), optionally of one agency or one role.
   */
  async directory(query: { agencyId?: string | undefined; role?: Role | undefined; limit: number }) {
    return this.db.query
      .selectFrom('app_user')
      .select(['id', 'display_name', 'roles', 'agency_id'])
      .where('active', '=', true)
      .where('agency_id', 'is not', null)
      .$if(query.agencyId !== undefined, (qb) => qb.where('agency_id', '=', query.agencyId!))
      .$if(query.role !== undefined, (qb) => qb.where(sql<boolean>`${query.role} = ANY(app_user.roles)`))
      .orderBy('display_name')
      .orderBy('id')
      .limit(query.limit)
      .execute();
  }

  /** The actor's own calendar-feed token in force, if any (its hash stays in the authentication code). */
  async activeCalendarFeed() {
    const row = await this.db.query
      .selectFrom('calendar_feed_token')
      .select(['id', 'created_at'])
      .where('user_id', '=', this.db.actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Ends the actor's calendar-feed token in force (if any); how many ended. */
  async revokeCalendarFeeds(
    at: Date,
    action: 'calendar_feed.revoke' | 'calendar_feed.replace',
  ): Promise<number> {
    const rows = await this.db.update(
      'calendar_feed_token',
      (eb) => eb.and([eb('user_id', '=', this.db.actor.userId), eb('revoked_at', 'is', null)]),
      { revoked_at: at },
      { action },
    );
    return rows.length;
  }

  async insertCalendarFeed(tokenHash: string, at: Date, replacesOne: boolean): Promise<string> {
    const row = await this.db.insertOne(
      'calendar_feed_token',
      { user_id: this.db.actor.userId, token_hash: tokenHash, created_at: at },
      { action: 'calendar_feed.create', details: { replacesOne } },
    );
    return row.id;
  }
}
