import { LAWFUL_BASES, type SeriousHarmStatistics, TELLING_STATUSES } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { notFound } from '../../domain/errors.js';
import { SMALL_COUNT, shownCount, suppressCells } from '../../domain/small-counts.js';
import { networkPolicy } from '../../policy/agency.policy.js';

/**
 * How often a network's services shared without her consent for someone's safety (authorised
 * shares, by the day they were authorised): rare by design, so counted where the coordinator and
 * analysts can see the path is used and not abused. They read no case, so the rows are counted
 * through the system door for this one reason; only counts leave, small ones suppressed with
 * their complements (docs/domain.md, rule 6).
 */
export async function seriousHarmStatistics(
  scope: CommandScope,
  networkId: string,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<SeriousHarmStatistics> {
  if (!networkPolicy.readsStatistics(scope.actor, networkId)) {
    throw scope.db.refuse('serious_harm.statistics', 'network', networkId);
  }
  if (!(await scope.repos.directory.findNetwork(networkId))) throw notFound();
  let query = scope
    .system('network_statistics')
    .selectFrom('serious_harm_share')
    .select(['lawful_basis', 'telling_status'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'authorised')
    .where('owner_agency_id', 'in', (eb) =>
      eb.selectFrom('network_membership').select('agency_id').where('network_id', '=', networkId),
    )
    .groupBy(['lawful_basis', 'telling_status']);
  if (period.from) query = query.where('decided_on', '>=', period.from);
  if (period.to) query = query.where('decided_on', '<=', period.to);
  const rows = await query.execute();

  const byBasis = Object.fromEntries(LAWFUL_BASES.map((basis) => [basis, 0])) as Record<
    (typeof LAWFUL_BASES)[number],
    number
  >;
  const byTelling = Object.fromEntries(TELLING_STATUSES.map((status) => [status, 0])) as Record<
    (typeof TELLING_STATUSES)[number],
    number
  >;
  let shares = 0;
  for (const row of rows) {
    const n = Number(row.n);
    byBasis[row.lawful_basis as keyof typeof byBasis] += n;
    byTelling[row.telling_status as keyof typeof byTelling] += n;
    shares += n;
  }
  scope.audit.record({
    action: 'serious_harm.statistics',
    outcome: 'success',
    resourceType: 'network',
    resourceId: networkId,
    details: { from: period.from ?? null, to: period.to ?? null },
  });
  const total = shownCount(shares);
  const hideAll = <K extends string>(cells: Record<K, number>) =>
    Object.fromEntries(Object.keys(cells).map((cell) => [cell, null])) as Record<K, null>;
  return {
    networkId,
    from: period.from ?? null,
    to: period.to ?? null,
    minimumCount: SMALL_COUNT,
    shares: total,
    // A suppressed total hides its breakdowns too: the cells would add up to it.
    byBasis: total === null ? hideAll(byBasis) : suppressCells(byBasis),
    byTelling: total === null ? hideAll(byTelling) : suppressCells(byTelling),
  };
}
