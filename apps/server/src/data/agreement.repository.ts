import type { AgreementCreate, AgreementView, InformationKind, Phase1MeetingCreate } from '@tandem/shared';
import type { z } from 'zod';
import { forbidden, invalidInput, notFound } from '../http/errors.js';
import { agreementPolicy } from '../policy/index.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/**
 * Multi-Agency Standard Agreements (organisation level; case-level ones are made with the
 * joint case) and Phase 1 team meetings (DOMAIN.md §2 steps 1-2).
 */
export class AgreementRepository {
  constructor(private readonly ctx: RepositoryContext) {}

  async create(input: z.infer<typeof AgreementCreate>): Promise<AgreementView> {
    if (input.level !== 'organisation') {
      throw invalidInput('level', 'Case-level agreements are made when the joint case is opened');
    }
    if (!agreementPolicy.canRecordForNetwork(this.ctx.actor, input.networkId!)) {
      this.ctx.audit.record({ action: 'agreement.create', outcome: 'denied', resourceType: 'agreement' });
      throw forbidden('The network coordinator records agreements for their network');
    }
    await this.assertNetworkAgencies(
      input.networkId!,
      input.parties.map((party) => party.agencyId),
      (index) => `parties.${index}.agencyId`,
    );
    const row = await this.ctx.trx
      .insertInto('agreement')
      .values({
        level: 'organisation',
        network_id: input.networkId!,
        title: input.title,
        legislative_framework: input.legislativeFramework ?? null,
        principles: input.principles ?? null,
        scope: input.scope ?? null,
        objectives: input.objectives ?? null,
        commitments: input.commitments ?? null,
        valid_from: input.validFrom,
        valid_to: input.validTo ?? null,
        created_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.ctx.trx
      .insertInto('agreement_party')
      .values(
        input.parties.map((party) => ({
          agreement_id: row.id,
          agency_id: party.agencyId,
          signatory_name: party.signatoryName,
          signed_on: party.signedOn,
          receives: party.receives,
        })),
      )
      .execute();
    this.ctx.audit.record({
      action: 'agreement.create',
      outcome: 'success',
      resourceType: 'agreement',
      resourceId: row.id,
    });
    return this.get(row.id);
  }

  async list(query: { networkId?: string | undefined; limit: number }) {
    const rows = await this.ctx.trx
      .selectFrom('agreement')
      .select('agreement.id')
      .where((eb) => rowFilterToSql(eb, agreementPolicy.visibleRows(this.ctx.actor)))
      .$if(query.networkId !== undefined, (qb) => qb.where('agreement.network_id', '=', query.networkId!))
      .orderBy('agreement.valid_from', 'desc')
      .orderBy('agreement.id')
      .limit(query.limit)
      .execute();
    const items: AgreementView[] = [];
    for (const row of rows) items.push(await this.get(row.id));
    return { items, nextCursor: null };
  }

  async get(id: string): Promise<AgreementView> {
    const row = await this.ctx.trx
      .selectFrom('agreement')
      .selectAll()
      .where('agreement.id', '=', id)
      .where((eb) => rowFilterToSql(eb, agreementPolicy.visibleRows(this.ctx.actor)))
      .executeTakeFirst();
    if (!row) throw notFound();
    const parties = await this.ctx.trx
      .selectFrom('agreement_party')
      .selectAll()
      .where('agreement_id', '=', id)
      .execute();
    return {
      id: row.id,
      level: row.level as AgreementView['level'],
      networkId: row.network_id,
      jointCaseId: row.joint_case_id,
      title: row.title,
      legislativeFramework: row.legislative_framework,
      principles: row.principles,
      scope: row.scope,
      objectives: row.objectives,
      commitments: row.commitments,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      parties: parties.map((party) => ({
        agencyId: party.agency_id,
        signatoryName: party.signatory_name,
        signedOn: party.signed_on,
        receives: party.receives as Extract<
          InformationKind,
          AgreementView['parties'][number]['receives'][number]
        >[],
      })),
    };
  }

  async recordPhase1Meeting(input: z.infer<typeof Phase1MeetingCreate>) {
    if (!agreementPolicy.canRecordForNetwork(this.ctx.actor, input.networkId)) {
      this.ctx.audit.record({
        action: 'phase1_meeting.create',
        outcome: 'denied',
        resourceType: 'phase1_meeting',
      });
      throw forbidden('The network coordinator records Phase 1 meetings for their network');
    }
    await this.assertNetworkAgencies(input.networkId, input.agencyIds, (index) => `agencyIds.${index}`);
    const row = await this.ctx.trx
      .insertInto('phase1_meeting')
      .values({
        network_id: input.networkId,
        held_on: input.heldOn,
        agency_ids: input.agencyIds,
        participants: input.participants,
        topics: input.topics,
        outcomes: input.outcomes,
        created_by: this.ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'phase1_meeting.create',
      outcome: 'success',
      resourceType: 'phase1_meeting',
      resourceId: row.id,
    });
    return toPhase1View(row);
  }

  async phase1Meetings(networkId?: string) {
    const rows = await this.ctx.trx
      .selectFrom('phase1_meeting')
      .selectAll()
      .where((eb) => rowFilterToSql(eb, agreementPolicy.phase1VisibleRows(this.ctx.actor)))
      .$if(networkId !== undefined, (qb) => qb.where('network_id', '=', networkId!))
      .orderBy('held_on', 'desc')
      .limit(100)
      .execute();
    return rows.map(toPhase1View);
  }

  private async assertNetworkAgencies(
    networkId: string,
    agencyIds: readonly string[],
    pathOf: (index: number) => string,
  ) {
    const members = await this.ctx.trx
      .selectFrom('network_membership')
      .select('agency_id')
      .where('network_id', '=', networkId)
      .execute();
    const memberIds = new Set(members.map((member) => member.agency_id));
    const index = agencyIds.findIndex((agencyId) => !memberIds.has(agencyId));
    if (index >= 0) throw invalidInput(pathOf(index), 'This agency is not in the network');
  }
}

function toPhase1View(row: {
  id: string;
  network_id: string;
  held_on: string;
  agency_ids: string[];
  participants: string[];
  topics: string;
  outcomes: string;
}) {
  return {
    id: row.id,
    networkId: row.network_id,
    heldOn: row.held_on,
    agencyIds: row.agency_ids,
    participants: row.participants,
    topics: row.topics,
    outcomes: row.outcomes,
  };
}
