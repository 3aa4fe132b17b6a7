// The only reader of process.env. Everything else imports `env` (validated once) or,
// for provider secrets whose variable *names* live in the database, `readSecret`.
import { z } from "zod";

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
  /** Largest request body the gateway accepts, in bytes. */
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Raw decision records older than this many days are deleted; rollups keep the totals. */
  DECISION_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  /** How often a process that writes decision records purges expired ones; 0 = never (run `db:purge-decisions` from cron instead). */
  DECISION_PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
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

/** Reads a provider secret by the variable name stored in the database; undefined when unset. */
export function readSecret(variableName: string): string | undefined {
  const value = process.env[variableName];
  return value === undefined || value === "" ? undefined : value;
}

/** A copy of the environment for a child process, with overrides applied. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return next;
}
