import { type Actor, hasRole } from './actor.js';
import { caseRelation, ofJointCase } from './joint-case.policy.js';
import {
  agreementParty,
  allOf,
  anyOf,
  columnEquals,
  columnIn,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Multi-agency agreements and Phase 1 meetings (docs/domain.md, "Beyond single cases"). The
 * network coordinator records organisation-level agreements and Phase 1 meetings for their
 * networks and reads every organisation-level agreement of them; every agency that is party to
 * an agreement may read it; a case-level agreement is drawn up by her case manager with the
 * joint case and kept by its case managers.
 */
const coordinatedAgreements = (actor: Actor): RowFilter =>
  when(
    hasRole(actor, 'network_coordinator'),
    allOf(columnEquals('level', 'organisation'), columnIn('network_id', actor.networkIds)),
  );

const readAgreement = (actor: Actor): RowFilter =>
  anyOf(coordinatedAgreements(actor), agreementParty('id', actor.agencyId));

const writeAgreement = (actor: Actor): RowFilter =>
  anyOf(
    coordinatedAgreements(actor),
    allOf(
      columnEquals('level', 'case'),
      anyOf(columnEquals('created_by', actor.userId), ofJointCase(caseRelation.caseManager(actor))),
    ),
  );

export const agreementPolicy = {
  agreements: { holds: 'organisation', read: readAgreement, write: writeAgreement } satisfies TablePolicy,

  parties: {
    holds: 'organisation',
    read: (actor: Actor): RowFilter => related('agreement_id', 'agreement', readAgreement(actor)),
    write: (actor: Actor): RowFilter => related('agreement_id', 'agreement', writeAgreement(actor)),
  } satisfies TablePolicy,

  phase1Meetings: {
    holds: 'organisation',
    read: (actor: Actor): RowFilter =>
      when(actor.agencyId !== null, columnIn('network_id', actor.networkIds)),
    write: (actor: Actor): RowFilter =>
      when(hasRole(actor, 'network_coordinator'), columnIn('network_id', actor.networkIds)),
  } satisfies TablePolicy,

  /** Organisation-level agreements and Phase 1 meetings: the coordinator of the network. */
  canRecordForNetwork(actor: Actor, networkId: string): boolean {
    return hasRole(actor, 'network_coordinator') && actor.networkIds.includes(networkId);
  },
};
