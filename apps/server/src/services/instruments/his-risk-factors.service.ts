import type { HisRiskFactorsView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { getDefinition, latestDefinitionOf } from '../../instruments/registry.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { HIS_RISK_FACTOR_EVENT } from '../consequences/his-risk-factors.js';
import { instrumentCase } from './case-of-instrument.js';
import { responseView } from './responses.service.js';

/** The instrument of his risk factors (instruments/his-risk-factors.v1.json). */
export const HIS_RISK_FACTORS = 'his-risk-factors';
const RISK_FACTORS_KIND = 'risk_factors';

/**
 * His risk factors on a joint case, for his programme and her service (anyone else: the one
 * 404). His answers reach them as the responses policy allows; what they raised — the actions and
 * the critical events — as the action plan's and the events' policies do.
 */
export async function hisRiskFactorsView(
  scope: CommandScope,
  jointCaseId: string,
): Promise<HisRiskFactorsView> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'his_risk_factors.read');
  if (!instrumentPolicy.readsRiskFactors(jointCase.reader))
    throw scope.db.refuse('his_risk_factors.read', 'joint_case', jointCase.id);
  const [responses, actions, events] = await Promise.all([
    scope.repos.responses.ofCase(jointCase.id, RISK_FACTORS_KIND),
    scope.repos.hisRiskFactors.raisedActions(jointCase.id, HIS_RISK_FACTORS),
    scope.repos.hisRiskFactors.raisedEvents(jointCase.id, HIS_RISK_FACTOR_EVENT),
  ]);
  const latestRow = responses.at(-1);
  const definition = latestRow
    ? await getDefinition(scope.db.query, latestRow.instrumentId, latestRow.version)
    : await latestDefinitionOf(scope.db.query, HIS_RISK_FACTORS);
  return {
    can: { record: instrumentPolicy.recordsRiskFactors(scope.actor, jointCase.reader) },
    instrumentId: definition?.id ?? HIS_RISK_FACTORS,
    latest: latestRow && definition ? responseView(scope, jointCase.reader, latestRow, definition) : null,
    raised: { actions, events },
  };
}
