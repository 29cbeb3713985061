import { levelRank, type RiskDivergenceStatistics } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { notFound } from '../../domain/errors.js';
import {
  cellOf,
  checklistPairs,
  DIVERGENCE_CELLS,
  type DivergenceCell,
  type SideChecklist,
  SMALL_COUNT,
  suppressSmallCounts,
} from '../../domain/risk-divergence.js';
import { shownCount } from '../../domain/small-counts.js';
import { definitionKey, getDefinitions } from '../../instruments/registry.js';
import { networkPolicy } from '../../policy/agency.policy.js';
import { RISK_CHECKLIST } from './case-of-instrument.js';

/**
 * When the two sides diverge, across a network (docs/domain.md, "Joint risk assessment": the
 * pilots found the programme assesses lower): the pairs of checklists of its joint cases — those
 * whose programme is a member of the network — counted by how far the programme's level was
 * below or above her service's. Its coordinator and analysts read no case, so the rows are read
 * through the system door for this one reason and only counts leave, small ones suppressed.
 */
export async function riskDivergenceStatistics(
  scope: CommandScope,
  networkId: string,
  period: { from?: string; to?: string },
): Promise<RiskDivergenceStatistics> {
  if (!networkPolicy.readsStatistics(scope.actor, networkId)) {
    throw scope.db.refuse('risk.divergence_statistics', 'network', networkId);
  }
  if (!(await scope.repos.directory.findNetwork(networkId))) throw notFound();
  const db = scope.system('network_statistics');
  const rows = await db
    .selectFrom('instrument_response as r')
    .innerJoin('joint_case as j', 'j.id', 'r.joint_case_id')
    .select([
      'r.id',
      'r.joint_case_id',
      'r.owner_side',
      'r.instrument_id',
      'r.version',
      'r.completed_on',
      'r.computed_level',
      'r.judged_level',
    ])
    .where('r.instrument_kind', '=', RISK_CHECKLIST)
    .where('r.owner_side', 'in', ['perpetrator', 'victim'])
    .where('j.pp_agency_id', 'in', (eb) =>
      eb.selectFrom('network_membership').select('agency_id').where('network_id', '=', networkId),
    )
    .orderBy('r.joint_case_id')
    .orderBy('r.completed_on')
    .orderBy('r.created_at')
    .execute();
  const definitions = await getDefinitions(
    db,
    [...new Map(rows.map((row) => [definitionKey(row.instrument_id, row.version), row])).values()].map(
      (row) => ({ instrumentId: row.instrument_id, version: row.version }),
    ),
  );
  const byCase = new Map<string, SideChecklist[]>();
  for (const row of rows) {
    const level = row.judged_level ?? row.computed_level;
    const definition = definitions.get(definitionKey(row.instrument_id, row.version));
    const checklists = byCase.get(row.joint_case_id as string) ?? [];
    checklists.push({
      id: row.id,
      side: row.owner_side,
      completedOn: String(row.completed_on),
      level,
      rank: level && definition ? levelRank(definition, level) : -1,
      instrumentId: row.instrument_id,
    });
    byCase.set(row.joint_case_id as string, checklists);
  }
  const counts = Object.fromEntries(DIVERGENCE_CELLS.map((cell) => [cell, 0])) as Record<
    DivergenceCell,
    number
  >;
  let pairs = 0;
  const cases = new Set<string>();
  for (const [jointCaseId, checklists] of byCase) {
    for (const pair of checklistPairs(checklists)) {
      if (pair.difference === null) continue;
      if ((period.from && pair.date < period.from) || (period.to && pair.date > period.to)) continue;
      counts[cellOf(pair.difference)] += 1;
      pairs += 1;
      cases.add(jointCaseId);
    }
  }
  scope.audit.record({
    action: 'risk.divergence_statistics',
    outcome: 'success',
    resourceType: 'network',
    resourceId: networkId,
    details: { from: period.from ?? null, to: period.to ?? null },
  });
  return {
    networkId,
    from: period.from ?? null,
    to: period.to ?? null,
    minimumCount: SMALL_COUNT,
    pairs: shownCount(pairs),
    cases: shownCount(cases.size),
    cells: suppressSmallCounts(counts),
  };
}
