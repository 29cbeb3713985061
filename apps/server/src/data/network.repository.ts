import type { NetworkView, PageQuery } from '@tandem/shared';
import { sql } from 'kysely';
import type { NetworkRow } from '../db/schema.js';
import { forbidden } from '../http/errors.js';
import { networkPolicy } from '../policy/index.js';
import { decodeCursor, toPage } from './keyset.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

type NetworkWithCount = NetworkRow & { agency_count: number };

const toView = (row: NetworkWithCount): NetworkView => ({
  id: row.id,
  name: row.name,
  region: row.region,
  meetingIntervalDays: row.meeting_interval_days,
  agencyCount: Number(row.agency_count),
  createdAt: new Date(row.created_at).toISOString(),
});

export class NetworkRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async list(query: PageQuery) {
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.ctx.trx
      .selectFrom('network')
      .selectAll('network')
      .select(
        sql<number>`(SELECT count(*)::int FROM network_membership m WHERE m.network_id = network.id)`.as(
          'agency_count',
        ),
      )
      .where((eb) => rowFilterToSql(eb, networkPolicy.visibleRows(this.ctx.actor), 'network'))
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(eb.refTuple('network.name', 'network.id'), '>', eb.tuple(String(after![0]), String(after![1]))),
        ),
      )
      .orderBy('network.name')
      .orderBy('network.id')
      .limit(query.limit + 1)
      .execute();
    return toPage(rows, query.limit, toView, (row) => [row.name, row.id]);
  }

  async create(input: { name: string; region?: string | undefined; meetingIntervalDays: number }) {
    if (!networkPolicy.canCreate(this.ctx.actor)) {
      this.ctx.audit.record({ action: 'network.create', outcome: 'denied', resourceType: 'network' });
      throw forbidden();
    }
    const row = await this.ctx.trx
      .insertInto('network')
      .values({
        name: input.name,
        region: input.region ?? null,
        meeting_interval_days: input.meetingIntervalDays,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'network.create',
      outcome: 'success',
      resourceType: 'network',
      resourceId: row.id,
    });
    return toView({ ...row, agency_count: 0 });
  }
}
