// The migrations folder, applied and checked by the real Prisma CLI through the wasm bridge.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { env } from "@/lib/env";
import { applyMigrations, createScratchDatabase, REPO_ROOT, runPrismaCli, type ScratchDatabase } from "@/lib/testing/database";

const SCHEMA = path.join(REPO_ROOT, "prisma", "schema.prisma");
const MIGRATIONS = path.join(REPO_ROOT, "prisma", "migrations");

/** Table names the schema declares: each model's name, or its @@map. */
function tablesOfSchema(schema: string): string[] {
  return [...schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(
    ([, model, body]) => body?.match(/@@map\("([^"]+)"\)/)?.[1] ?? model!,
  );
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe("integration setup", () => {
  it("gives each test file its own copy of this run's migrated database through DATABASE_URL", async () => {
    expect(env.DATABASE_URL).toBeDefined();
    expect(env.DATABASE_URL).not.toBe(inject("databaseUrl"));
    const [row] = await query<{ count: string }>(env.DATABASE_URL!, "SELECT count(*) FROM _prisma_migrations");
    expect(Number(row?.count)).toBeGreaterThan(0);
  });
});

describe("prisma migrate deploy on a fresh database", () => {
  let database: ScratchDatabase;
  let firstDeploy: string;

  beforeAll(async () => {
    database = await createScratchDatabase("switchyard_it_deploy", inject("databaseAdminUrl"));
    firstDeploy = await applyMigrations(database.url);
  });
  afterAll(() => database?.drop());

  it("creates every table of the schema and records each migration", async () => {
    const expected = tablesOfSchema(await readFile(SCHEMA, "utf8"));
    const tables = await query<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    expect(tables.map((row) => row.table_name).sort()).toEqual([...expected, "_prisma_migrations"].sort());

    const folders = (await readdir(MIGRATIONS, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    const applied = await query<{ migration_name: string; finished: boolean }>(
      database.url,
      "SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS finished FROM _prisma_migrations",
    );
    expect(applied.map((row) => row.migration_name).sort()).toEqual(folders.map((entry) => entry.name).sort());
    expect(applied.every((row) => row.finished)).toBe(true);
    expect(firstDeploy).toContain("All migrations have been successfully applied.");
  });

  it("reports the database up to date, and a second deploy changes nothing", async () => {
    const status = await runPrismaCli(["migrate", "status"], { DATABASE_URL: database.url });
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date!");

    const before = await query(database.url, "SELECT * FROM _prisma_migrations ORDER BY id");
    expect(await applyMigrations(database.url)).toContain("No pending migrations to apply.");
    expect(await query(database.url, "SELECT * FROM _prisma_migrations ORDER BY id")).toEqual(before);
  });
});

describe("drift between prisma/schema.prisma and prisma/migrations", () => {
  // The shadow database the diff replays the migrations into is created beside this run's database.
  const diffAgainst = (schemaPath: string) =>
    runPrismaCli(
      ["migrate", "diff", "--from-migrations", MIGRATIONS, "--to-schema", schemaPath, "--exit-code"],
      { DATABASE_URL: inject("databaseUrl") },
    );

  it("finds none: every schema change has its migration", async () => {
    const diff = await diffAgainst(SCHEMA);
    expect(
      diff.code,
      `prisma/schema.prisma and prisma/migrations disagree; create the missing migration with ` +
        `\`npx prisma migrate dev --name <change>\`.\n${diff.stdout}\n${diff.stderr}`,
    ).toBe(0);
    expect(diff.stdout).toContain("No difference detected.");
  });

  it("would fail for a schema change without a migration", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "switchyard-drift-"));
    try {
      const drifted = (await readFile(SCHEMA, "utf8")).replace(/^model User \{\n/m, "$&  driftProbe String?\n");
      expect(drifted).toContain("driftProbe");
      const schemaPath = path.join(folder, "schema.prisma");
      await writeFile(schemaPath, drifted);

      const diff = await diffAgainst(schemaPath);
      expect(diff.code, diff.stdout + diff.stderr).toBe(2); // --exit-code: 2 means "differences found"
      expect(diff.stdout).toContain("driftProbe");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
