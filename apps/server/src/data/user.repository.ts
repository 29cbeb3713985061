import type { Language, Role, Side, UserView } from '@tandem/shared';
import { sql } from 'kysely';
import { conflict, invalidInput, notFound } from '../http/errors.js';
import { type UserSubject, userPolicy, worksOnCases } from '../policy/index.js';
import { decodeCursor, toPage } from './keyset.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/** The columns an account view is made of: hashes and secrets are never selected here. */
const VIEW_COLUMNS = [
  'id',
  'agency_id',
  'email',
  'display_name',
  'roles',
  'side',
  'language',
  'active',
  'mfa_enrolled_at',
  'locked_until',
  'last_sign_in_at',
  'created_at',
] as const;

interface UserViewRow {
  id: string;
  agency_id: string | null;
  email: string;
  display_name: string;
  roles: string[];
  side: string;
  language: string;
  active: boolean;
  mfa_enrolled_at: Date | null;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
}

const toView = (row: UserViewRow): UserView => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  agencyId: row.agency_id,
  roles: row.roles as Role[],
  side: row.side as Side,
  language: row.language as Language,
  active: row.active,
  mfaEnrolled: row.mfa_enrolled_at !== null,
  locked: row.locked_until !== null && new Date(row.locked_until) > new Date(),
  lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
  createdAt: new Date(row.created_at).toISOString(),
});

const subjectOf = (view: UserView): UserSubject => ({
  id: view.id,
  agencyId: view.agencyId,
  roles: view.roles,
  side: view.side,
});

export interface NewUser {
  agencyId: string;
  email: string;
  displayName: string;
  roles: Role[];
  side: Side;
  language: Language;
  passwordHash: string;
}

export interface UserChanges {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  side?: Side | undefined;
  language?: Language | undefined;
}

/** Administrative actions on another account; each is one policy decision and one audit row. */
export type UserAdministration =
  | { kind: 'deactivate' }
  | { kind: 'reactivate' }
  | { kind: 'unlock' }
  | { kind: 'reset_mfa' }
  | { kind: 'reset_password'; passwordHash: string };

export class UserRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('app_user')
      .select(VIEW_COLUMNS)
      .where((eb) => rowFilterToSql(eb, userPolicy.visibleRows(this.ctx.actor), 'app_user'));
  }

  async list(query: { limit: number; cursor?: string | undefined; agencyId?: string | undefined }) {
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.selectVisible()
      .$if(query.agencyId !== undefined, (qb) => qb.where('app_user.agency_id', '=', query.agencyId!))
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(
            eb.refTuple('app_user.display_name', 'app_user.id'),
            '>',
            eb.tuple(String(after![0]), String(after![1])),
          ),
        ),
      )
      .orderBy('app_user.display_name')
      .orderBy('app_user.id')
      .limit(query.limit + 1)
      .execute();
    this.ctx.audit.record({
      action: 'user.list',
      outcome: 'success',
      resourceType: 'user',
      details: { agencyId: query.agencyId ?? null, returned: Math.min(rows.length, query.limit) },
    });
    return toPage(rows, query.limit, toView, (row) => [row.display_name, row.id]);
  }

  /** One answer for "does not exist" and "not yours": 404, with the refusal audited. */
  async get(id: string, action = 'user.read'): Promise<UserView> {
    const row = await this.selectVisible().where('app_user.id', '=', id).executeTakeFirst();
    if (!row) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'user', resourceId: id });
      throw notFound();
    }
    if (action === 'user.read')
      this.ctx.audit.record({ action, outcome: 'success', resourceType: 'user', resourceId: id });
    return toView(row);
  }

  async create(input: NewUser, agencyKind: Parameters<typeof userPolicy.canCreate>[2]): Promise<UserView> {
    const subject: UserSubject = { agencyId: input.agencyId, roles: input.roles, side: input.side };
    if (!userPolicy.canManageStaffOf(this.ctx.actor, input.agencyId)) {
      this.ctx.audit.record({
        action: 'user.create',
        outcome: 'denied',
        resourceType: 'user',
        details: { agencyId: input.agencyId },
      });
      throw notFound();
    }
    if (!userPolicy.canCreate(this.ctx.actor, subject, agencyKind)) {
      this.ctx.audit.record({
        action: 'user.create',
        outcome: 'denied',
        resourceType: 'user',
        details: { agencyId: input.agencyId, roles: input.roles, side: input.side },
      });
      throw invalidInput('roles', 'These roles and this side cannot be given in this agency');
    }
    await this.assertEmailFree(input.email);
    const row = await this.ctx.trx
      .insertInto('app_user')
      .values({
        agency_id: input.agencyId,
        email: input.email,
        display_name: input.displayName,
        roles: input.roles,
        side: input.side,
        language: input.language,
        password_hash: input.passwordHash,
        must_change_password: true,
      })
      .returning(VIEW_COLUMNS)
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'user.create',
      outcome: 'success',
      resourceType: 'user',
      resourceId: row.id,
      details: { agencyId: input.agencyId, roles: input.roles, side: input.side },
    });
    return toView(row);
  }

  async update(
    id: string,
    changes: UserChanges,
    agencyKindOf: (agencyId: string) => Promise<Parameters<typeof userPolicy.canCreate>[2]>,
  ) {
    const current = await this.get(id, 'user.update');
    const next: UserSubject = {
      ...subjectOf(current),
      roles: changes.roles ?? current.roles,
      side: changes.side ?? current.side,
    };
    const agencyKind = current.agencyId ? await agencyKindOf(current.agencyId) : null;
    if (!userPolicy.canUpdate(this.ctx.actor, subjectOf(current), next, agencyKind)) {
      this.ctx.audit.record({
        action: 'user.update',
        outcome: 'denied',
        resourceType: 'user',
        resourceId: id,
      });
      throw invalidInput('roles', 'These roles and this side cannot be given to this account');
    }
    const row = await this.ctx.trx
      .updateTable('app_user')
      .set({
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(changes.roles !== undefined && { roles: changes.roles }),
        ...(changes.side !== undefined && { side: changes.side }),
        ...(changes.language !== undefined && { language: changes.language }),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returning(VIEW_COLUMNS)
      .executeTakeFirstOrThrow();
    // A change of roles or side changes what the account may see: end its sessions.
    if (changes.roles !== undefined || changes.side !== undefined) await this.endSessions(id);
    this.ctx.audit.record({
      action: 'user.update',
      outcome: 'success',
      resourceType: 'user',
      resourceId: id,
      details: {
        fields: Object.keys(changes).filter((key) => changes[key as keyof UserChanges] !== undefined),
      },
    });
    return toView(row);
  }

  async administer(id: string, command: UserAdministration): Promise<UserView> {
    const action = `user.${command.kind}`;
    const current = await this.get(id, action);
    if (!userPolicy.canAdminister(this.ctx.actor, subjectOf(current))) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'user', resourceId: id });
      throw invalidInput('id', 'You cannot do this to your own account');
    }
    const changes = (() => {
      switch (command.kind) {
        case 'deactivate':
          return { active: false };
        case 'reactivate':
          return { active: true, failed_sign_ins: 0, locked_until: null };
        case 'unlock':
          return { failed_sign_ins: 0, locked_until: null };
        case 'reset_mfa':
          return {
            totp_secret_enc: null,
            totp_pending_secret_enc: null,
            mfa_enrolled_at: null,
            totp_last_used_step: null,
          };
        case 'reset_password':
          return {
            password_hash: command.passwordHash,
            must_change_password: true,
            failed_sign_ins: 0,
            locked_until: null,
          };
      }
    })();
    const row = await this.ctx.trx
      .updateTable('app_user')
      .set({ ...changes, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning(VIEW_COLUMNS)
      .executeTakeFirstOrThrow();
    if (command.kind === 'reset_mfa')
      await this.ctx.trx.deleteFrom('recovery_code').where('user_id', '=', id).execute();
    if (command.kind !== 'unlock' && command.kind !== 'reactivate') await this.endSessions(id);
    this.ctx.audit.record({ action, outcome: 'success', resourceType: 'user', resourceId: id });
    return toView(row);
  }

  /**
   * The staff directory case workers need to name colleagues on a case: names and roles of
   * active staff, nothing else (no e-mail, no sign-in data).
   */
  async directory(query: { agencyId?: string | undefined; role?: Role | undefined }) {
    if (!worksOnCases(this.ctx.actor)) return [];
    const rows = await this.ctx.trx
      .selectFrom('app_user')
      .select(['id', 'display_name', 'roles', 'agency_id'])
      .where('active', '=', true)
      .where('agency_id', 'is not', null)
      .$if(query.agencyId !== undefined, (qb) => qb.where('agency_id', '=', query.agencyId!))
      .$if(query.role !== undefined, (qb) => qb.where(sql<boolean>`${query.role} = ANY(roles)`))
      .orderBy('display_name')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      roles: row.roles as Role[],
      agencyId: row.agency_id!,
    }));
  }

  private async endSessions(userId: string) {
    await this.ctx.trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
  }

  private async assertEmailFree(email: string) {
    const existing = await this.ctx.trx
      .selectFrom('app_user')
      .select('id')
      .where(sql`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    if (existing) throw conflict('email', 'An account with this e-mail address already exists');
  }
}
