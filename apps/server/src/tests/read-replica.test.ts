import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWorld } from '../testing/case-builder.js';
import { makeUser } from '../testing/factories.js';
import { signInFully, type TestClient } from '../testing/test-system.js';

/**
 * Reports read on a streaming replica (DATABASE_READ_URL): the network's figures come from the
 * replica, are audited on the primary, and every other request reads the primary. `.ci/run` starts
 * the replica (`.ci/replica start`) and runs this file on its own: to show where a report reads, it
 * pauses the replica's replay and lets the primary commit without waiting for it, for a moment,
 * for the whole server. Without the two URLs there is no replica to test, and the file is skipped.
 */
const primaryUrl = process.env.DATABASE_URL;
const replicaUrl = process.env.DATABASE_READ_URL;

describe.runIf(primaryUrl && replicaUrl)('reports on a streaming replica', () => {
  const { world, db, auditRows } = caseWorld();
  let analyst: TestClient;
  let admin: TestClient;
  let primary: pg.Client;
  let replica: pg.Client;

  beforeAll(async () => {
    const { agencies, network } = world.scenario;
    analyst = await signInFully(
      world.system,
      await makeUser(db(), {
        agencyId: agencies.police.id,
        roles: ['analyst'],
        side: 'neutral',
        networkIds: [network.id],
      }),
    );
    admin = await signInFully(
      world.system,
      await makeUser(db(), { agencyId: null, roles: ['system_admin'], side: 'neutral' }),
    );
    primary = new pg.Client({ connectionString: primaryUrl });
    replica = new pg.Client({ connectionString: replicaUrl });
    await Promise.all([primary.connect(), replica.connect()]);
  });
  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await primary?.query('ALTER SYSTEM RESET synchronous_standby_names').catch(() => undefined);
    await primary?.query('SELECT pg_reload_conf()').catch(() => undefined);
    await Promise.all([primary?.end(), replica?.end()]);
  });

  const nameIn = async (
    request: ReturnType<TestClient['get']>,
    pick: (body: never) => string | undefined,
  ) => {
    const response = await request;
    expect(response.statusCode).toBe(200);
    return pick(JSON.parse(response.body) as never);
  };
  const exportedName = () =>
    nameIn(
      analyst.get(`/api/networks/${world.scenario.network.id}/statistics.json`),
      (file: { network: { name: string } }) => file.network.name,
    );
  const listedName = () =>
    nameIn(
      admin.get('/api/networks?limit=100'),
      (page: { items: Array<{ id: string; name: string }> }) =>
        page.items.find((network) => network.id === world.scenario.network.id)?.name,
    );

  it('reads reports through a handle on the standby, and everything else on the primary', async () => {
    const inRecovery = async (handle: typeof world.system.database.db) =>
      (await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(handle)).rows[0]
        ?.standby;
    expect(await inRecovery(world.system.database.readDb)).toBe(true);
    expect(await inRecovery(world.system.database.db)).toBe(false);
  });

  it('answers an export from the replica as far as it has replayed, and audits it on the primary', async () => {
    const { network } = world.scenario;
    const before = await exportedName();
    expect(before).toBe(await listedName());
    const exportsBefore = (await auditRows({ action: 'network_statistics.export', resourceId: network.id }))
      .length;

    // The replica stops replaying; the primary stops waiting for it; the network is renamed.
    await primary.query(`ALTER SYSTEM SET synchronous_standby_names = ''`);
    await primary.query('SELECT pg_reload_conf()');
    await replica.query('SELECT pg_wal_replay_pause()');
    const renamed = `${before} (renamed)`;
    await primary.query(
      `UPDATE "${world.system.config.DATABASE_SCHEMA}".network SET name = $1 WHERE id = $2`,
      [renamed, network.id],
    );

    expect(await listedName()).toBe(renamed); // a page reads the primary
    expect(await exportedName()).toBe(before); // the export, the replica as it was
    // …and its audit row is on the primary, with the others.
    expect(await auditRows({ action: 'network_statistics.export', resourceId: network.id })).toHaveLength(
      exportsBefore + 1,
    );

    await replica.query('SELECT pg_wal_replay_resume()');
    await expect.poll(exportedName, { timeout: 10_000 }).toBe(renamed);
  });

  it('refuses a report to whoever may not read it, audited as a refusal on the primary', async () => {
    const { network, clients } = world.scenario;
    const refusalsBefore = (await auditRows({ action: 'risk.divergence_statistics', resourceId: network.id }))
      .length;
    const refused = await clients.ppManager.get(`/api/networks/${network.id}/statistics.json`);
    expect(refused.statusCode).toBe(404);
    const refusals = await auditRows({ action: 'risk.divergence_statistics', resourceId: network.id });
    expect(refusals).toHaveLength(refusalsBefore + 1);
  });
});
