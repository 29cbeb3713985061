import type { AgencyKind } from '@tandem/shared';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import { validOn } from '../../policy/row-filter.js';
import { keysetPage } from '../keyset.js';
import { rowFilterToSql } from '../row-filter-sql.js';
import type { ScopedDb } from '../scoped-db.js';

interface Page {
  limit: number;
  cursor?: string | undefined;
}

/**
 * Networks and agencies as the directory every signed-in user may read, and the facts about
 * them that workflows check (an agency's kind, an agreement in force between two agencies).
 */
export class DirectoryRepository {
  constructor(private readonly db: ScopedDb) {}

  /** The kind of an active agency, or null when there is none with this id. */
  async activeAgencyKind(id: string): Promise<AgencyKind | null> {
    const row = await this.db.query
      .selectFrom('agency')
      .select('kind')
      .where('id', '=', id)
      .where('active', '=', true)
      .executeTakeFirst();
    return (row?.kind as AgencyKind | undefined) ?? null;
  }

  async agencyKind(id: string): Promise<AgencyKind | null> {
    const row = await this.db.query
      .selectFrom('agency')
      .select('kind')
      .where('id', '=', id)
      .executeTakeFirst();
    return (row?.kind as AgencyKind | undefined) ?? null;
  }

  /** Is there an organisation-level agreement in force today between these two agencies? */
  async organisationAgreementInForce(firstAgencyId: string, secondAgencyId: string): Promise<boolean> {
    const today = this.db.actor.today;
    const row = await this.db.query
      .selectFrom('agreement as a')
      .innerJoin('agreement_party as p1', (join) =>
        join.onRef('p1.agreement_id', '=', 'a.id').on('p1.agency_id', '=', firstAgencyId),
      )
      .innerJoin('agreement_party as p2', (join) =>
        join.onRef('p2.agreement_id', '=', 'a.id').on('p2.agency_id', '=', secondAgencyId),
      )
      .select('a.id')
      .where('a.level', '=', 'organisation')
      .where(() => rowFilterToSql(validOn('valid_from', 'valid_to', today), 'a'))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The settings of the network an agency belongs to (the first, where it has several). */
  async networkOf(agencyId: string) {
    return this.db.query
      .selectFrom('network_membership as m')
      .innerJoin('network as n', 'n.id', 'm.network_id')
      .select([
        'n.id',
        'n.time_zone',
        'n.reassessment_days',
        'n.impact_follow_up_months',
        'n.meeting_interval_days',
        'n.high_risk_meeting_interval_days',
        'n.risk_instrument_id',
      ])
      .where('m.agency_id', '=', agencyId)
      .orderBy('m.joined_at')
      .orderBy('n.id')
      .limit(1)
      .executeTakeFirst();
  }

  // Networks.

  private selectNetworks() {
    return this.db.query
      .selectFrom('network')
      .select([
        'network.id',
        'network.name',
        'network.region',
        'network.meeting_interval_days',
        'network.time_zone',
        'network.risk_instrument_id',
        'network.escalation_triggers',
        'network.created_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('network_membership as m')
          .select((inner) => inner.fn.countAll<number>().as('n'))
          .whereRef('m.network_id', '=', 'network.id')
          .as('agency_count'),
      );
  }

  /** By name, then id (keyset). */
  async listNetworks(page: Page) {
    return keysetPage(this.selectNetworks(), page, {
      by: ['network.name', 'network.id'],
      direction: 'asc',
      key: (row) => [row.name, row.id],
    });
  }

  async findNetwork(id: string) {
    return this.selectNetworks().where('network.id', '=', id).executeTakeFirst();
  }

  async insertNetwork(values: Insertable<DB['network']>): Promise<string> {
    const row = await this.db.insertOne('network', values, { action: 'network.create' });
    return row.id;
  }

  /** A network's settings; the write policy decides who may (policy/agency.policy.ts). */
  async updateNetwork(id: string, set: Updateable<DB['network']>): Promise<boolean> {
    const rows = await this.db.update('network', (eb) => eb('id', '=', id), set, {
      action: 'network.update',
      details: { fields: Object.keys(set) },
    });
    return rows.length > 0;
  }

  /** Of these networks, the ids that exist. */
  async existingNetworkIds(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query
      .selectFrom('network')
      .select('id')
      .where('id', 'in', [...ids])
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  /** The agencies that are members of a network. */
  async memberAgencyIds(networkId: string): Promise<Set<string>> {
    const rows = await this.db.query
      .selectFrom('network_membership')
      .select('agency_id')
      .where('network_id', '=', networkId)
      .execute();
    return new Set(rows.map((row) => row.agency_id));
  }

  // Agencies.

  private selectAgencies() {
    return this.db.query
      .selectFrom('agency')
      .select([
        'agency.id',
        'agency.name',
        'agency.kind',
        'agency.region',
        'agency.active',
        'agency.created_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('network_membership as m')
          .select(sql<string[] | null>`array_agg(m.network_id ORDER BY m.network_id)`.as('ids'))
          .whereRef('m.agency_id', '=', 'agency.id')
          .as('network_ids'),
      );
  }

  /** By name, then id (keyset); optionally only the members of one network. */
  async listAgencies(query: Page & { networkId?: string | undefined }) {
    const agencies = this.selectAgencies().$if(query.networkId !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('network_membership as nm')
            .select('nm.agency_id')
            .whereRef('nm.agency_id', '=', 'agency.id')
            .where('nm.network_id', '=', query.networkId!),
        ),
      ),
    );
    return keysetPage(agencies, query, {
      by: ['agency.name', 'agency.id'],
      direction: 'asc',
      key: (row) => [row.name, row.id],
    });
  }

  async findAgency(id: string) {
    return this.selectAgencies().where('agency.id', '=', id).executeTakeFirst();
  }

  async insertAgency(values: Insertable<DB['agency']>): Promise<string> {
    const row = await this.db.insertOne('agency', values, {
      action: 'agency.create',
      details: { kind: values.kind },
    });
    return row.id;
  }

  async updateAgency(id: string, set: Updateable<DB['agency']>): Promise<boolean> {
    const rows = await this.db.update('agency', (eb) => eb('id', '=', id), set, {
      action: 'agency.update',
      details: { fields: Object.keys(set) },
    });
    return rows.length > 0;
  }

  async membershipsOf(agencyId: string): Promise<Set<string>> {
    const rows = await this.db.query
      .selectFrom('network_membership')
      .select('network_id')
      .where('agency_id', '=', agencyId)
      .execute();
    return new Set(rows.map((row) => row.network_id));
  }

  async joinNetworks(agencyId: string, networkIds: readonly string[]): Promise<void> {
    await this.db.insert(
      'network_membership',
      networkIds.map((networkId) => ({ network_id: networkId, agency_id: agencyId })),
      { action: 'agency.network_join', details: { agencyId } },
    );
  }

  async leaveNetworks(agencyId: string, networkIds: readonly string[]): Promise<void> {
    if (networkIds.length === 0) return;
    await this.db.delete(
      'network_membership',
      (eb) => eb.and([eb('agency_id', '=', agencyId), eb('network_id', 'in', [...networkIds])]),
      { action: 'agency.network_leave', details: { agencyId } },
    );
  }

  // The service directory's entries (README, "Service directory").

  /** Entries with their agency, and whether the agency is in one of these networks. */
  private selectEntries(networkIds: readonly string[]) {
    return this.db.query
      .selectFrom('directory_entry as e')
      .innerJoin('agency as a', 'a.id', 'e.agency_id')
      .select([
        'e.agency_id',
        'a.name',
        'a.kind',
        'e.region',
        'e.approach',
        'e.target_groups',
        'e.languages',
        'e.provides_partner_contact',
        'e.contact_points',
        'e.listed',
        'e.updated_at',
      ])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('network_membership as nm')
              .select('nm.agency_id')
              .whereRef('nm.agency_id', '=', 'a.id')
              .$if(networkIds.length === 0, (qb) => qb.where(sql<boolean>`false`))
              .$if(networkIds.length > 0, (qb) => qb.where('nm.network_id', 'in', [...networkIds])),
          )
          .as('in_network'),
      );
  }

  /**
   * One page of the active agencies' entries the actor may read, by name then id (keyset), as
   * filtered: words of the name or the approach (each, in any order), the start of the region, the
   * kind, partner contact.
   */
  async listEntries(
    query: Page & {
      q?: string | undefined;
      region?: string | undefined;
      kind?: AgencyKind | undefined;
      partnerContact?: boolean | undefined;
    },
    networkIds: readonly string[],
  ) {
    const like = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    // Every word must be in the name or the approach, in any order.
    const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8).map(like);
    const region = query.region?.trim() ? like(query.region.trim()) : undefined;
    const entries = this.selectEntries(networkIds)
      .where('a.active', '=', true)
      .$if(words.length > 0, (qb) =>
        qb.where(({ and }) =>
          and(
            words.map(
              (word) =>
                sql<boolean>`(lower(a.name) LIKE ${`%${word}%`} OR lower(e.approach) LIKE ${`%${word}%`})`,
            ),
          ),
        ),
      )
      .$if(region !== undefined, (qb) => qb.where(() => sql<boolean>`lower(e.region) LIKE ${`${region}%`}`))
      .$if(query.kind !== undefined, (qb) => qb.where('a.kind', '=', query.kind!))
      .$if(query.partnerContact !== undefined, (qb) =>
        qb.where('e.provides_partner_contact', '=', query.partnerContact!),
      );
    return keysetPage(entries, query, {
      by: ['a.name', 'a.id'],
      direction: 'asc',
      key: (row) => [row.name, row.agency_id],
    });
  }

  async findEntry(agencyId: string, networkIds: readonly string[]) {
    return this.selectEntries(networkIds).where('e.agency_id', '=', agencyId).executeTakeFirst();
  }

  /** Whether the agency is in one of these networks (for an agency without an entry yet). */
  async inAnyNetwork(agencyId: string, networkIds: readonly string[]): Promise<boolean> {
    if (networkIds.length === 0) return false;
    const row = await this.db.query
      .selectFrom('network_membership')
      .select('agency_id')
      .where('agency_id', '=', agencyId)
      .where('network_id', 'in', [...networkIds])
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Writes the agency's entry whole: inserted the first time, replaced afterwards. */
  async saveEntry(
    agencyId: string,
    values: Omit<Insertable<DB['directory_entry']>, 'agency_id'>,
  ): Promise<void> {
    const audit = { action: 'directory_entry.write', details: { agencyId } };
    const updated = await this.db.update(
      'directory_entry',
      (eb) => eb('agency_id', '=', agencyId),
      { ...values, updated_at: new Date() },
      audit,
    );
    if (updated.length === 0)
      await this.db.insert('directory_entry', { agency_id: agencyId, ...values }, audit);
  }
}
