// The only reader of process.env. Everything else imports `env` (validated once) or,
// for provider secrets whose variable *names* live in the database, `readSecret`.
import { z } from "zod";

/**
 * Names ending in _API_KEY or _KEY (OPENAI_API_KEY, TOGETHER_API_KEY, …), except names that say
 * SECRET, PASSWORD, PRIVATE or SESSION: AWS_SECRET_ACCESS_KEY is a key, but not a provider's.
 */
export const DEFAULT_PROVIDER_KEY_ENV_PATTERN = "(?!.*(?:SECRET|PASSWORD|PRIVATE|SESSION))[A-Z][A-Z0-9_]*_(?:API_)?KEY";

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString,
  /** Set by the launcher when the embedded PGlite database is in use. */
  SWITCHYARD_EMBEDDED_DB: optionalString,
  /** Connections in the app's pool; the embedded database serves one backend, so the launcher lowers it. */
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  REDIS_URL: optionalString,
  /** Prefix of every Redis key and channel Switchyard uses, so deployments (or tests) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, "letters, digits, ':', '_' or '-' (at most 64)").default("switchyard"),
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  /** Seed only: an OpenAI-compatible local server (Ollama, llama.cpp, vLLM) for the local tier. */
  OLLAMA_BASE_URL: optionalString,
  SEED_ADMIN_EMAIL: optionalString,
  SEED_ADMIN_PASSWORD: optionalString,
  /** Seed only: password for the engineer, finance and auditor users on a non-embedded database. */
  SEED_USER_PASSWORD: optionalString,
  /** Seed only: the secret of the seeded app API key (otherwise one is generated and printed once). */
  SEED_API_KEY: optionalString,
  PORT: z.coerce.number().int().positive().default(3000),
  /** `npm run cluster` only: how many production servers it starts behind HAProxy. */
  INSTANCES: z.coerce.number().int().positive().default(2),
  /** Next's build folder (next.config.mjs reads the same variable): `.next` unless set. */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  /** Largest request body the gateway accepts, in bytes. */
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Raw decision records older than this many days are deleted; rollups keep the totals. */
  DECISION_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  /** How often a process that writes decision records purges expired ones; 0 = never (run `db:purge-decisions` from cron instead). */
  DECISION_PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
  /**
   * Which environment variables a provider may name as its key variable (a regular expression
   * the whole name must match). Switchyard's own settings are refused whatever it says.
   */
  PROVIDER_KEY_ENV_PATTERN: z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? DEFAULT_PROVIDER_KEY_ENV_PATTERN : value.trim()))
    .refine(compiles, "not a valid regular expression"),
  /**
   * How many proxies in front of the gateway append to X-Forwarded-For (0 = trust none). The
   * client address is the entry that many places from the right: the leftmost is whatever the
   * client wrote.
   */
  TRUST_PROXY: z.preprocess(
    (value) => (value === undefined || value === "" || value === "false" ? 0 : value === "true" ? 1 : value),
    z.coerce.number().int().min(0).max(10),
  ),
  /**
   * Where this instance journals decision records before answering (append-only files, drained
   * into PostgreSQL and replayed on start). Default data/journal/<PORT>: one folder per instance.
   */
  JOURNAL_DIR: optionalString,
  /** Records the journal may hold that are not in PostgreSQL yet; beyond it the gateway answers 503. */
  JOURNAL_MAX_RECORDS: z.coerce.number().int().positive().default(100_000),
  /** Gateway requests one instance serves at once; beyond that an immediate 503 with retry-after. Requests waiting on a slow model cost memory, not CPU: 2,048 is ~1,400 req/s against a 1.5 s upstream. */
  GATEWAY_MAX_IN_FLIGHT: z.coerce.number().int().positive().default(2048),
  /**
   * Past this event-loop delay (its mean over the last half second, ms) an instance refuses new
   * gateway requests with 503 until it catches up: past its CPU it sheds load instead of queueing
   * it until connections are reset. 0 = off.
   */
  GATEWAY_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(500),
  /** Failed app-key authentications allowed per client address per minute; beyond that 429. */
  GATEWAY_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(60),
});

export type Env = z.infer<typeof schema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

/**
 * Everything Switchyard itself reads, and the families its framework and tools own
 * (NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, PRISMA_*): never a provider's key variable.
 */
export const APP_SETTING_NAMES: ReadonlySet<string> = new Set(Object.keys(schema.shape));
const APP_SETTING_PREFIXES = ["NEXT_", "NEXTAUTH_", "OIDC_", "DATABASE_", "REDIS_", "SEED_", "PRISMA_", "NODE_"];

const allowedKeyVariable = new RegExp(`^(?:${env.PROVIDER_KEY_ENV_PATTERN})$`);

/**
 * Why a provider may not name this variable as its key, or null when it may. A provider's key
 * is sent to its base URL, so naming NEXTAUTH_SECRET there would hand the session-signing
 * secret to whoever runs that URL.
 */
export function keyVariableProblem(variableName: string): string | null {
  if (APP_SETTING_NAMES.has(variableName) || APP_SETTING_PREFIXES.some((prefix) => variableName.startsWith(prefix))) {
    return `${variableName} is one of Switchyard's own settings and can never hold a provider's key.`;
  }
  if (!allowedKeyVariable.test(variableName)) {
    return `${variableName} is not an allowed key variable: the server allows names matching ${env.PROVIDER_KEY_ENV_PATTERN} (PROVIDER_KEY_ENV_PATTERN).`;
  }
  return null;
}

const refusedOnce = new Set<string>();

/**
 * Reads a provider secret by the variable name stored in the database; undefined when unset or
 * when the name is not an allowed key variable (an old row or an applied config document cannot
 * get around the check the console makes when a provider is saved).
 */
export function readSecret(variableName: string): string | undefined {
  const problem = keyVariableProblem(variableName);
  if (problem) {
    if (!refusedOnce.has(variableName) && refusedOnce.size < 100) {
      refusedOnce.add(variableName);
      console.error(`[switchyard] not reading ${variableName} for a provider: ${problem}`);
    }
    return undefined;
  }
  const value = process.env[variableName];
  return value === undefined || value === "" ? undefined : value;
}

/** A copy of the environment for a child process, with overrides applied. */
/**
 * A launcher's settings for its own process (scripts/serve.ts: NODE_ENV, PORT), set before the
 * built app first reads its environment.
 */
export function setProcessEnv(values: Record<string, string>): void {
  Object.assign(process.env, values);
}

export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}
