import type { PersonView, VssEpisodeCreate, VssEpisodeView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { SupportEpisodeRecord } from '../../data/repositories/victim-file.repository.js';
import { forbidden } from '../../domain/errors.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { systemContextOf } from '../consequences/system-context.js';
import { visibleFile } from './her-file.js';

export const toSupportEpisodeView = (episode: SupportEpisodeRecord, person: PersonView): VssEpisodeView => ({
  id: episode.id,
  person,
  agencyId: episode.agencyId,
  intakeDate: episode.intakeDate,
  supportGiven: episode.supportGiven,
  status: episode.status,
  caseManagerId: episode.caseManagerId,
});

/**
 * Her support by a victim-side service (docs/domain.md, "Who uses it": the VSS case manager): for
 * her existing record (e.g. created when he named her) or for a new one, which then belongs to
 * this service.
 */
export async function openSupportEpisode(
  scope: CommandScope,
  input: z.infer<typeof VssEpisodeCreate>,
): Promise<VssEpisodeView> {
  const { actor, repos } = scope;
  if (!victimFilePolicy.canWork(actor) || !actor.agencyId) {
    scope.db.refuse('vss_episode.open', 'vss_episode');
    throw forbidden('Only victim-side staff open a support episode');
  }
  let person: PersonView;
  if (input.personId) {
    person = (await visibleFile(scope, input.personId, 'vss_episode.open')).person;
  } else {
    const personId = await repos.people.insert({
      kind: 'partner',
      ownerAgencyId: actor.agencyId,
      ownerSide: 'victim',
      firstName: input.person!.firstName,
      lastName: input.person!.lastName,
      dateOfBirth: input.person!.dateOfBirth,
    });
    const created = await repos.people.find(personId);
    if (!created) throw scope.db.refuse('vss_episode.open', 'person', personId);
    person = created;
  }
  const episode = await repos.victimFile.insertSupportEpisode({
    personId: person.id,
    agencyId: actor.agencyId,
    intakeDate: input.intakeDate,
    supportGiven: input.supportGiven ?? null,
    caseManagerId: actor.userId,
  });
  return toSupportEpisodeView(episode, person);
}

/** Her support ends: the joint-case meetings that rest on it stop with it. */
export async function closeSupportEpisode(scope: CommandScope, id: string): Promise<{ ok: true }> {
  const { actor, repos } = scope;
  const episode = await repos.victimFile.supportEpisode(id);
  if (!episode || !victimFilePolicy.canCloseSupport(actor, { agencyId: episode.agency_id })) {
    throw scope.db.refuse('vss_episode.close', 'vss_episode', id);
  }
  if (!(await repos.victimFile.closeSupportEpisode(id)))
    throw scope.db.refuse('vss_episode.close', 'vss_episode', id);
  const system = systemContextOf(scope, 'workflow_consequence');
  const jointCases = await system.db
    .selectFrom('joint_case')
    .select('id')
    .where('vss_episode_id', '=', id)
    .execute();
  for (const jointCase of jointCases) await ensureNextMeeting(system, jointCase.id);
  return { ok: true };
}
