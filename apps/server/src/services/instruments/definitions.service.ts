import type { InstrumentDefinition } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { notFound } from '../../domain/errors.js';
import { getDefinition, latestDefinitions } from '../../instruments/registry.js';

/** The newest version of every instrument (organisation data: every signed-in user reads them). */
export async function listDefinitions(scope: CommandScope): Promise<{ items: InstrumentDefinition[] }> {
  return { items: await latestDefinitions(scope.db.query) };
}

/** One version of an instrument: old answers are read with the version they were given under. */
export async function findDefinition(
  scope: CommandScope,
  instrumentId: string,
  version: number,
): Promise<InstrumentDefinition> {
  const definition = await getDefinition(scope.db.query, instrumentId, version);
  if (!definition) throw notFound();
  return definition;
}
