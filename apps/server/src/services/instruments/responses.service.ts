import {
  type InstrumentDefinition,
  levelRank,
  type ResponseCreate,
  type ResponseView,
  type Side,
  scoreInstrument,
  validateAnswers,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { ResponseRecord } from '../../data/repositories/responses.repository.js';
import { AppError, forbidden, invalidInput } from '../../domain/errors.js';
import type { CaseReader } from '../../policy/case-reader.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { checkChecklistTriggers } from '../consequences/escalation.js';
import { runRaisedConsequences } from '../consequences/his-risk-factors.js';
import { definitionOf, instrumentCase } from './case-of-instrument.js';

/**
 * Recording a checklist or questionnaire of a joint case (docs/domain.md, "The tools"), and the
 * one projection of a response for a reader. Who may record which response is the write policy's
 * (instrumentPolicy.responses: writes follow the reads), so the police cannot record her IMPACT
 * questionnaire, nor a checklist they could not read: the insert is refused as a 404, audited.
 */
export async function recordResponse(
  scope: CommandScope,
  input: z.infer<typeof ResponseCreate>,
): Promise<ResponseView> {
  const { actor, repos } = scope;
  if (!input.jointCaseId) throw invalidInput('jointCaseId', 'Record instruments within a joint case');
  const jointCase = await instrumentCase(scope, input.jointCaseId, 'instrument.record');
  if (!instrumentPolicy.canRecord(actor) || !actor.agencyId) {
    scope.db.refuse('instrument.record', 'joint_case', jointCase.id);
    throw forbidden();
  }
  const definition = await definitionOf(scope, input.instrumentId, input.version);
  // A child's Section B belongs to that child's assessment record, under the principles.
  if (definition.kind === 'child_risk_checklist')
    throw invalidInput('instrumentId', 'Record a child’s Section B with the child’s assessment');
  subjectProblem(actor.side, input.subject, definition);
  const problems = validateAnswers(definition, input.answers);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'invalid_input',
      `answers.${problems[0]!.itemId}: ${problems[0]!.message}`,
      problems.map((problem) => ({ path: `answers.${problem.itemId}`, message: problem.message })),
    );
  }
  const sources = instrumentPolicy.answerSources(actor);
  if (Object.values(input.answers).some((answer) => answer.source && !sources.includes(answer.source))) {
    throw invalidInput('answers', 'The programme does not record what she said: the victim side does');
  }
  const result = scoreInstrument(definition, input.answers);
  if (input.judgedLevel !== undefined && result.level !== null) {
    const problem = instrumentPolicy.judgementProblem(
      levelRank(definition, result.level),
      levelRank(definition, input.judgedLevel),
      input.judgementReason,
    );
    if (problem)
      throw invalidInput(problem.startsWith('No such') ? 'judgedLevel' : 'judgementReason', problem);
  }
  // The checklist is about the case: it names him, or her where his episode is not the recorder's to read.
  const subjectPersonId = input.subject === 'her' ? jointCase.herId : (jointCase.himId ?? jointCase.herId);
  if (!subjectPersonId) throw scope.db.refuse('instrument.record', 'joint_case', jointCase.id);
  const record = await repos.responses.insert({
    instrumentId: definition.id,
    version: definition.version,
    instrumentKind: definition.kind,
    jointCaseId: jointCase.id,
    ppEpisodeId: jointCase.ppEpisodeId,
    subjectPersonId,
    ownerAgencyId: actor.agencyId,
    ownerSide: actor.side,
    infoKind: instrumentPolicy.kindOf(actor.side, definition.kind),
    timepoint: input.timepoint ?? null,
    answers: input.answers,
    computedLevel: result.level,
    computedScore: result.score,
    areaScores: result.areaScores,
    tierCounts: result.tierCounts,
    judgedLevel: input.judgedLevel ?? null,
    judgementReason: input.judgementReason ?? null,
    completedOn: input.completedOn,
  });
  await checkChecklistTriggers(scope, jointCase, {
    instrumentId: definition.id,
    answers: input.answers,
    completedOn: input.completedOn,
  });
  // What an answer raises (a suicide plan, weapons): in the same transaction as the answers.
  await runRaisedConsequences(scope, jointCase, definition, input);
  return responseView(scope, jointCase.reader, record, definition);
}

/** Each side gives its own: her questionnaires come from the victim side, his from the programme. */
function subjectProblem(side: Side, subject: 'him' | 'her' | 'case', definition: InstrumentDefinition): void {
  if ((definition.subject === 'him' || definition.subject === 'her') && subject !== definition.subject)
    throw invalidInput('subject', `This instrument is about ${definition.subject}`);
  if (subject === 'her' && side === 'perpetrator')
    throw invalidInput('subject', 'Her questionnaires are given by the victim side');
  if (subject === 'him' && side === 'victim')
    throw invalidInput('subject', 'His questionnaires are given by the programme');
}

const itemIdsOf = (definition: InstrumentDefinition) =>
  definition.sections.flatMap((section) => section.items.map((item) => item.id));

/**
 * A response as this reader may see it (instrumentPolicy.visibleAnswers): in full for her
 * service and its owner; otherwise no notes, and a response not of his programme either withheld
 * alike on every item (with its scores) or, with her consent to share risk, values only.
 */
export function responseView(
  scope: CommandScope,
  reader: CaseReader,
  record: ResponseRecord,
  definition: InstrumentDefinition,
): ResponseView {
  const full = instrumentPolicy.readsInFull(scope.actor, reader, record);
  const lens = { full, herRiskShared: reader.herRiskShared };
  const withheld = instrumentPolicy.withholds(record, lens);
  return {
    id: record.id,
    instrumentId: record.instrumentId,
    version: record.version,
    side: record.ownerSide,
    subject: definition.subject === 'him' || definition.subject === 'her' ? definition.subject : 'case',
    timepoint: record.timepoint,
    completedOn: record.completedOn,
    answers: instrumentPolicy.visibleAnswers(
      record.answers,
      itemIdsOf(definition),
      { ownerSide: record.ownerSide as Side },
      lens,
    ),
    computedLevel: record.computedLevel,
    score: withheld ? null : record.computedScore,
    areaScores: withheld ? {} : record.areaScores,
    judgedLevel: record.judgedLevel,
    level: record.judgedLevel ?? record.computedLevel,
    judgementReason: full ? record.judgementReason : null,
  };
}
