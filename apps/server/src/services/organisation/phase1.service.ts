import type { Phase1MeetingCreate, Phase1MeetingView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { agreementPolicy } from '../../policy/agreement.policy.js';
import { assertNetworkAgencies } from './agreements.service.js';

type MeetingRow = Awaited<ReturnType<CommandScope['repos']['agreements']['phase1Meetings']>>[number];

const toView = (row: MeetingRow): z.input<typeof Phase1MeetingView> => ({
  id: row.id,
  networkId: row.network_id,
  heldOn: row.held_on,
  agencyIds: row.agency_ids,
  participants: row.participants,
  topics: row.topics,
  outcomes: row.outcomes,
});

const MEETINGS_SHOWN = 100;

/**
 * The Phase 1 team meeting, where the agencies of a network learn each other's language and
 * methods before they share cases (docs/domain.md, "Beyond single cases"): the coordinator's.
 */
export async function recordPhase1Meeting(scope: CommandScope, input: z.infer<typeof Phase1MeetingCreate>) {
  if (!agreementPolicy.canRecordForNetwork(scope.actor, input.networkId)) {
    scope.db.refuse('phase1_meeting.create', 'phase1_meeting');
    throw forbidden('The network coordinator records Phase 1 meetings for their network');
  }
  await assertNetworkAgencies(scope, input.networkId, input.agencyIds, (index) => `agencyIds.${index}`);
  const { id } = await scope.repos.agreements.insertPhase1Meeting({
    network_id: input.networkId,
    held_on: input.heldOn,
    agency_ids: input.agencyIds,
    participants: input.participants,
    topics: input.topics,
    outcomes: input.outcomes,
    created_by: scope.actor.userId,
  });
  const row = await scope.repos.agreements.findPhase1Meeting(id);
  if (!row) throw notFound();
  return toView(row);
}

/** The Phase 1 meetings of the actor's networks, newest first. */
export async function listPhase1Meetings(scope: CommandScope, networkId: string | undefined) {
  const rows = await scope.repos.agreements.phase1Meetings({ networkId, limit: MEETINGS_SHOWN });
  return { items: rows.map(toView) };
}
