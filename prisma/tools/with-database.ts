// Runs a command (next dev, next start, prisma migrate, the seed) against the configured
// database: DATABASE_URL when set, otherwise the embedded PGlite database, started here and
// stopped when the command ends. Usage: tsx prisma/tools/with-database.ts <command> [args...]
import { spawn } from "node:child_process";
import { childProcessEnv, env } from "../../lib/env";
import { localAuthSecret } from "./auth-secret";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";

export async function databaseEnvironment(): Promise<{ overrides: Record<string, string>; embedded: EmbeddedDatabase | null }> {
  const overrides: Record<string, string> = {};
  let embedded: EmbeddedDatabase | null = null;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase();
    overrides.DATABASE_URL = embedded.url;
    overrides.SWITCHYARD_EMBEDDED_DB = "1";
    // One backend serves every connection in turn; a single pooled connection avoids
    // interleaving two transactions on it.
    overrides.DATABASE_POOL_MAX = "1";
    console.log(`Using the embedded database in data/pglite (${embedded.ownedByThisProcess ? "started" : "already running"}).`);
  }
  if (!env.NEXTAUTH_SECRET) overrides.NEXTAUTH_SECRET = localAuthSecret();
  if (!env.NEXTAUTH_URL) overrides.NEXTAUTH_URL = `http://localhost:${env.PORT}`;
  overrides.NEXT_TELEMETRY_DISABLED = "1";
  // The gateway flushes its queued decision records on SIGTERM/SIGINT, then exits itself.
  overrides.NEXT_MANUAL_SIG_HANDLE = "true";
  return { overrides, embedded };
}

export function run(command: string, args: string[], overrides: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: childProcessEnv(overrides), shell: process.platform === "win32" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const STEPS: Record<string, [string, string[]]> = {
  "--migrate": ["npx", ["prisma", "migrate", "deploy"]],
  "--seed": ["npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"]],
  "--build": ["npx", ["next", "build"]],
};

/**
 * Leading flags run steps first, in order, on the same database:
 * --migrate (prisma migrate deploy), --seed (demo data, safe to repeat), --build (next build).
 */
async function main() {
  const argv = process.argv.slice(2);
  const steps: string[] = [];
  while (argv[0] && argv[0] in STEPS) steps.push(argv.shift()!);
  const [command, ...args] = argv;
  if (!command) {
    console.error("Usage: tsx prisma/tools/with-database.ts [--migrate] [--seed] [--build] <command> [args...]");
    process.exit(2);
  }
  const { overrides, embedded } = await databaseEnvironment();
  let code = 0;
  for (const step of steps) {
    const [stepCommand, stepArgs] = STEPS[step]!;
    code = await run(stepCommand, stepArgs, overrides);
    if (code !== 0) break;
  }
  if (code === 0) code = await run(command, args, overrides);
  await embedded?.stop();
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
