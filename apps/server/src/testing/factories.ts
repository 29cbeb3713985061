import { randomUUID } from 'node:crypto';
import type { AgencyKind, Role, Side } from '@tandem/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
import type { Actor } from '../policy/actor.js';
import { hashPassword } from '../security/passwords.js';

/**
 * Typed factories. Each test makes its own agencies and people, so tests never depend on
 * each other or on demo data. Rows are written directly (setting the scene is not what is
 * under test); everything under test goes through the API or the repositories.
 */

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;
const testPasswordHash = () => {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
};

const unique = () => randomUUID().slice(0, 8);

export async function makeNetwork(db: Kysely<Database>, name = `Network ${unique()}`) {
  return db
    .insertInto('network')
    .values({ name, region: 'Test region' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function makeAgency(
  db: Kysely<Database>,
  options: { kind?: AgencyKind; name?: string; networkIds?: string[] } = {},
) {
  const agency = await db
    .insertInto('agency')
    .values({
      name: options.name ?? `Agency ${unique()}`,
      kind: options.kind ?? 'perpetrator_programme',
      region: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const networkId of options.networkIds ?? []) {
    await db
      .insertInto('network_membership')
      .values({ network_id: networkId, agency_id: agency.id })
      .execute();
  }
  return agency;
}

export interface MadeUser {
  id: string;
  email: string;
  password: string;
  agencyId: string | null;
  roles: Role[];
  side: Side;
  actor: Actor;
}

export async function makeUser(
  db: Kysely<Database>,
  options: {
    agencyId: string | null;
    roles: Role[];
    side: Side;
    email?: string;
    mustChangePassword?: boolean;
    isDemo?: boolean;
    networkIds?: string[];
  },
): Promise<MadeUser> {
  const email = options.email ?? `user-${unique()}@test.invalid`;
  const row = await db
    .insertInto('app_user')
    .values({
      agency_id: options.agencyId,
      email,
      display_name: `Test ${email.split('@')[0]}`,
      password_hash: await testPasswordHash(),
      roles: options.roles,
      side: options.side,
      must_change_password: options.mustChangePassword ?? false,
      is_demo: options.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email,
    password: TEST_PASSWORD,
    agencyId: options.agencyId,
    roles: options.roles,
    side: options.side,
    actor: {
      userId: row.id,
      agencyId: options.agencyId,
      side: options.side,
      roles: options.roles,
      networkIds: options.networkIds ?? [],
      timeZone: DEFAULT_TIME_ZONE,
      today: dateIn(DEFAULT_TIME_ZONE, new Date()),
    },
  };
}

/** An actor that exists only in memory, for policy table tests (today: 1 March 2026 unless told). */
export function actor(partial: Partial<Actor> & Pick<Actor, 'roles' | 'side'>): Actor {
  return {
    userId: randomUUID(),
    agencyId: randomUUID(),
    networkIds: [],
    timeZone: DEFAULT_TIME_ZONE,
    today: '2026-03-01',
    ...partial,
  };
}
