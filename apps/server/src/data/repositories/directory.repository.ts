import type { AgencyKind } from '@tandem/shared';
import { validOn } from '../../policy/row-filter.js';
import { rowFilterToSql } from '../row-filter-sql.js';
import type { ScopedDb } from '../scoped-db.js';

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
    const row = await this.db.query.selectFrom('agency').select('kind').where('id', '=', id).executeTakeFirst();
    return (row?.kind as AgencyKind | undefined) ?? null;
  }

  /** Is there an organisation-level agreement in force today between these two agencies? */
  async organisationAgreementInForce(firstAgencyId: string, secondAgencyId: string): Promise<boolean> {
    const today = this.db.actor.today;
    const row = await this.db.query
      .selectFrom('agreement as a')
      .innerJoin('agreement_party as p1', (join) => join.onRef('p1.agreement_id', '=', 'a.id').on('p1.agency_id', '=', firstAgencyId))
      .innerJoin('agreement_party as p2', (join) => join.onRef('p2.agreement_id', '=', 'a.id').on('p2.agency_id', '=', secondAgencyId))
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
      ])
      .where('m.agency_id', '=', agencyId)
      .orderBy('m.joined_at')
      .orderBy('n.id')
      .limit(1)
      .executeTakeFirst();
  }
}
