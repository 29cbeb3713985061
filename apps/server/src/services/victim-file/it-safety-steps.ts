import type { Answers, InstrumentDefinition, ItSafetyStep, SafetyPlanView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { getDefinition } from '../../instruments/registry.js';

export const DIGITAL_VIOLENCE_IDENTIFICATION = 'digital-violence-identification';
/** Always first: acting before documenting loses evidence, and changing things can alert him. */
export const DOCUMENT_BEFORE_YOU_ACT = 'document_before_you_act';

const FIRST_STEP: ItSafetyStep = { id: DOCUMENT_BEFORE_YOU_ACT, itemId: null, text: null };

type ItSafety = NonNullable<z.infer<typeof SafetyPlanView>['itSafety']>;

/** The steps a "yes" draws in, in the definition's order (its itSafetySteps: data, not code). */
export function stepsOf(definition: InstrumentDefinition, answers: Answers): ItSafetyStep[] {
  const steps: ItSafetyStep[] = [FIRST_STEP];
  for (const item of definition.sections.flatMap((section) => section.items)) {
    if (answers[item.id]?.value !== 'yes') continue;
    (item.itSafetySteps ?? []).forEach((text, index) => {
      steps.push({ id: `${item.id}.${index}`, itemId: item.id, text });
    });
  }
  return steps;
}

/**
 * Her IT safety plan's steps, from her newest identification the reader sees (the scoped read
 * follows instrumentPolicy: only her service reads it); none yet: "document before you act" alone.
 */
export async function itSafetyOf(scope: CommandScope, personId: string): Promise<ItSafety> {
  const newest = await scope.repos.responses.newestAbout(personId, DIGITAL_VIOLENCE_IDENTIFICATION);
  const definition = newest ? await getDefinition(scope.db.query, newest.instrumentId, newest.version) : null;
  if (!newest || !definition) return { steps: [FIRST_STEP], identification: null };
  return {
    steps: stepsOf(definition, newest.answers),
    identification: {
      id: newest.id,
      jointCaseId: newest.jointCaseId,
      version: newest.version,
      completedOn: newest.completedOn,
      level: newest.judgedLevel ?? newest.computedLevel,
    },
  };
}
