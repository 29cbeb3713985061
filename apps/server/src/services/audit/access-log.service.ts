import type { AccessLogEntry } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { accessLogPolicy } from '../../policy/audit.policy.js';

type Entry = z.input<typeof AccessLogEntry>;
type EventRow = Awaited<ReturnType<CommandScope['repos']['audit']['aboutPerson']>>[number];

const EVENTS_SHOWN = 200;

/** A `data.read` event names the tables read of the person in one command: one entry per table. */
function entriesOf(row: EventRow): Entry[] {
  const entry = {
    occurredAt: new Date(row.occurred_at).toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorAgencyId: row.actor_agency_id,
    outcome: row.outcome,
    basis: (row.basis as Record<string, unknown> | null) ?? null,
  };
  const tables = (row.details as { tables?: unknown } | null)?.tables;
  if (row.action === 'data.read' && Array.isArray(tables))
    return tables
      .filter((table): table is string => typeof table === 'string')
      .map((table) => ({ ...entry, action: `${table}.read` }));
  return [{ ...entry, action: row.action }];
}

/**
 * Who read, changed or received a person's data — who, when, what and on which basis, never the
 * content — for the data-protection contact (the agency admin) of the agency that holds the
 * person's record (docs/domain.md, "Who uses it"). The audit policy names the person only to
 * that agency, so anyone else finds no event about them and gets the one answer for "not found".
 * Every person's record is created by an audited command naming them, so a person the agency
 * holds always has at least that entry.
 */
export async function accessLog(scope: CommandScope, personId: string): Promise<Entry[]> {
  const rows = accessLogPolicy.canView(scope.actor)
    ? await scope.repos.audit.aboutPerson(personId, EVENTS_SHOWN)
    : [];
  if (rows.length === 0) throw scope.db.refuse('access_log.read', 'person', personId);
  scope.audit.record({
    action: 'access_log.read',
    outcome: 'success',
    resourceType: 'person',
    resourceId: personId,
    subjectPersonId: personId,
  });
  return rows.flatMap(entriesOf);
}
