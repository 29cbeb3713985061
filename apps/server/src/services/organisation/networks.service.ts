import type { EscalationTrigger, NetworkCreate, NetworkUpdate, NetworkView, PageQuery } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../domain/clock.js';
import { forbidden, invalidInput, notFound } from '../../domain/errors.js';
import { networkPolicy } from '../../policy/agency.policy.js';
import { DEFAULT_RISK_INSTRUMENT, riskChecklistNamed } from '../instruments/case-of-instrument.js';

type NetworkRow = {
  id: string;
  name: string;
  region: string | null;
  meeting_interval_days: number;
  time_zone: string;
  risk_instrument_id: string | null;
  escalation_triggers: unknown;
  agency_count: number | string | bigint | null;
  created_at: Date | string;
};

const toView = (scope: CommandScope, row: NetworkRow): NetworkView => ({
  id: row.id,
  name: row.name,
  region: row.region,
  meetingIntervalDays: row.meeting_interval_days,
  timeZone: row.time_zone,
  riskInstrumentId: row.risk_instrument_id ?? DEFAULT_RISK_INSTRUMENT,
  escalationTriggers:
    (row.escalation_triggers as EscalationTrigger[] | null) ?? scope.settings.escalationRules.triggers,
  ownEscalationTriggers: row.escalation_triggers !== null,
  agencyCount: Number(row.agency_count ?? 0),
  createdAt: new Date(row.created_at).toISOString(),
  can: { changeSettings: networkPolicy.canChangeSettings(scope.actor, row.id) },
});

/** Networks: the directory every signed-in user reads (docs/domain.md, "Beyond single cases"). */
export async function listNetworks(scope: CommandScope, query: PageQuery) {
  const page = await scope.repos.directory.listNetworks(query);
  return { items: page.items.map((row) => toView(scope, row)), nextCursor: page.nextCursor };
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
  return toView(scope, row);
}

/**
 * A network's settings, from its system admin or coordinator: the risk checklist its new joint
 * cases are assessed with (riskChecklistOf; cases already assessed keep theirs), and its own
 * escalation triggers (null: the installation's again), validated by the route's schema.
 */
export async function updateNetwork(
  scope: CommandScope,
  networkId: string,
  input: NetworkUpdate,
): Promise<NetworkView> {
  const { directory } = scope.repos;
  if (!(await directory.findNetwork(networkId))) throw notFound();
  if (!networkPolicy.canChangeSettings(scope.actor, networkId)) {
    scope.db.refuse('network.update', 'network', networkId);
    throw forbidden('The system admin or the network’s coordinator changes its settings');
  }
  if (input.riskInstrumentId !== undefined && !(await riskChecklistNamed(scope, input.riskInstrumentId)))
    throw invalidInput('riskInstrumentId', `No risk checklist ${input.riskInstrumentId} is loaded`);
  await directory.updateNetwork(networkId, {
    ...(input.riskInstrumentId !== undefined && { risk_instrument_id: input.riskInstrumentId }),
    ...(input.escalationTriggers !== undefined && {
      escalation_triggers:
        input.escalationTriggers === null ? null : JSON.stringify(input.escalationTriggers),
    }),
  });
  const row = await directory.findNetwork(networkId);
  if (!row) throw notFound();
  return toView(scope, row);
}
