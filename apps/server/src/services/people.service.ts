import type { ChildInput, ContactDetails, PersonView, SearchResult } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../data/command-scope.js';
import { normaliseName } from '../data/repositories/people.repository.js';
import { forbidden, invalidInput } from '../domain/errors.js';
import { personPolicy } from '../policy/person.policy.js';

/** People: one person as the actor may see them, their contact details, children, search. */
export async function personView(
  scope: CommandScope,
  id: string,
  action = 'person.read',
): Promise<PersonView> {
  const person = await scope.repos.people.find(id);
  if (!person) throw scope.db.refuse(action, 'person', id);
  return person;
}

export async function updateContact(
  scope: CommandScope,
  id: string,
  contact: ContactDetails,
): Promise<PersonView> {
  // The write policy decides (her record is the victim side's; his the programme's).
  if (!(await scope.repos.people.updateContact(id, contact)))
    throw scope.db.refuse('person.contact_update', 'person', id);
  return personView(scope, id);
}

/** A child, recorded by the agency and side that know of them; parents must be people the user can see. */
export async function recordChild(
  scope: CommandScope,
  input: z.infer<typeof ChildInput>,
): Promise<PersonView> {
  const { actor, repos } = scope;
  if (!personPolicy.canRecordChild(actor) || !actor.agencyId)
    throw forbidden('Case managers and child-protection leads record children');
  for (const [path, parentId] of [
    ['motherId', input.motherId],
    ['fatherId', input.fatherId],
  ] as const) {
    if (parentId && !(await repos.people.find(parentId)))
      throw invalidInput(path, 'No such person in your reach');
  }
  if (actor.side === 'perpetrator' && input.childrensSchool)
    throw invalidInput('childrensSchool', 'The perpetrator side does not record where the children are');
  const id = await repos.people.insert({
    kind: 'child',
    ownerAgencyId: actor.agencyId,
    ownerSide: actor.side,
    firstName: input.firstName,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    motherId: input.motherId,
    fatherId: input.fatherId,
    // The programme knows the children as his, never where they are: no contact record at all.
    contact: actor.side === 'perpetrator' ? null : { childrensSchool: input.childrensSchool },
  });
  return personView(scope, id);
}

/**
 * Search by name (accent- and typo-tolerant), date of birth or case number. Results pass the
 * same policy as pages, so a perpetrator-side user searching her name finds nothing. The search
 * is audited without its terms (they may be her name).
 */
export async function searchPeople(
  scope: CommandScope,
  query: {
    q?: string | undefined;
    dateOfBirth?: string | undefined;
    caseNumber?: string | undefined;
    agencyId?: string | undefined;
    limit: number;
  },
): Promise<SearchResult[]> {
  const term = query.q ? normaliseName(query.q) : undefined;
  if (!term && !query.dateOfBirth && !query.caseNumber)
    throw invalidInput('q', 'Enter a name, a date of birth or a case number');
  const rows = await scope.repos.people.search({ ...query, term });
  const ids = rows.map((row) => row.id);
  const [episodes, cases] = await Promise.all([
    scope.repos.programme.episodesOf(ids),
    scope.repos.jointCases.casesOfPeople(ids),
  ]);
  scope.audit.record({
    action: 'person.search',
    outcome: 'success',
    resourceType: 'person',
    details: {
      byName: term !== undefined,
      byDateOfBirth: query.dateOfBirth !== undefined,
      byCaseNumber: query.caseNumber !== undefined,
      returned: rows.length,
    },
  });
  return rows.map((row) => ({
    personId: row.id,
    kind: row.kind as SearchResult['kind'],
    name: `${row.first_name} ${row.last_name}`,
    dateOfBirth: row.date_of_birth,
    agencyId: row.owner_agency_id,
    ppEpisodeIds: episodes.filter((episode) => episode.person_id === row.id).map((episode) => episode.id),
    jointCaseIds: cases
      .filter((c) => c.partner_person_id === row.id || c.person_id === row.id)
      .map((c) => c.id),
  }));
}
