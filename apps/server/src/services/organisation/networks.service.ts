import type { NetworkCreate, NetworkView, PageQuery } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../domain/clock.js';
import { forbidden, invalidInput, notFound } from '../../domain/errors.js';
import { networkPolicy } from '../../policy/agency.policy.js';

type NetworkRow = {
  id: string;
  name: string;
  region: string | null;
  meeting_interval_days: number;
  time_zone: string;
  agency_count: number | string | bigint | null;
  created_at: Date | string;
};

const toView = (row: NetworkRow): NetworkView => ({
  id: row.id,
  name: row.name,
  region: row.region,
  meetingIntervalDays: row.meeting_interval_days,
  timeZone: row.time_zone,
  agencyCount: Number(row.agency_count ?? 0),
  createdAt: new Date(row.created_at).toISOString(),
});

/** Networks: the directory every signed-in user reads (docs/domain.md, "Beyond single cases"). */
export async function listNetworks(scope: CommandScope, query: PageQuery) {
  const page = await scope.repos.directory.listNetworks(query);
  return { items: page.items.map(toView), nextCursor: page.nextCursor };
}

/** A network and the zone its "today" is counted in (docs/domain.md, "Time"); the system admin's. */
export async function createNetwork(scope: CommandScope, input: NetworkCreate): Promise<NetworkView> {
  if (!networkPolicy.canCreate(scope.actor)) {
    scope.db.refuse('network.create', 'network');
    throw forbidden('Only the system admin creates networks');
  }
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw invalidInput('timeZone', 'Not a known time zone (e.g. Europe/Rome)');
  const id = await scope.repos.directory.insertNetwork({
    name: input.name,
    region: input.region ?? null,
    meeting_interval_days: input.meetingIntervalDays,
    time_zone: timeZone,
  });
  const row = await scope.repos.directory.findNetwork(id);
  if (!row) throw notFound();
  return toView(row);
}
