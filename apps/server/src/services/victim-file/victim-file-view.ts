import type { VictimFileView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { dateIn } from '../../domain/clock.js';
import { firstOffer, topicCoverage } from '../../domain/partner-contact.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { toConsentView } from './consents.service.js';
import { findHerFile } from './her-file.js';
import { toSupportEpisodeView } from './support-episodes.service.js';

const SECTIONS = [
  'episodes',
  'consents',
  'contactPreferences',
  'partnerContacts',
  'contactSafetyConcerns',
  'disclosures',
  'namedIn',
  'jointCases',
];

/**
 * Her file as the actor may see it (docs/domain.md, information-flow rule 2), composed from the policy-bound
 * repositories: her support, consents, how she may be contacted, the partner-contact log, her
 * disclosures with how often each was shared, the programmes that named her and her joint
 * cases. Null when the actor does not see her file (the caller answers 404 and records it).
 */
export async function findVictimFileView(
  scope: CommandScope,
  personId: string,
): Promise<VictimFileView | null> {
  const { actor, repos } = scope;
  const file = await findHerFile(scope, personId);
  if (!file || !victimFilePolicy.seesFile(actor, file.her, file.held)) return null;
  const [
    episodes,
    consents,
    contactPreferences,
    partnerContacts,
    contactSafetyConcerns,
    disclosures,
    named,
    jointCases,
  ] = await Promise.all([
    repos.victimFile.supportEpisodesOf(personId),
    repos.victimFile.consentsOf(personId),
    repos.victimFile.contactPreferences(personId),
    repos.victimFile.partnerContactsOf(personId),
    repos.victimFile.contactSafetyConcernsOf(personId),
    repos.disclosures.disclosuresOf(personId),
    repos.victimFile.namedIn(personId),
    repos.victimFile.jointCasesOf(personId),
  ]);
  scope.audit.record({
    action: 'victim_file.read',
    outcome: 'success',
    resourceType: 'person',
    resourceId: personId,
    subjectPersonId: personId,
    details: { sections: SECTIONS },
  });
  return {
    person: file.person,
    episodes: episodes.map((episode) => toSupportEpisodeView(episode, file.person)),
    consents: consents.map(toConsentView),
    contactPreferences,
    partnerContacts,
    contactSafetyConcerns,
    disclosures,
    namedIn: named.map((row) => {
      // His name and status only where his release lets them reach her service (NULL elsewhere).
      const visible = row.first_name !== null && row.last_name !== null;
      const aboutThisProgramme = partnerContacts.filter((contact) => contact.ppEpisodeId === row.episode_id);
      return {
        ppEpisodeId: row.episode_id,
        relationship: row.relationship as 'current' | 'former',
        referredOn: dateIn(actor.timeZone, new Date(row.created_at)),
        hisName: visible ? `${row.first_name} ${row.last_name}` : null,
        status: visible ? row.status : null,
        offer: firstOffer(aboutThisProgramme),
        topics: topicCoverage(aboutThisProgramme),
      };
    }),
    jointCases: jointCases.map((row) => ({
      id: row.id,
      caseNumber: row.case_number,
      status: row.status as 'open' | 'closed',
    })),
    can: victimFilePolicy.abilities(actor, file.her, file.held, episodes),
  };
}

export async function victimFileView(scope: CommandScope, personId: string): Promise<VictimFileView> {
  const view = await findVictimFileView(scope, personId);
  if (!view) throw scope.db.refuse('victim_file.read', 'person', personId);
  return view;
}
