import type { Actor } from './actor.js';
import { hasRole } from './actor.js';
import { allRows, anyOf, columnEquals, noRows, type RowFilter, related } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/** The agency admin's own agency, or null for anyone who is not one. */
const adminAgencyOf = (actor: Actor): string | null =>
  hasRole(actor, 'agency_admin') && actor.agencyId ? actor.agencyId : null;

/**
 * The column names a person whose record the actor's agency holds: an agency admin may see
 * which of the agency's own clients an event is about, never anyone else's id (the programme's
 * admin must not learn her record id because his case manager named her).
 */
const heldPerson = (column: string, agencyId: string): RowFilter =>
  related(column, 'person', columnEquals('owner_agency_id', agencyId));

/** A column that identifies a person: all of it for the system admin, held people for an agency admin. */
const personIdField =
  (column: string) =>
  (actor: Actor): RowFilter => {
    if (hasRole(actor, 'system_admin')) return allRows;
    const agencyId = adminAgencyOf(actor);
    return agencyId ? heldPerson(column, agencyId) : noRows;
  };

/** An event about one of the agency's staff accounts, whoever did it (the system admin too). */
const aboutOwnAccount = (agencyId: string): RowFilter =>
  related('resource_user_id', 'app_user', columnEquals('agency_id', agencyId));

/**
 * The audit trail itself. A system admin reads the installation's events. An agency admin (the
 * agency's data-protection contact) reads the events of the agency's own staff, the events
 * about people the agency holds — who read or received their data (the access log) — and
 * everything done to the agency's accounts, by anyone: who gave which role to whom. Audit rows
 * carry identifiers, never case content; the identifiers of people the agency does not hold are
 * masked. Nobody writes them through the scoped handle: the audit module appends them in the
 * command's transaction.
 */
export const auditPolicy = {
  events: {
    holds: 'system',
    read: (actor: Actor): RowFilter => auditPolicy.visibleRows(actor),
    fields: {
      subject_person_id: personIdField('subject_person_id'),
      resource_person_id: personIdField('resource_person_id'),
      // Shown unless it names a person (resource_person_id is set only for `person` resources).
      resource_id: (actor: Actor): RowFilter =>
        anyOf(columnEquals('resource_person_id', null), personIdField('resource_person_id')(actor)),
    },
    write: () => noRows,
  } satisfies TablePolicy,

  visibleRows(actor: Actor): RowFilter {
    if (hasRole(actor, 'system_admin')) return allRows;
    const agencyId = adminAgencyOf(actor);
    if (!agencyId) return noRows;
    return anyOf(
      columnEquals('actor_agency_id', agencyId),
      heldPerson('subject_person_id', agencyId),
      aboutOwnAccount(agencyId),
    );
  },
};

/**
 * The "who saw / who received" view of one person, for the data-protection contact (the agency
 * admin) of the agency that holds the person's record. It lists who, when, what and on which
 * basis — never the content. Which person is held by the admin's agency is decided by the
 * audit policy above: the events about anyone else do not name them.
 */
export const accessLogPolicy = {
  canView(actor: Actor): boolean {
    return adminAgencyOf(actor) !== null;
  },
};
