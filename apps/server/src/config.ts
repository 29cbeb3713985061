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
  /** Demo mode: seed the demo network and let demo accounts skip MFA. Never with real data. */
  DEMO_MODE: booleanFromEnv.optional(),
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
  /** Working days a partner-contact worker has to inform her of a change (DOMAIN.md §2 step 8). */
  DUTY_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('Tandem <no-reply@tandem.invalid>'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run background jobs in this instance (turn off on web-only instances when scaling out). */
  JOBS_ENABLED: booleanFromEnv.default(true),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'DEMO_MODE'> & {
  DEMO_MODE: boolean;
  dataDir: string;
  secureCookies: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const demoMode = values.DEMO_MODE ?? values.NODE_ENV !== 'production';
  if (values.NODE_ENV === 'production' && !values.FIELD_ENCRYPTION_KEYS) {
    throw new Error('FIELD_ENCRYPTION_KEYS must be set in production');
  }
  return {
    ...values,
    DEMO_MODE: demoMode,
    dataDir: path.resolve(values.DATA_DIR),
    secureCookies: values.NODE_ENV === 'production',
  };
}
