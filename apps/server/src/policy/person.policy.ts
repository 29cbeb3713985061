import type { PersonKind, Side } from '@tandem/shared';
import { type Actor, hasAnyRole } from './actor.js';
import { ownedBy, worksOnCases } from './case-roles.js';
import { allOf, anyOf, columnEquals, granted, noRows, type RowFilter } from './row-filter.js';

export interface PersonFacts {
  kind: PersonKind;
  ownerAgencyId: string;
  ownerSide: Side;
}

const owns = (actor: Actor, person: PersonFacts) =>
  actor.agencyId === person.ownerAgencyId && actor.side === person.ownerSide;

/**
 * People: him, the partners he named, children. Each is visible to the agency and side that
 * recorded them, and to whoever an access grant lets see that kind of person.
 */
export const personPolicy = {
  visibleRows(actor: Actor): RowFilter {
    if (!worksOnCases(actor)) return noRows;
    return anyOf(
      ownedBy(actor),
      allOf(columnEquals('kind', 'perpetrator'), granted('id', 'programme', actor)),
      allOf(columnEquals('kind', 'partner'), granted('id', 'victim_core', actor)),
      // An agency her consent and the agreement let receive her contact details may open her record for them.
      allOf(columnEquals('kind', 'partner'), granted('id', 'victim_contact', actor)),
      allOf(columnEquals('kind', 'child'), granted('id', 'children', actor)),
    );
  },

  /**
   * Her location and contact details, and the children's (their school): never for the
   * perpetrator side, whatever else is true; otherwise for the owner or a victim_contact grant.
   */
  canSeeContact(actor: Actor, person: PersonFacts, hasContactGrant: boolean): boolean {
    if (!worksOnCases(actor)) return false;
    if (person.kind === 'perpetrator') return owns(actor, person);
    if (actor.side === 'perpetrator') return false;
    return owns(actor, person) || hasContactGrant;
  },

  canEditContact(actor: Actor, person: PersonFacts): boolean {
    if (!worksOnCases(actor) || !owns(actor, person)) return false;
    return person.kind === 'perpetrator' || actor.side !== 'perpetrator';
  },

  /** Children are recorded by case managers and child-protection leads. */
  canRecordChild(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      hasAnyRole(actor, ['pp_case_manager', 'vss_case_manager', 'child_protection_lead'])
    );
  },
};
