import type { InformationKind, PersonView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { type HerRecord, victimFilePolicy } from '../../policy/victim-file.policy.js';

/** Her record and what the actor holds about her today: every decision about her file starts here. */
export interface HerFile {
  person: PersonView;
  her: HerRecord;
  held: ReadonlySet<InformationKind>;
}

/** Her record as the actor may see it, or null (not found, not hers, or not visible). */
export async function findHerFile(scope: CommandScope, personId: string): Promise<HerFile | null> {
  const person = await scope.repos.people.find(personId);
  if (!person || person.kind !== 'partner') return null;
  const held = (await scope.repos.grants.kindsHeld([personId])).get(personId) ?? new Set<InformationKind>();
  return { person, her: { kind: person.kind, ownerAgencyId: person.ownerAgencyId }, held };
}

/** Her file, if the actor sees it (her service's victim side, or a victim_core grant); else a refusal. */
export async function visibleFile(scope: CommandScope, personId: string, action: string): Promise<HerFile> {
  const file = await findHerFile(scope, personId);
  if (!file || !victimFilePolicy.seesFile(scope.actor, file.her, file.held))
    throw scope.db.refuse(action, 'person', personId);
  return file;
}

/** Her file, if the actor's service records on it (docs/domain.md, "Who uses it"); else the one refusal. */
export async function workableFile(scope: CommandScope, personId: string, action: string): Promise<HerFile> {
  const file = await findHerFile(scope, personId);
  if (!file || !victimFilePolicy.canWorkOn(scope.actor, file.her))
    throw scope.db.refuse(action, 'person', personId);
  return file;
}
