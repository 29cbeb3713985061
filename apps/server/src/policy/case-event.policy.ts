import { sql } from 'kysely';
import type { Actor } from './actor.js';
import { ownedBy, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, jointCasePolicy, ofJointCase } from './joint-case.policy.js';
import {
  allOf,
  anyOf,
  columnEquals,
  granted,
  noRows,
  ofActorAgency,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Critical events and informal contacts (docs/domain.md, "Critical events"). What his side or
 * another agency records about him reaches whoever may see his safety information; what the
 * victim side records about her stays there (it is her disclosure) until shared on purpose.
 * Informal contacts between the case managers belong to the two sides of their joint case,
 * whatever other agencies receive.
 */
export const caseEventPolicy = {
  table: {
    holds: 'client',
    subject: (table) =>
      sql<
        string | null
      >`coalesce(${sql.ref(`${table}.partner_person_id`)}, ${subjectVia('episode_id', 'pp_episode', 'person_id')(table)})`,
    read(actor: Actor): RowFilter {
      if (!worksOnCases(actor)) return noRows;
      return anyOf(
        ownedBy(actor),
        allOf(
          columnEquals('event_type', 'critical'),
          columnEquals('partner_person_id', null),
          related(
            'episode_id',
            'pp_episode',
            anyOf(
              when(actor.side === 'perpetrator', ofActorAgency('agency_id', actor)),
              granted('person_id', 'safety_concerns', actor),
            ),
          ),
        ),
        // Her disclosures never reach the perpetrator side, whatever a grant says.
        allOf(
          columnEquals('event_type', 'critical'),
          when(actor.side !== 'perpetrator', granted('partner_person_id', 'victim_disclosures', actor)),
        ),
        allOf(columnEquals('event_type', 'informal_contact'), ofJointCase(caseRelation.caseStaff(actor))),
      );
    },
    write: (actor: Actor): RowFilter => when(jointCasePolicy.canRecordEvents(actor), ownedBy(actor)),
  } satisfies TablePolicy,

  /** The perpetrator side is never told that something came from her. */
  sourceFor(actor: Actor, source: string | null): string | null {
    return actor.side === 'perpetrator' && source === 'her' ? 'another_source' : source;
  },
};
