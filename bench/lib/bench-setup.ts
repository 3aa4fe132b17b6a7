// The benchmarks' side of the machine: where the repository and tsx are, the scratch databases'
// prefix, PostgreSQL made ready (and databases left by killed runs dropped), which code is being
// measured, and whether a build is older than its sources.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = path.resolve(BENCH_DIR, "..");
export const DB_PREFIX = "switchyard_bench";
export const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

/** Newest modification time under the paths that go into a build. */
export function newestSourceMtime(): number {
  let newest = 0;
  const visit = (file: string) => {
    const info = statSync(file);
    if (info.isDirectory()) {
      for (const entry of readdirSync(file)) if (entry !== "node_modules" && !entry.startsWith(".")) visit(path.join(file, entry));
    } else if (/\.(tsx?|mjs|json|css|sql|prisma)$/.test(file) && !file.includes(`${path.sep}generated${path.sep}`)) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  // prisma/ too: a migration newer than the build is the case that breaks the ledger.
  for (const entry of ["app", "lib", "components", "prisma", "proxy.ts", "next.config.mjs", "package.json"]) {
    const file = path.join(ROOT, entry);
    if (existsSync(file)) visit(file);
  }
  return newest;
}

/** PostgreSQL's version; drops databases left by runs killed before cleanup (older than 6 hours). */
export async function preparePostgres(adminUrl: string): Promise<string> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${DB_PREFIX}_%`]);
    for (const { datname } of rows) {
      const createdAt = Number(datname.split("_")[2]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > 6 * 3600_000) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "unknown";
  } finally {
    await client.end();
  }
}

/** Which code was measured (read-only git). */
export function sourceState() {
  const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  return { commit: git("rev-parse", "--short", "HEAD"), uncommittedFiles: git("status", "--porcelain").split("\n").filter(Boolean).length };
}
