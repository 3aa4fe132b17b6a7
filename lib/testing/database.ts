// Scratch PostgreSQL databases for integration tests, migrated with the real Prisma CLI, so tests
// run against exactly the schema `prisma migrate deploy` builds in production.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { childProcessEnv } from "../env";

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The repository root: where prisma.config.ts is, so the CLI finds the schema and migrations. */
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ScratchDatabase {
  name: string;
  /** Connection URL of the new database (same server and credentials as the admin URL). */
  url: string;
  /** Drops the database, closing any connection a test left open. */
  drop(): Promise<void>;
}

let created = 0;

async function runOnServer(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database named `<prefix>_<time>_<pid>` (plus a counter after the first one
 * in a process) on the server of `adminUrl`, which must allow CREATE DATABASE.
 */
export async function createScratchDatabase(prefix: string, adminUrl = DEFAULT_ADMIN_URL): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`Invalid database name prefix: ${prefix}`);
  const name = `${prefix}_${Date.now()}_${process.pid}${created ? `_${created}` : ""}`;
  created += 1;
  await runOnServer(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runOnServer(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the Prisma CLI from the repository root, as `npx prisma …` would, without npm in between.
 * Never throws for a non-zero exit: tests assert on `code`.
 */
export function runPrismaCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const cli = fileURLToPath(new URL("../../node_modules/prisma/build/index.js", import.meta.url));
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: REPO_ROOT, env: childProcessEnv(env), timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error); // could not start, or timed out
        else resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** `prisma migrate deploy` against `url`; throws with the CLI's output when it fails. */
export async function applyMigrations(url: string): Promise<string> {
  const result = await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: url });
  if (result.code !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

