import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables, validated once at start.
 * Defaults are safe for a laptop demo; production must set the secrets explicitly.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where embedded PostgreSQL (PGlite) keeps its files when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./data'),
  /** Use a PostgreSQL server instead of PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica of DATABASE_URL's server: dashboards and exports read there (their audit
   * rows are still written on the primary); everything else reads the primary. Unset, all reads
   * go to the primary.
   */
  DATABASE_READ_URL: z.string().url().optional(),
  /** PostgreSQL schema to use (tests run each suite in a fresh schema). */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('public'),
  /**
   * Field-encryption keys: "keyId:base64key[,keyId:base64key…]"; the first one encrypts,
   * the others still decrypt (key rotation). Each key is 32 bytes (AES-256-GCM).
   */
  FIELD_ENCRYPTION_KEYS: z.string().optional(),
  /**
   * Demo mode: seed the demo network and let demo accounts skip MFA. Never with real data, and
   * never in production (a production start refuses it, and refuses a database with demo data).
   */
  DEMO_MODE: booleanFromEnv.optional(),
  /**
   * The reverse proxies whose X-Forwarded-For is believed: a comma-separated list of addresses,
   * CIDR ranges or the names loopback, linklocal, uniquelocal. Unset: the header is ignored and
   * the client is the connection's address (anyone could write the header otherwise).
   */
  TRUST_PROXY: z.string().trim().optional(),
  /** Serve the API documentation at /api/docs. Off by default in production. */
  API_DOCS: booleanFromEnv.optional(),
  /** How long a one-time link (account set-up, password or second-factor reset) stays valid. */
  CREDENTIAL_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
  /**
   * Instead of SMTP, write each outgoing e-mail as a file in this folder (development, the
   * end-to-end tests; never production). In development it defaults to DATA_DIR/mail; in tests,
   * without either, mail stays in the process's memory.
   */
  MAIL_DIR: z.string().optional(),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Wrong second-factor codes before the account is locked for LOCKOUT_MINUTES; also the wrong
   * passwords from one address for one e-mail before each further try must wait (growing delays,
   * at most LOCKOUT_MINUTES). Wrong passwords never lock an account.
   */
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** A folder of further instrument definitions (JSON) a network adds to the built-in ones. */
  INSTRUMENTS_DIR: z.string().optional(),
  /** An installation's own escalation triggers (rules/escalation-triggers.v1.json is the default). */
  ESCALATION_RULES_FILE: z.string().optional(),
  /** Working days a partner-contact worker has to inform her of a change (docs/domain.md, "Duties to inform her"). */
  DUTY_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Tandem <no-reply@tandem.invalid>'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run background jobs in this instance (turn off on web-only instances when scaling out). */
  JOBS_ENABLED: booleanFromEnv.default(true),
  // Operations: backup, key escrow and the published audit head (README, "Operations").
  /** Where `npm run backup` writes its archives and manifests. */
  BACKUP_DIR: z.string().default('./backups'),
  /**
   * Where the chain head of the audit trail is published, signed, at every maintenance sweep
   * (one JSON line each): outside the database, so removing its last rows shows. Default: a file
   * beside DATA_DIR (`<DATA_DIR>.audit-heads.jsonl`); point it at storage the database's
   * administrators cannot rewrite.
   */
  AUDIT_HEAD_FILE: z.string().optional(),
  /**
   * The Ed25519 private key (PEM, or base64 PKCS#8) that signs the published heads. Without it, a
   * key is generated once in the key folder beside DATA_DIR (`<DATA_DIR>.keys/`), never inside it.
   */
  AUDIT_HEAD_SIGNING_KEY: z.string().optional(),
  /** The public key (PEM, or base64 SPKI) `npm run audit:verify` checks the heads with. */
  AUDIT_HEAD_PUBLIC_KEY: z.string().optional(),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'DEMO_MODE' | 'API_DOCS' | 'TRUST_PROXY'> & {
  DEMO_MODE: boolean;
  API_DOCS: boolean;
  /** Fastify's `trustProxy`: the named proxies, or false. */
  trustProxy: string[] | false;
  dataDir: string;
  secureCookies: boolean;
  /** `__Host-` in production: the browser keeps it to this host, over HTTPS, for the whole site. */
  sessionCookieName: string;
};

/** Trusting every sender of X-Forwarded-For would let anyone choose their address. */
function parseTrustProxy(value: string | undefined): string[] | false {
  if (!value) return false;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry))
      throw new Error(
        `Invalid configuration:\n  TRUST_PROXY: "${entry}" is not an address, a CIDR range or loopback/linklocal/uniquelocal (name each proxy; "true" or "*" is not allowed)`,
      );
  }
  return entries.length > 0 ? entries : false;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const production = values.NODE_ENV === 'production';
  const demoMode = values.DEMO_MODE ?? !production;
  if (production) {
    const problems = [
      !values.FIELD_ENCRYPTION_KEYS && 'FIELD_ENCRYPTION_KEYS must be set in production',
      demoMode &&
        'DEMO_MODE=true is not allowed in production: demo accounts share a published password. Run the demo with NODE_ENV=development',
      !values.PUBLIC_URL &&
        'PUBLIC_URL must be set in production (the one-time links sent by e-mail point there)',
      !values.SMTP_URL &&
        'SMTP_URL must be set in production: account set-up and resets are sent by e-mail, to the account’s owner',
      values.MAIL_DIR &&
        'MAIL_DIR is not allowed in production: one-time links written to disk could be read by whoever runs the server',
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const { TRUST_PROXY, API_DOCS, ...rest } = values;
  // In development without SMTP, e-mail goes to a folder beside the data, for the developer to open.
  const mailDir =
    values.MAIL_DIR ??
    (values.NODE_ENV === 'development' && !values.SMTP_URL
      ? path.join(path.resolve(values.DATA_DIR), 'mail')
      : undefined);
  return {
    ...rest,
    MAIL_DIR: mailDir,
    DEMO_MODE: demoMode,
    API_DOCS: API_DOCS ?? !production,
    trustProxy: parseTrustProxy(TRUST_PROXY),
    dataDir: path.resolve(values.DATA_DIR),
    secureCookies: production,
    sessionCookieName: production ? '__Host-tandem_session' : 'tandem_session',
  };
}
