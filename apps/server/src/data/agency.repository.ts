import type { AgencyKind, AgencyView } from '@tandem/shared';
import { sql } from 'kysely';
import type { AgencyRow } from '../db/schema.js';
import { forbidden, invalidInput, notFound } from '../http/errors.js';
import { agencyPolicy } from '../policy/index.js';
import { decodeCursor, toPage } from './keyset.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

type AgencyWithNetworks = AgencyRow & { network_ids: string[] | null };

const toView = (row: AgencyWithNetworks): AgencyView => ({
  id: row.id,
  name: row.name,
  kind: row.kind as AgencyKind,
  region: row.region,
  active: row.active,
  networkIds: row.network_ids ?? [],
  createdAt: new Date(row.created_at).toISOString(),
});

export interface AgencyChanges {
  name?: string | undefined;
  region?: string | null | undefined;
  active?: boolean | undefined;
  networkIds?: readonly string[] | undefined;
}

export class AgencyRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('agency')
      .selectAll('agency')
      .select(
        sql<
          string[] | null
        >`(SELECT array_agg(m.network_id ORDER BY m.network_id) FROM network_membership m WHERE m.agency_id = agency.id)`.as(
          'network_ids',
        ),
      )
      .where((eb) => rowFilterToSql(eb, agencyPolicy.visibleRows(this.ctx.actor), 'agency'));
  }

  async list(query: { limit: number; cursor?: string | undefined; networkId?: string | undefined }) {
    const after = decodeCursor(query.cursor, 2);
    const rows = await this.selectVisible()
      .$if(query.networkId !== undefined, (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('network_membership as nm')
              .select('nm.agency_id')
              .whereRef('nm.agency_id', '=', 'agency.id')
              .where('nm.network_id', '=', query.networkId!),
          ),
        ),
      )
      .$if(after !== null, (qb) =>
        qb.where((eb) =>
          eb(eb.refTuple('agency.name', 'agency.id'), '>', eb.tuple(String(after![0]), String(after![1]))),
        ),
      )
      .orderBy('agency.name')
      .orderBy('agency.id')
      .limit(query.limit + 1)
      .execute();
    return toPage(rows, query.limit, toView, (row) => [row.name, row.id]);
  }

  async get(id: string): Promise<AgencyView> {
    const row = await this.selectVisible().where('agency.id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return toView(row);
  }

  /** The kind of an agency, for policy decisions about who may work there. */
  async kindOf(id: string): Promise<AgencyKind | null> {
    const row = await this.ctx.trx
      .selectFrom('agency')
      .select('kind')
      .where('id', '=', id)
      .executeTakeFirst();
    return (row?.kind as AgencyKind | undefined) ?? null;
  }

  async create(input: {
    name: string;
    kind: AgencyKind;
    region?: string | undefined;
    networkIds: readonly string[];
  }) {
    if (!agencyPolicy.canCreate(this.ctx.actor)) {
      this.ctx.audit.record({ action: 'agency.create', outcome: 'denied', resourceType: 'agency' });
      throw forbidden();
    }
    const row = await this.ctx.trx
      .insertInto('agency')
      .values({ name: input.name, kind: input.kind, region: input.region ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replaceNetworks(row.id, input.networkIds);
    this.ctx.audit.record({
      action: 'agency.create',
      outcome: 'success',
      resourceType: 'agency',
      resourceId: row.id,
    });
    return this.get(row.id);
  }

  async update(id: string, changes: AgencyChanges) {
    await this.get(id);
    if (!agencyPolicy.canUpdate(this.ctx.actor)) {
      this.ctx.audit.record({
        action: 'agency.update',
        outcome: 'denied',
        resourceType: 'agency',
        resourceId: id,
      });
      throw notFound();
    }
    const values = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.region !== undefined && { region: changes.region }),
      ...(changes.active !== undefined && { active: changes.active }),
    };
    if (Object.keys(values).length > 0) {
      await this.ctx.trx.updateTable('agency').set(values).where('id', '=', id).execute();
    }
    if (changes.networkIds) await this.replaceNetworks(id, changes.networkIds);
    this.ctx.audit.record({
      action: 'agency.update',
      outcome: 'success',
      resourceType: 'agency',
      resourceId: id,
      details: { fields: Object.keys(changes) },
    });
    return this.get(id);
  }

  private async replaceNetworks(agencyId: string, networkIds: readonly string[]) {
    const unique = [...new Set(networkIds)];
    if (unique.length > 0) {
      const found = await this.ctx.trx.selectFrom('network').select('id').where('id', 'in', unique).execute();
      const known = new Set(found.map((row) => row.id));
      const index = unique.findIndex((id) => !known.has(id));
      if (index >= 0) throw invalidInput(`networkIds.${index}`, 'No such network');
    }
    await this.ctx.trx.deleteFrom('network_membership').where('agency_id', '=', agencyId).execute();
    if (unique.length > 0) {
      await this.ctx.trx
        .insertInto('network_membership')
        .values(unique.map((networkId) => ({ network_id: networkId, agency_id: agencyId })))
        .execute();
    }
  }
}
