import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSchemaSource } from '../db/schema-generator.js';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '../db/schema.generated.ts');
writeFileSync(target, await generateSchemaSource());
process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
