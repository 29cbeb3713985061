import { loadConfig } from './config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-network.js';
import { startSystem } from './server.js';

const config = loadConfig();
const system = await startSystem(config);

const storage = config.DATABASE_URL
  ? `PostgreSQL (schema ${config.DATABASE_SCHEMA})`
  : `PGlite in ${config.dataDir}`;
const lines = [
  '',
  `Tandem is running at ${system.url}`,
  `  API documentation: ${system.url}/api/docs`,
  `  Database: ${storage}${system.seeded ? ' — demo network created' : ''}`,
];
if (config.DEMO_MODE) {
  lines.push(
    '',
    '  DEMO MODE: demo accounts sign in without a second factor. Never put real data in a demo installation.',
    `  Demo logins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(34)} ${account.roles.join(', ')}`),
  );
}
process.stdout.write(`${lines.join('\n')}\n\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    system.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
