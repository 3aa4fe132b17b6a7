#!/usr/bin/env node
// Stands in for Prisma's native schema engine where its binary cannot be downloaded.
// The Prisma CLI runs whatever PRISMA_SCHEMA_ENGINE_BINARY names (prisma.config.ts points it
// here) with the native engine's arguments; this bridges them to @prisma/schema-engine-wasm
// over @prisma/adapter-pg. PostgreSQL only. See README.md beside this file.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { connectionError, NO_URL } from "./errors.mjs";
import { databaseName, runStatements, withDatabase } from "./postgres.mjs";
import { serve } from "./rpc-server.mjs";
import { engineVersion } from "./wasm-engine.mjs";

const { values: flags, positionals } = parseArgs({
  strict: false, // the CLI may pass flags we do not need (e.g. --enabled-preview-features)
  allowPositionals: true,
  options: {
    datamodels: { type: "string", short: "d", multiple: true },
    datasource: { type: "string" },
    version: { type: "boolean", short: "V" },
  },
});

// `{ url, shadowDatabaseUrl? }` from prisma.config.ts's datasource; absent for some commands.
const datasource = flags.datasource ? JSON.parse(flags.datasource) : {};

/** The native engine's stderr log line: the CLI parses `cli` subcommand failures from these. */
function logLine(level, fields) {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" })}\n`);
}

/**
 * `schema-engine cli <command>`: one-shot database checks `migrate dev`/`deploy` run first.
 * Plain pg suffices here, and it reports the codes the CLI acts on (P1003 → create the database).
 */
async function runCliCommand(command, url) {
  // The CLI skips the first stderr line when it parses a failure.
  logLine("INFO", { message: "Starting schema engine CLI (wasm bridge)" });
  if (!url) {
    logLine("ERROR", { is_panic: false, error_code: "", message: NO_URL });
    process.exitCode = 1;
    return;
  }
  const server = withDatabase(url, "postgres");
  const quoted = `"${databaseName(url).replaceAll('"', '""')}"`;
  try {
    if (command === "can-connect-to-database") await runStatements(url, "SELECT 1");
    else if (command === "create-database") await runStatements(server, `CREATE DATABASE ${quoted}`);
    else if (command === "drop-database") await runStatements(server, `DROP DATABASE ${quoted}`);
    else throw new Error(`Unknown cli command: ${command}`);
    logLine("INFO", { message: `${command}: done` });
  } catch (error) {
    const { code, message } = connectionError(error, url);
    logLine("ERROR", { is_panic: false, error_code: code, message });
    process.exitCode = 1;
  }
}

if (flags.version) {
  // Shown by `prisma -v`.
  console.log(`schema-engine-cli ${await engineVersion()} (wasm bridge)`);
} else if (positionals[0] === "cli") {
  await runCliCommand(positionals[1], datasource.url ?? "");
} else {
  const datamodels = flags.datamodels
    ? await Promise.all(flags.datamodels.map(async (path) => [path, await readFile(path, "utf8")]))
    : undefined; // `migrate diff` passes no schema file
  serve({ datamodels, datasource });
}
