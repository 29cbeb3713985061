import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareStatementsOnConnect } from './prepared-statements.js';

// PostgreSQL only: PGlite is one connection inside the process and is not given names.
describe.runIf(process.env.DATABASE_URL)('prepared statements on every pooled connection', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    prepareStatementsOnConnect(pool, 3);
  });
  afterAll(() => pool?.end());

  const preparedOnThisConnection = async (client: pg.PoolClient) => {
    const result = await client.query<{ statement: string }>(
      "SELECT statement FROM pg_prepared_statements WHERE name LIKE 't%\\_%' ORDER BY prepare_time",
    );
    return result.rows.map((row) => row.statement);
  };

  it('prepares a statement with parameters once and runs it again by name', async () => {
    const client = await pool.connect();
    try {
      for (let round = 0; round < 3; round += 1) {
        const result = await client.query('SELECT $1::int + 1 AS next', [round]);
        expect(result.rows[0].next).toBe(round + 1);
      }
      expect(await preparedOnThisConnection(client)).toEqual(['SELECT $1::int + 1 AS next']);
    } finally {
      client.release();
    }
  });

  it('keeps at most its capacity, deallocating the least recently used, and still answers', async () => {
    const client = await pool.connect();
    try {
      for (const n of [1, 2, 3, 4, 5]) await client.query(`SELECT $1::int * ${n} AS product`, [2]);
      // The oldest, evicted, is prepared again under a new name when it comes back.
      const again = await client.query('SELECT $1::int * 1 AS product', [7]);
      expect(again.rows[0].product).toBe(7);
      expect(await preparedOnThisConnection(client)).toEqual([
        'SELECT $1::int * 4 AS product',
        'SELECT $1::int * 5 AS product',
        'SELECT $1::int * 1 AS product',
      ]);
    } finally {
      client.release();
    }
  });

  it('leaves statements without parameters, scripts of several and upserts unprepared', async () => {
    const client = await pool.connect();
    try {
      const before = await preparedOnThisConnection(client);
      await client.query('SELECT 1; SELECT 2');
      await client.query('SELECT 3 AS three', []);
      // Matched to a partial index when planned: a generic plan could not (42P10).
      await client.query('CREATE TEMP TABLE IF NOT EXISTS upserted (k int PRIMARY KEY)');
      for (let round = 0; round < 7; round += 1)
        await client.query('INSERT INTO upserted VALUES ($1) ON CONFLICT (k) DO NOTHING', [round % 2]);
      expect(await preparedOnThisConnection(client)).toEqual(before);
    } finally {
      client.release();
    }
  });

  it('survives a failed transaction around an eviction', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await expect(client.query('SELECT 1 / $1::int', [0])).rejects.toThrow(/division by zero/);
      // The transaction is aborted: this eviction's DEALLOCATE fails, the name is never reused.
      await expect(client.query('SELECT $1::int AS evicting', [1])).rejects.toThrow(/aborted/);
      await client.query('ROLLBACK');
      for (const n of [6, 7, 8, 9]) {
        const result = await client.query(`SELECT $1::int + ${n} AS total`, [1]);
        expect(result.rows[0].total).toBe(1 + n);
      }
    } finally {
      client.release();
    }
  });
});
