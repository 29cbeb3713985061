import type { Abilities } from '@tandem/shared';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { agencyPolicy, networkPolicy } from './agency.policy.js';
import { auditPolicy } from './audit.policy.js';
import { worksOnCases } from './case-roles.js';
import { jointCasePolicy } from './joint-case.policy.js';
import { ppEpisodePolicy } from './pp-episode.policy.js';
import { victimFilePolicy } from './victim-file.policy.js';

/**
 * The policy module: every access decision in Tandem is made here. Each entity has a file with
 * the policies of its tables (applied by the scoped data handle to every query) and the
 * decisions its workflows ask for, and a table test beside it. policy/tables.ts lists every
 * table of the schema with its policy.
 */

/** What the navigation may show. The server decides every request again; this only hides links. */
export function abilitiesFor(actor: Actor): Abilities {
  return {
    manageNetworks: networkPolicy.canCreate(actor),
    manageAgencies: agencyPolicy.canCreate(actor),
    manageUsers: hasRole(actor, 'system_admin') || hasRole(actor, 'agency_admin'),
    viewAudit: auditPolicy.visibleRows(actor).kind !== 'none',
    casework: worksOnCases(actor),
    referPerpetrators: ppEpisodePolicy.canRefer(actor),
    viewProgrammes: ppEpisodePolicy.listsEpisodes(actor),
    supportVictims: victimFilePolicy.canWork(actor),
    coordinateNetwork: hasRole(actor, 'network_coordinator'),
    assessChildren: jointCasePolicy.canAssessChildren(actor),
    readNetworkStatistics: actor.networkIds.some((networkId) =>
      networkPolicy.readsStatistics(actor, networkId),
    ),
  };
}
