import { loadConfig } from './config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-network.js';
import { describeStartFailure, type RunningSystem, StartRefused, startSystem } from './server.js';

let system: RunningSystem;
try {
  const config = loadConfig();
  system = await startSystem(config);
  report(config);
} catch (error) {
  // A failed start prints what went wrong and what to do — never a database error's text,
  // which can quote the values of a row (an e-mail address in a duplicate key).
  process.stderr.write(`\n${describeStartFailure(error)}\n\n`);
  process.exit(error instanceof StartRefused ? 2 : 1);
}

function report(config: ReturnType<typeof loadConfig>) {
  const storage = config.DATABASE_URL
    ? `PostgreSQL (schema ${config.DATABASE_SCHEMA})`
    : `PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `Tandem is running at ${system.url}`,
    ...(config.API_DOCS ? [`  API documentation: ${system.url}/api/docs`] : []),
    `  Database: ${storage}${system.seeded ? ' — demo network created' : ''}`,
  ];
  if (!config.SMTP_URL && config.MAIL_DIR)
    lines.push(
      `  E-mail (one-time links) is written to ${config.MAIL_DIR}, not sent: set SMTP_URL to send it.`,
    );
  if (system.needsFirstAdmin)
    lines.push('', '  No administrator yet: create the first with `npm run admin:create`.');
  if (config.DEMO_MODE) {
    lines.push(
      '',
      '  DEMO MODE: demo accounts sign in without a second factor. Never put real data in a demo installation.',
      `  Demo logins (password "${DEMO_PASSWORD}"):`,
      ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(34)} ${account.roles.join(', ')}`),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    system.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
