// Vitest setupFile for the integration project: each test file gets its own database, cloned
// from the run's migrated template (CREATE DATABASE … TEMPLATE takes ~100 ms), so files never
// see each other's rows. It runs before the test file is imported and must not import lib/env
// itself, so that lib/env reads this file's URL when the test imports it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

async function onServer(url: URL, sql: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const template = new URL(inject("databaseUrl"));
const name = `switchyard_it_file_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
await onServer(template, `CREATE DATABASE "${name}" TEMPLATE "${decodeURIComponent(template.pathname.slice(1))}"`);
const clone = new URL(template);
clone.pathname = `/${name}`;
process.env.DATABASE_URL = clone.toString();
// The gateway's decision journal too: a file's leftovers must never be replayed by another.
const journalDir = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-journal-"));
process.env.JOURNAL_DIR = journalDir;

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await onServer(template, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  fs.rmSync(journalDir, { recursive: true, force: true });
});
