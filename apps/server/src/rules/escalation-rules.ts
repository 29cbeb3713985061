import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EscalationRules } from '@tandem/shared';
import { DataFileError, parseDataFile } from '../data-files/parse-data-file.js';

/** The escalation triggers shipped with Tandem: `rules/escalation-triggers.v1.json` at the repository root. */
export const BUILT_IN_ESCALATION_RULES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../rules/escalation-triggers.v1.json',
);

/** A rules file that does not validate. */
export class RulesLoadError extends DataFileError {}

/** Parses and validates a rules file; errors name the file and the path of each fault. */
export function parseEscalationRules(file: string, text: string): EscalationRules {
  return parseDataFile(EscalationRules, file, text, RulesLoadError);
}

/** The triggers in force: ESCALATION_RULES_FILE where an installation names its own, else the built-in file. */
export function loadEscalationRules(file: string = BUILT_IN_ESCALATION_RULES): EscalationRules {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RulesLoadError(file, [
      { path: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code})` },
    ]);
  }
  return parseEscalationRules(file, text);
}
