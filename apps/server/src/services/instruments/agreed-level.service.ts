import {
  type AgreedLevelConfirm,
  type AgreedLevelCreate,
  type InstrumentDefinition,
  type JointRiskView,
  levelRank,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays } from '../../domain/clock.js';
import { conflict, forbidden, invalidInput } from '../../domain/errors.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { proposeLevelActions } from '../consequences/level-actions.js';
import { ensureNextMeeting } from '../consequences/meeting-schedule.js';
import { systemContextOf } from '../consequences/system-context.js';
import { guardHerDetails } from '../meetings/her-details-guard.js';
import { type InstrumentCase, instrumentCase, riskChecklistOf } from './case-of-instrument.js';
import { jointRiskView } from './joint-risk.service.js';

/** Where neither the network nor the instrument names an interval (a network's own tool without `reassessDays`). */
const FALLBACK_REASSESS_DAYS = 30;

type Level = NonNullable<InstrumentDefinition['levels']>[number];

interface Agreement {
  level: Level;
  rationale: string;
  ppResponseId: string | null;
  vssResponseId: string | null;
  agreedOn: string;
}

/**
 * The case managers' agreed level (docs/domain.md, "Joint risk assessment"). Raising it, keeping
 * it or the first agreement takes effect at once: it sets the next reassessment and answers the
 * one a critical event made due. A lower level than the one in force, from one case manager, is a
 * proposal until the other side's case manager confirms it; until then the current level stays.
 */
export async function agreeLevel(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof AgreedLevelCreate>,
): Promise<JointRiskView> {
  const { actor, repos } = scope;
  const jointCase = await instrumentCase(scope, jointCaseId, 'risk.agree');
  if (!instrumentPolicy.canAgreeLevel(actor, jointCase.reader)) {
    scope.db.refuse('risk.agree', 'joint_case', jointCaseId);
    throw forbidden('The case managers of the joint case record the agreed level');
  }
  const definition = await riskChecklistOf(scope, jointCaseId);
  const level = levelOf(definition, input.level, 'level');
  await checkReferences(scope, jointCaseId, input);
  // The rationale is joint: the programme reads it as written, whether in force or proposed.
  await guardHerDetails(
    scope,
    jointCaseId,
    [{ path: 'rationale', text: input.rationale }],
    input.confirmHerDetails,
  );
  const current = (await repos.agreedLevels.ofCase(jointCaseId)).at(-1);
  const currentRank = current ? levelRank(definition, current.level) : null;
  const agreement: Agreement = {
    level,
    rationale: input.rationale,
    ppResponseId: input.ppResponseId ?? null,
    vssResponseId: input.vssResponseId ?? null,
    agreedOn: input.agreedOn,
  };
  if (current && instrumentPolicy.needsOtherSide(currentRank, levelRank(definition, level.id))) {
    const pending = await repos.agreedLevels.pendingProposal(jointCaseId);
    const proposal = pending && { proposedSide: pending.proposed_side, proposedBy: pending.proposed_by };
    // The other side proposed this very level: agreeing to it is the confirmation.
    if (
      pending &&
      proposal &&
      pending.level === level.id &&
      instrumentPolicy.canConfirmLowering(actor, jointCase, proposal)
    ) {
      const agreedLevelId = await putInForce(scope, jointCase, definition, agreement);
      await repos.agreedLevels.decideProposal(jointCaseId, scope.clock.now(), {
        status: 'confirmed',
        agreedLevelId,
      });
      return jointRiskView(scope, jointCaseId);
    }
    if (pending)
      await repos.agreedLevels.decideProposal(jointCaseId, scope.clock.now(), { status: 'superseded' });
    await repos.agreedLevels.insertProposal({
      jointCaseId,
      level: level.id,
      fromLevel: current.level,
      rationale: input.rationale,
      ppResponseId: agreement.ppResponseId,
      vssResponseId: agreement.vssResponseId,
      proposedOn: input.agreedOn,
      proposedSide: instrumentPolicy.sideOnCase(actor, jointCase),
    });
    return jointRiskView(scope, jointCaseId);
  }
  // A raise (or the same level again) overtakes any lowering still awaiting the other side.
  if (await repos.agreedLevels.pendingProposal(jointCaseId))
    await repos.agreedLevels.decideProposal(jointCaseId, scope.clock.now(), { status: 'superseded' });
  await putInForce(scope, jointCase, definition, agreement);
  return jointRiskView(scope, jointCaseId);
}

/** The other side's case manager confirms the lower level proposed: from today it is the agreed level. */
export async function confirmLowering(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof AgreedLevelConfirm>,
): Promise<JointRiskView> {
  const { actor, repos } = scope;
  const jointCase = await instrumentCase(scope, jointCaseId, 'risk.confirm_lowering');
  const pending = await repos.agreedLevels.pendingProposal(jointCaseId);
  const mayConfirm = pending
    ? instrumentPolicy.canConfirmLowering(actor, jointCase, {
        proposedSide: pending.proposed_side,
        proposedBy: pending.proposed_by,
      })
    : instrumentPolicy.canAgreeLevel(actor, jointCase.reader);
  if (!mayConfirm) {
    scope.db.refuse('risk.confirm_lowering', 'joint_case', jointCaseId);
    throw forbidden('The other side’s case manager confirms a lower level');
  }
  if (!pending || pending.id !== input.proposalId)
    throw conflict('proposalId', 'This proposal no longer awaits confirmation: reload the risk assessment');
  const definition = await riskChecklistOf(scope, jointCaseId);
  const agreedLevelId = await putInForce(scope, jointCase, definition, {
    level: levelOf(definition, pending.level, 'proposalId'),
    rationale: pending.rationale,
    ppResponseId: pending.pp_response_id,
    vssResponseId: pending.vss_response_id,
    agreedOn: actor.today,
  });
  await repos.agreedLevels.decideProposal(jointCaseId, scope.clock.now(), {
    status: 'confirmed',
    agreedLevelId,
  });
  return jointRiskView(scope, jointCaseId);
}

/**
 * Days to the next reassessment at a level: the network's override (network.reassessment_days),
 * else the instrument's own (levels[].reassessDays).
 */
export async function reassessDaysFor(scope: CommandScope, agencyId: string, level: Level): Promise<number> {
  const network = await scope.repos.directory.networkOf(agencyId);
  const override = (network?.reassessment_days as Record<string, unknown> | null | undefined)?.[level.id];
  if (typeof override === 'number' && Number.isInteger(override) && override > 0) return override;
  return level.reassessDays ?? FALLBACK_REASSESS_DAYS;
}

async function putInForce(
  scope: CommandScope,
  jointCase: InstrumentCase,
  definition: InstrumentDefinition,
  agreement: Agreement,
): Promise<string> {
  const days = await reassessDaysFor(scope, jointCase.ppAgencyId, agreement.level);
  const nextOn = addDays(agreement.agreedOn, days);
  const id = await scope.repos.agreedLevels.insert({
    jointCaseId: jointCase.id,
    level: agreement.level.id,
    rationale: agreement.rationale,
    ppResponseId: agreement.ppResponseId,
    vssResponseId: agreement.vssResponseId,
    agreedOn: agreement.agreedOn,
    nextReassessmentOn: nextOn,
  });
  await scope.repos.agreedLevels.scheduleReassessment(jointCase.id, nextOn);
  // Risk management, not only assessment: the actions the network expects at this level.
  await proposeLevelActions(scope, jointCase, {
    instrumentId: definition.id,
    levelId: agreement.level.id,
    agreedLevelId: id,
    agreedOn: agreement.agreedOn,
  });
  // A high agreed risk brings the next meeting forward.
  await ensureNextMeeting(systemContextOf(scope, 'workflow_consequence'), jointCase.id);
  return id;
}

function levelOf(definition: InstrumentDefinition, levelId: string, path: string): Level {
  const levels = definition.levels ?? [];
  const level = levels.find((candidate) => candidate.id === levelId);
  if (!level)
    throw invalidInput(path, `Choose one of: ${levels.map((candidate) => candidate.id).join(', ')}`);
  return level;
}

async function checkReferences(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof AgreedLevelCreate>,
) {
  const wanted = [input.ppResponseId, input.vssResponseId].filter((id): id is string => id !== undefined);
  const found = await scope.repos.responses.idsInCase(jointCaseId, wanted);
  for (const [path, responseId] of [
    ['ppResponseId', input.ppResponseId],
    ['vssResponseId', input.vssResponseId],
  ] as const) {
    if (responseId && !found.has(responseId))
      throw invalidInput(path, 'No such checklist in this joint case');
  }
}
