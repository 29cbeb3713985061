import type { ChildInput, PersonView } from '@tandem/shared';
import type { z } from 'zod';
import type { DataScope } from '../data/data-scope.js';
import { forbidden, invalidInput } from '../http/errors.js';
import { personPolicy } from '../policy/index.js';

/** A child, recorded by the agency and side that know of them; parents must be people the user can see. */
export async function recordChild(scope: DataScope, input: z.infer<typeof ChildInput>): Promise<PersonView> {
  const { actor } = scope;
  if (!personPolicy.canRecordChild(actor) || !actor.agencyId)
    throw forbidden('Case managers and child-protection leads record children');
  for (const [path, parentId] of [
    ['motherId', input.motherId],
    ['fatherId', input.fatherId],
  ] as const) {
    if (parentId && (await scope.people.getMany([parentId])).length === 0)
      throw invalidInput(path, 'No such person in your reach');
  }
  const id = await scope.people.insert({
    kind: 'child',
    ownerAgencyId: actor.agencyId,
    ownerSide: actor.side,
    firstName: input.firstName,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    motherId: input.motherId,
    fatherId: input.fatherId,
    contact: input.childrensSchool ? { childrensSchool: input.childrensSchool } : undefined,
  });
  return scope.people.get(id);
}
