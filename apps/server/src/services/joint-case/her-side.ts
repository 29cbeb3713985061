import { DutyView, type JointCaseView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { listDuties } from '../duties.service.js';
import { findVictimFileView } from '../victim-file/victim-file-view.js';
import type { ReadCase } from './case-reader.service.js';

interface HerSide {
  victimSide: JointCaseView['victimSide'];
  duties: JointCaseView['duties'];
  partnerContacts: JointCaseView['partnerContacts'];
}

const NOTHING: HerSide = { victimSide: null, duties: [], partnerContacts: [] };

/**
 * Her side of the case page: her file, the open duties to inform her in this case and her
 * partner contacts about this programme (docs/domain.md, information-flow rule 2). Each comes
 * from the victim file's own services, so its own policy decides: nothing of it for the
 * perpetrator side, which never even holds the link to her record.
 */
export async function herSideOfCase(scope: CommandScope, read: ReadCase): Promise<HerSide> {
  const { herId, row } = read;
  if (!herId) return NOTHING;
  const victimSide = await findVictimFileView(scope, herId);
  if (!victimSide) return NOTHING;
  const duties = await listDuties(scope, { state: 'open', jointCaseId: row.id });
  return {
    victimSide,
    // The case page lists them; the code word and safe times stay on the duties page.
    duties: duties.map((duty) => DutyView.parse(duty)),
    partnerContacts: victimSide.partnerContacts.filter(
      (contact) => contact.ppEpisodeId === row.pp_episode_id,
    ),
  };
}
