import type { AgencyCreate, AgencyKind, AgencyUpdate, AgencyView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { forbidden, invalidInput } from '../../domain/errors.js';
import { agencyPolicy } from '../../policy/agency.policy.js';

type AgencyRow = {
  id: string;
  name: string;
  kind: string;
  region: string | null;
  active: boolean;
  network_ids: string[] | null;
  created_at: Date | string;
};

const toView = (row: AgencyRow): AgencyView => ({
  id: row.id,
  name: row.name,
  kind: row.kind as AgencyKind,
  region: row.region,
  active: row.active,
  networkIds: row.network_ids ?? [],
  createdAt: new Date(row.created_at).toISOString(),
});

/** Agencies: the service directory every signed-in user reads (docs/domain.md, "Beyond single cases"). */
export async function listAgencies(
  scope: CommandScope,
  query: { limit: number; cursor?: string | undefined; networkId?: string | undefined },
) {
  const page = await scope.repos.directory.listAgencies(query);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

export async function agencyView(
  scope: CommandScope,
  id: string,
  action = 'agency.read',
): Promise<AgencyView> {
  const row = await scope.repos.directory.findAgency(id);
  if (!row) throw scope.db.refuse(action, 'agency', id);
  return toView(row);
}

/** Only the system admin creates agencies and places them in networks. */
export async function createAgency(scope: CommandScope, input: AgencyCreate): Promise<AgencyView> {
  if (!agencyPolicy.canCreate(scope.actor)) {
    scope.db.refuse('agency.create', 'agency');
    throw forbidden('Only the system admin creates agencies');
  }
  const networkIds = await knownNetworks(scope, input.networkIds);
  const id = await scope.repos.directory.insertAgency({
    name: input.name,
    kind: input.kind,
    region: input.region ?? null,
  });
  await scope.repos.directory.joinNetworks(id, networkIds);
  return agencyView(scope, id);
}

export async function updateAgency(
  scope: CommandScope,
  id: string,
  changes: z.infer<typeof AgencyUpdate>,
): Promise<AgencyView> {
  await agencyView(scope, id, 'agency.update');
  if (!agencyPolicy.canUpdate(scope.actor)) throw scope.db.refuse('agency.update', 'agency', id);
  const set = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.region !== undefined && { region: changes.region }),
    ...(changes.active !== undefined && { active: changes.active }),
  };
  if (Object.keys(set).length > 0 && !(await scope.repos.directory.updateAgency(id, set)))
    throw scope.db.refuse('agency.update', 'agency', id);
  if (changes.networkIds) {
    const wanted = await knownNetworks(scope, changes.networkIds);
    const current = await scope.repos.directory.membershipsOf(id);
    // Memberships kept keep the date they began: an agency's first network sets its time zone.
    await scope.repos.directory.leaveNetworks(
      id,
      [...current].filter((networkId) => !wanted.includes(networkId)),
    );
    await scope.repos.directory.joinNetworks(
      id,
      wanted.filter((networkId) => !current.has(networkId)),
    );
  }
  return agencyView(scope, id);
}

/** The networks named, once each; an unknown one is refused by its place in the list. */
async function knownNetworks(scope: CommandScope, networkIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(networkIds)];
  const known = await scope.repos.directory.existingNetworkIds(unique);
  const index = networkIds.findIndex((networkId) => !known.has(networkId));
  if (index >= 0) throw invalidInput(`networkIds.${index}`, 'No such network');
  return unique;
}
