import { type Actor, hasAnyRole } from './actor.js';
import { ownedBy, subjectColumn, worksOnCases } from './case-roles.js';
import { allOf, anyOf, columnEquals, columnIn, granted, noRows, type RowFilter, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * People: him, the partners he named, children. Each is visible to the agency and side that
 * recorded them, and to whoever an access grant in force lets see that kind of person.
 */
export const personPolicy = {
  table: {
    holds: 'client',
    subject: subjectColumn('id'),
    read(actor: Actor): RowFilter {
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
    fields: {
      contact_enc: (actor: Actor): RowFilter => personPolicy.contactVisible(actor),
      // A child's links to the parents' records (her record among them) stay with the owner.
      mother_id: (actor: Actor): RowFilter => ownedBy(actor),
      father_id: (actor: Actor): RowFilter => ownedBy(actor),
    },
    write(actor: Actor): RowFilter {
      if (!worksOnCases(actor)) return noRows;
      if (actor.side !== 'perpetrator') return ownedBy(actor);
      // Her record never belongs to the perpetrator side (also a database CHECK). The programme
      // records him, and the children it knows of as his — never where they are: a child it
      // writes carries no contact details at all (docs/domain.md, information-flow rule 1).
      return allOf(
        ownedBy(actor),
        anyOf(
          columnEquals('kind', 'perpetrator'),
          allOf(columnEquals('kind', 'child'), columnEquals('contact_enc', null)),
        ),
      );
    },
  } satisfies TablePolicy,

  /**
   * Her location and contact details, and the children's (their school): never for the
   * perpetrator side, whatever else is true; otherwise for the owner or a victim_contact grant.
   * His own contact details: for the programme that recorded him.
   */
  contactVisible(actor: Actor): RowFilter {
    if (!worksOnCases(actor)) return noRows;
    return anyOf(
      allOf(columnEquals('kind', 'perpetrator'), ownedBy(actor)),
      when(
        actor.side !== 'perpetrator',
        allOf(
          columnIn('kind', ['partner', 'child']),
          anyOf(ownedBy(actor), granted('id', 'victim_contact', actor)),
        ),
      ),
    );
  },

  /**
   * Editing a person's location and contact details: the table's write policy for one row (the
   * agency and side that recorded the person; on the perpetrator side him only, since a child
   * it writes carries no contact details). Her record's are her service's.
   */
  canEditContact(actor: Actor, person: { kind: string; ownerAgencyId: string; ownerSide: string }): boolean {
    const owns =
      worksOnCases(actor) && person.ownerAgencyId === actor.agencyId && person.ownerSide === actor.side;
    return owns && (actor.side !== 'perpetrator' || person.kind === 'perpetrator');
  },

  /** Children are recorded by case managers and child-protection leads. */
  canRecordChild(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      hasAnyRole(actor, ['pp_case_manager', 'vss_case_manager', 'child_protection_lead'])
    );
  },
};
