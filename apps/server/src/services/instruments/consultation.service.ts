import type { ConsultationCreate, JointRiskView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { forbidden, invalidInput } from '../../domain/errors.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { guardHerDetails } from '../meetings/her-details-guard.js';
import { instrumentCase } from './case-of-instrument.js';
import { riskViewOf } from './joint-risk.service.js';

/**
 * When the two sides diverge (docs/domain.md, "Joint risk assessment"): a case manager records
 * consulting another agency of the case-level agreement — whom, when, what they said and the
 * level agreed after. Only while the latest pair of checklists diverges by a level or more: the
 * consultation answers that divergence, and keeps its difference (never her side's level).
 */
export async function recordConsultation(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof ConsultationCreate>,
): Promise<JointRiskView> {
  const { actor, repos } = scope;
  const jointCase = await instrumentCase(scope, jointCaseId, 'risk.consultation_record', 'risk');
  if (!instrumentPolicy.canAgreeLevel(actor, jointCase.reader)) {
    scope.db.refuse('risk.consultation_record', 'joint_case', jointCaseId);
    throw forbidden('The case managers of the joint case record consultations');
  }
  const before = await riskViewOf(scope, jointCase);
  const latest = before.divergence.at(-1);
  if (!latest || !instrumentPolicy.proposesConsultation(latest.difference))
    throw invalidInput('agencyId', 'The two sides’ latest checklists do not diverge by a level or more');
  if (!before.consultation.agencies.some((agency) => agency.id === input.agencyId))
    throw invalidInput('agencyId', 'Not an agency of the case-level agreement other than the two sides');
  if (input.agreedLevelId && !(await repos.consultations.agreedLevelInCase(jointCaseId, input.agreedLevelId)))
    throw invalidInput('agreedLevelId', 'Not an agreed level of this case');
  // What they said is joint: the programme reads it as written.
  await guardHerDetails(scope, jointCaseId, [{ path: 'reply', text: input.reply }], input.confirmHerDetails);
  await repos.consultations.insert({
    jointCaseId,
    consultedAgencyId: input.agencyId,
    consultedOn: input.consultedOn,
    reply: input.reply,
    difference: latest.difference ?? 0,
    agreedLevelId: input.agreedLevelId ?? null,
  });
  return riskViewOf(scope, jointCase);
}
