import type { Abilities } from '@tandem/shared';
import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { agencyPolicy } from './agency.policy.js';
import { auditPolicy } from './audit.policy.js';
import { worksOnCases } from './case-roles.js';
import { networkPolicy } from './network.policy.js';
import { ppEpisodePolicy } from './pp-episode.policy.js';
import { userPolicy } from './user.policy.js';
import { victimFilePolicy } from './victim-file.policy.js';

export type { Actor } from './actor.js';
export { agreementPolicy } from './agreement.policy.js';
export { accessLogPolicy } from './audit.policy.js';
export { type EpisodeFacts, type Grant, grantsForEpisode } from './case-access.policy.js';
export { caseEventPolicy } from './case-event.policy.js';
export { CASE_ROLES, worksOnCases } from './case-roles.js';
export { dutyPolicy } from './duty.policy.js';
export { instrumentPolicy } from './instrument.policy.js';
export { jointCasePolicy } from './joint-case.policy.js';
export { actionPolicy, meetingPolicy, safetyPlanPolicy } from './meeting.policy.js';
export { personPolicy } from './person.policy.js';
export { ppEpisodePolicy } from './pp-episode.policy.js';
export * from './row-filter.js';
export type { UserSubject } from './user.policy.js';
export { victimFilePolicy } from './victim-file.policy.js';
/**
 * The policy module: every access decision in Tandem is one of these functions. The data
 * layer (data/*.repository.ts) calls them on every read and write; routes never decide.
 * One file per entity, each with its own table test beside it.
 */
export { agencyPolicy, auditPolicy, networkPolicy, userPolicy };

/** What the client may show. The server decides every request again; this only hides buttons. */
export function abilitiesFor(actor: Actor): Abilities {
  return {
    manageNetworks: networkPolicy.canCreate(actor),
    manageAgencies: agencyPolicy.canCreate(actor),
    manageUsers: hasRole(actor, 'system_admin') || hasRole(actor, 'agency_admin'),
    viewAudit: auditPolicy.visibleRows(actor).kind !== 'none',
    casework: worksOnCases(actor),
    referPerpetrators: ppEpisodePolicy.canRefer(actor),
    supportVictims: victimFilePolicy.canWork(actor),
    coordinateNetwork: hasRole(actor, 'network_coordinator'),
  };
}
