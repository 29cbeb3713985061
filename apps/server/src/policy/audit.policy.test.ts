import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import { abilitiesFor } from './abilities.js';
import type { Actor } from './actor.js';
import { accessLogPolicy, auditPolicy } from './audit.policy.js';
import { type FilterFacts, matchesRowFilter } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

const programme = randomUUID();
const herService = randomUUID();
const him = randomUUID();
const her = randomUUID();
/** A staff account of her service (its case manager, say). */
const herServiceAccount = randomUUID();

const sysadmin = actor({ roles: ['system_admin'], side: 'neutral', agencyId: null });
const programmeAdmin = actor({ roles: ['agency_admin'], side: 'perpetrator', agencyId: programme });
const herServiceAdmin = actor({ roles: ['agency_admin'], side: 'victim', agencyId: herService });
const caseManager = actor({ roles: ['vss_case_manager'], side: 'victim', agencyId: herService });
const analyst = actor({ roles: ['analyst'], side: 'neutral', agencyId: herService });

/** Who holds whose record: him the programme, her her service. */
const facts: FilterFacts = {
  rows: {
    person: [
      { id: him, owner_agency_id: programme },
      { id: her, owner_agency_id: herService },
    ],
    app_user: [{ id: herServiceAccount, agency_id: herService }],
  },
};

type EventRow = {
  actor_agency_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  resource_person_id: string | null;
  resource_user_id: string | null;
  subject_person_id: string | null;
};
/** An event by a member of `agencyId` about a person (a `person` resource, like a read of her record). */
const aboutPerson = (agencyId: string, personId: string): EventRow => ({
  actor_agency_id: agencyId,
  resource_type: 'person',
  resource_id: personId,
  resource_person_id: personId,
  resource_user_id: null,
  subject_person_id: personId,
});
/** A refusal to read her record: it names her as the resource, with no subject. */
const refusedRead = (agencyId: string, personId: string): EventRow => ({
  ...aboutPerson(agencyId, personId),
  subject_person_id: null,
});
const accountEvent = (agencyId: string | null, accountId: string = randomUUID()): EventRow => ({
  actor_agency_id: agencyId,
  resource_type: 'user',
  resource_id: accountId,
  resource_person_id: null,
  resource_user_id: accountId,
  subject_person_id: null,
});

type Expected = { read: boolean; subject: boolean; resource: boolean };

describe('auditPolicy.events: the rows and the ids of people an actor may see', () => {
  it.each<[string, Actor, EventRow, Expected]>([
    [
      'the system admin reads every event, ids and all',
      sysadmin,
      aboutPerson(programme, her),
      { read: true, subject: true, resource: true },
    ],
    [
      '… refusals naming her too',
      sysadmin,
      refusedRead(programme, her),
      { read: true, subject: false, resource: true },
    ],
    [
      'an agency admin reads their staff’s events about people the agency holds',
      programmeAdmin,
      aboutPerson(programme, him),
      { read: true, subject: true, resource: true },
    ],
    // His case manager named her: the event is his staff's, her id is not the programme's to see.
    [
      '… not the id of a person another agency holds',
      programmeAdmin,
      aboutPerson(programme, her),
      { read: true, subject: false, resource: false },
    ],
    [
      '… nor in a refusal naming her',
      programmeAdmin,
      refusedRead(programme, her),
      { read: true, subject: false, resource: false },
    ],
    [
      '… the ids of their staff’s other events',
      programmeAdmin,
      accountEvent(programme),
      { read: true, subject: false, resource: true },
    ],
    [
      'her service’s admin reads who else read her (the access log)',
      herServiceAdmin,
      aboutPerson(programme, her),
      { read: true, subject: true, resource: true },
    ],
    [
      '… not another agency’s events about anyone else',
      herServiceAdmin,
      aboutPerson(programme, him),
      { read: false, subject: false, resource: false },
    ],
    [
      '… nor another agency’s account events',
      herServiceAdmin,
      accountEvent(programme),
      { read: false, subject: false, resource: false },
    ],
    // Who gave which role to whom: every agency sees what was done to its accounts, whoever did it.
    [
      'her service’s admin reads what the system admin did to one of its accounts',
      herServiceAdmin,
      accountEvent(null, herServiceAccount),
      { read: true, subject: false, resource: true },
    ],
    [
      '… and what another agency’s admin did to it',
      herServiceAdmin,
      accountEvent(programme, herServiceAccount),
      { read: true, subject: false, resource: true },
    ],
    [
      '… which that other agency’s admin reads too (their own staff’s event)',
      programmeAdmin,
      accountEvent(programme, herServiceAccount),
      { read: true, subject: false, resource: true },
    ],
    [
      'the programme’s admin does not read what the system admin did to her service’s accounts',
      programmeAdmin,
      accountEvent(null, herServiceAccount),
      { read: false, subject: false, resource: false },
    ],
    [
      'a case manager reads no audit',
      caseManager,
      aboutPerson(herService, her),
      { read: false, subject: false, resource: false },
    ],
    [
      'an analyst reads no audit',
      analyst,
      accountEvent(herService),
      { read: false, subject: false, resource: false },
    ],
  ])('%s', (_name, subject, row, expected) => {
    const events: TablePolicy = auditPolicy.events;
    const read = matchesRowFilter(events.read(subject), row, facts);
    expect(read).toBe(expected.read);
    // A column shows on a row the actor reads, where it holds a value and its own filter holds.
    const shows = (column: 'subject_person_id' | 'resource_id' | 'resource_person_id') =>
      read && row[column] !== null && matchesRowFilter(events.fields![column]!(subject), row, facts);
    expect(shows('subject_person_id')).toBe(expected.subject);
    expect(shows('resource_id')).toBe(expected.resource);
    expect(shows('resource_person_id')).toBe(expected.resource && row.resource_person_id !== null);
    expect(matchesRowFilter(events.write(subject), row, facts)).toBe(false);
  });
});

describe('accessLogPolicy and the audit abilities', () => {
  it.each<[string, Actor, boolean]>([
    ['an agency admin', herServiceAdmin, true],
    ['the system admin (the access log is the holding agency’s)', sysadmin, false],
    ['a case manager', caseManager, false],
  ])('opens an access log: %s → %s', (_name, subject, expected) => {
    expect(accessLogPolicy.canView(subject)).toBe(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['the system admin', sysadmin, true],
    ['an agency admin', programmeAdmin, true],
    ['a case manager', caseManager, false],
    ['an analyst', analyst, false],
  ])('sees the audit page: %s → %s', (_name, subject, expected) => {
    expect(abilitiesFor(subject).viewAudit).toBe(expected);
  });
});
