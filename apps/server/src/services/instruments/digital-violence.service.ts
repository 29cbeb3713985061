import type { DigitalViolenceView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { DIGITAL_VIOLENCE_IDENTIFICATION } from '../victim-file/it-safety-steps.js';
import { definitionOf, instrumentCase } from './case-of-instrument.js';
import { responseView } from './responses.service.js';

const IDENTIFICATION = 'identification';

/**
 * Her digital-violence identifications of a joint case, newest first, with their results. Hers:
 * anyone but her service's victim side gets the one 404, the same as for a case that does not exist.
 */
export async function digitalViolenceView(
  scope: CommandScope,
  jointCaseId: string,
): Promise<DigitalViolenceView> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'digital_violence.read');
  if (!jointCase.herId || !instrumentPolicy.seesHerIdentification(scope.actor, jointCase.reader))
    throw scope.db.refuse('digital_violence.read', 'joint_case', jointCaseId);
  const rows = (await scope.repos.responses.ofCase(jointCase.id, IDENTIFICATION))
    .filter((row) => row.instrumentId === DIGITAL_VIOLENCE_IDENTIFICATION)
    .reverse();
  const identifications = [];
  for (const row of rows) {
    const definition = await definitionOf(scope, row.instrumentId, row.version);
    identifications.push(responseView(scope, jointCase.reader, row, definition));
  }
  return {
    identifications,
    herId: jointCase.herId,
    can: { record: instrumentPolicy.canRecord(scope.actor) },
  };
}
