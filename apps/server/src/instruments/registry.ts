import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InstrumentDefinition } from '@tandem/shared';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../audit/canonical-json.js';
import { systemDb } from '../data/system-db.js';
import { DataFileError, parseDataFile } from '../data-files/parse-data-file.js';
import type { Database } from '../db/schema.js';
import { onlyLanguagesAdded } from './languages-added.js';

/** The instruments shipped with Tandem: `instruments/*.json` at the repository root. */
export const BUILT_IN_INSTRUMENTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../instruments',
);

/** An instrument file that does not validate. */
export class InstrumentLoadError extends DataFileError {}

/** Parses and validates one definition file; errors name the file and the path of each fault. */
export function parseInstrumentFile(file: string, text: string): InstrumentDefinition {
  return parseDataFile(InstrumentDefinition, file, text, InstrumentLoadError);
}

export function readInstrumentDirectory(directory: string): InstrumentDefinition[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) =>
      parseInstrumentFile(path.join(directory, name), readFileSync(path.join(directory, name), 'utf8')),
    );
}

/**
 * Stores definitions not seen before. A stored version never changes meaning: loading a different
 * definition under an existing id and version is refused, so old answers keep their meaning —
 * unless the only difference is translations added (instruments/languages-added.ts).
 * Loading runs at start-up, outside any command: through the system door, for its named reason.
 */
export async function registerInstruments(
  database: Kysely<Database>,
  definitions: readonly InstrumentDefinition[],
) {
  const db = systemDb(database, 'instrument_registry');
  for (const definition of definitions) {
    const contentHash = createHash('sha256').update(canonicalJson(definition)).digest('hex');
    const existing = await db
      .selectFrom('instrument_version')
      .select(['content_hash', 'definition'])
      .where('instrument_id', '=', definition.id)
      .where('version', '=', definition.version)
      .executeTakeFirst();
    if (
      existing &&
      existing.content_hash !== contentHash &&
      onlyLanguagesAdded(existing.definition, definition)
    ) {
      // Its texts in more languages: the same instrument, the same meaning of every answer.
      await db
        .updateTable('instrument_version')
        .set({ definition: JSON.stringify(definition), content_hash: contentHash })
        .where('instrument_id', '=', definition.id)
        .where('version', '=', definition.version)
        .execute();
      continue;
    }
    if (existing && existing.content_hash !== contentHash) {
      throw new InstrumentLoadError(`${definition.id} v${definition.version}`, [
        {
          path: 'version',
          message:
            'this version is already loaded with different content: give the change a new version number',
        },
      ]);
    }
    if (!existing) {
      await db
        .insertInto('instrument_version')
        .values({
          instrument_id: definition.id,
          version: definition.version,
          definition: JSON.stringify(definition),
          content_hash: contentHash,
        })
        .execute();
    }
  }
}

/** Loads the built-in instruments and those of INSTRUMENTS_DIR into the database. */
export async function loadInstruments(database: Kysely<Database>, extraDirectory?: string) {
  const definitions = [
    ...readInstrumentDirectory(BUILT_IN_INSTRUMENTS_DIR),
    ...(extraDirectory ? readInstrumentDirectory(extraDirectory) : []),
  ];
  await registerInstruments(database, definitions);
  return definitions.length;
}

/**
 * Reading definitions. They are organisation data every signed-in user may read
 * (instrumentPolicy.versions), so a command reads them through its own scoped handle
 * (`scope.db.query`); code outside a command passes the system door,
 * `systemDb(database, 'instrument_registry')`. The queries use the builder only, so they run
 * through either.
 */
export async function getDefinition(
  db: Kysely<Database>,
  instrumentId: string,
  version: number,
): Promise<InstrumentDefinition | null> {
  const row = await db
    .selectFrom('instrument_version')
    .select('definition')
    .where('instrument_id', '=', instrumentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (row.definition as InstrumentDefinition) : null;
}

/** The definitions of these (instrument, version) pairs, in one query, keyed `id@version`. */
export async function getDefinitions(
  db: Kysely<Database>,
  versions: ReadonlyArray<{ instrumentId: string; version: number }>,
): Promise<Map<string, InstrumentDefinition>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('instrument_version')
    .select(['instrument_id', 'version', 'definition'])
    .where((eb) =>
      eb.or(
        versions.map((wanted) =>
          eb.and([eb('instrument_id', '=', wanted.instrumentId), eb('version', '=', wanted.version)]),
        ),
      ),
    )
    .execute();
  return new Map(
    rows.map((row) => [
      definitionKey(row.instrument_id, row.version),
      row.definition as InstrumentDefinition,
    ]),
  );
}

export const definitionKey = (instrumentId: string, version: number) => `${instrumentId}@${version}`;

/** The newest version of one instrument, or null when none is loaded under this id. */
export async function latestDefinitionOf(
  db: Kysely<Database>,
  instrumentId: string,
): Promise<InstrumentDefinition | null> {
  const row = await db
    .selectFrom('instrument_version')
    .select('definition')
    .where('instrument_id', '=', instrumentId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.definition as InstrumentDefinition) : null;
}

/**
 * The newest version of the instrument the network of this agency chose as its risk checklist
 * (network.risk_instrument_id; the first network, where the agency has several), in one query.
 * Null where the network names none, or one that is not loaded.
 */
export async function networkRiskInstrumentOf(
  db: Kysely<Database>,
  agencyId: string,
): Promise<InstrumentDefinition | null> {
  const row = await db
    .selectFrom('instrument_version')
    .select('definition')
    .where('instrument_id', '=', (eb) =>
      eb
        .selectFrom('network_membership as m')
        .innerJoin('network as n', 'n.id', 'm.network_id')
        .select('n.risk_instrument_id')
        .where('m.agency_id', '=', agencyId)
        .orderBy('m.joined_at')
        .orderBy('n.id')
        .limit(1),
    )
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.definition as InstrumentDefinition) : null;
}

/** The newest version of every instrument. */
export async function latestDefinitions(db: Kysely<Database>): Promise<InstrumentDefinition[]> {
  const rows = await db
    .selectFrom('instrument_version')
    .distinctOn('instrument_id')
    .select('definition')
    .orderBy('instrument_id')
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => row.definition as InstrumentDefinition);
}
