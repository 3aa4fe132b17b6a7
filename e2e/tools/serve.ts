// Playwright's web server: a fresh PostgreSQL database, migrated with the real Prisma CLI and
// seeded with known passwords, then a production build of the console on E2E_PORT.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { childProcessEnv } from "../../lib/env";
import { DEFAULT_ADMIN_URL, applyMigrations, createScratchDatabase } from "../../lib/testing/database";
import { E2E_API_KEY, E2E_PASSWORD } from "../support/users";
import { serverArgs } from "../../scripts/server-command";

const PREFIX = "switchyard_e2e";
const outputDir = process.env.E2E_OUTPUT_DIR ?? "test-results";
// A run takes minutes; anything older is left over from a run that was killed.
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Databases left behind by runs that were killed before they could clean up. */
async function dropStaleDatabases(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PREFIX}_%`]);
    for (const { datname } of rows) {
      const createdAt = Number(datname.split("_")[2]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  } finally {
    await client.end();
  }
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const port = process.env.E2E_PORT ?? "3100";
  await dropStaleDatabases(adminUrl);
  const database = await createScratchDatabase(PREFIX, adminUrl);
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
    NEXTAUTH_URL: `http://localhost:${port}`,
    SEED_ADMIN_PASSWORD: E2E_PASSWORD,
    SEED_USER_PASSWORD: E2E_PASSWORD,
    SEED_API_KEY: E2E_API_KEY,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
  };
  let server: ReturnType<typeof spawn> | null = null;
  const cleanUp = async () => {
    server?.kill("SIGTERM");
    await database.drop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", cleanUp);
  process.on("SIGINT", cleanUp);

  await applyMigrations(database.url);
  // Specs that need the database itself (e.g. to generate synthetic traffic) read its URL here.
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, ".e2e-database-url"), database.url);
  const steps: string[][] = [["tsx", "--conditions=react-server", "prisma/seed.ts"]];
  // Opt-in: E2E_SYNTHETIC_REQUESTS=<n> [E2E_SYNTHETIC_DAYS=<d>] fills the log with synthetic traffic at start.
  if (Number(process.env.E2E_SYNTHETIC_REQUESTS ?? 0) > 0) {
    steps.push(["tsx", "prisma/tools/generate-traffic.ts", "--requests", process.env.E2E_SYNTHETIC_REQUESTS!, "--days", process.env.E2E_SYNTHETIC_DAYS ?? "65"]);
  }
  if (process.env.E2E_SKIP_BUILD !== "1") steps.push(["next", "build"]);
  for (const args of steps) {
    const result = spawnSync("npx", args, { stdio: "inherit", env: childProcessEnv(env) });
    if (result.status !== 0) {
      await database.drop();
      throw new Error(`npx ${args.join(" ")} failed`);
    }
  }
  server = spawn(process.execPath, serverArgs(port), { stdio: "inherit", env: childProcessEnv(env) });
  server.on("exit", (code) => void database.drop().finally(() => process.exit(code ?? 0)));
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
