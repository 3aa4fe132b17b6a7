// The bridge's database side: @prisma/adapter-pg, adjusted where the schema engine needs more
// than Prisma Client does, plus the few server-level statements the `cli` subcommands run.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const PG_CHAR = 18;
const PG_TEXT = 25;

/**
 * The engine's catalogue queries return Postgres's internal one-byte `"char"` type (oid 18:
 * pg_class.relkind, pg_constraint.contype, …), which adapter-pg rejects as unsupported. The native
 * engine reads it as a character, so report those columns as Character. adapter-pg's queryRaw
 * takes its pg result from `this.performIO(query)`, the one place the raw field types are seen.
 */
function readCharColumns(queryable) {
  const charColumns = new WeakMap(); // query → indexes of its "char" columns
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const indexes = [];
    result.fields?.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR) return;
      field.dataTypeID = PG_TEXT; // pg has already parsed the value, as a one-letter string
      indexes.push(index);
    });
    charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

/** pg settings for a Prisma connection URL. The native engine gives up connecting after 5 s. */
function poolConfig(url) {
  const config = { connectionString: url, connectionTimeoutMillis: 5_000 };
  const schema = new URL(url).searchParams.get("schema");
  // Prisma's `?schema=` is not a pg setting: make it the search path, as the native engine does.
  if (schema) config.options = `-c search_path="${schema}"`;
  return config;
}

/**
 * The same URL naming another database. pg lets `connectionString` override a separate
 * `database` option, so the database has to be changed inside the URL itself.
 */
export function withDatabase(url, database) {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

/** Runs statements on one short-lived connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function runStatements(url, ...statements) {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const quote = (identifier) => `"${identifier.replaceAll('"', '""')}"`;

/** Connects through adapter-pg, reading `"char"` columns and sending migration scripts whole. */
async function connect(url) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const adapter = readCharColumns(await new PrismaPg(poolConfig(url), { schema }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => readCharColumns(await startTransaction(...args));
  // adapter-pg splits scripts on every ";", which breaks migrations holding ";" inside strings,
  // comments or function bodies. An argument-less query goes through Postgres's simple protocol,
  // which runs a whole multi-statement script, as the native engine does.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

/** Drop actions for shadow databases still alive, run if the engine never disposes them. */
export const pendingShadowDrops = new Set();

/**
 * A temporary shadow database beside the main one, as the native engine makes. adapter-pg's own
 * version drops it while its pool still holds connections (Postgres refuses), so close first.
 */
async function connectToTemporaryShadow(url) {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await runStatements(url, `CREATE DATABASE ${quote(name)}`);
  const adapter = await connect(withDatabase(url, name));
  const closePool = adapter.dispose.bind(adapter);
  const drop = async () => {
    pendingShadowDrops.delete(drop);
    await closePool();
    await runStatements(url, `DROP DATABASE IF EXISTS ${quote(name)}`);
  };
  pendingShadowDrops.add(drop);
  adapter.dispose = drop;
  // PGlite accepts CREATE DATABASE but serves its one database under any name: the engine would
  // then replay migrations into, and reset, the main database.
  const { rows } = await adapter.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
  if (rows[0]?.[0] !== name) {
    await drop();
    throw new Error(
      "This server cannot create a separate shadow database (PGlite?). Set SHADOW_DATABASE_URL to an empty database of its own.",
    );
  }
  return adapter;
}

/** A shadow database the user configured: emptied before use, as the native engine does. */
async function connectToConfiguredShadow(url, shadowUrl) {
  if (databaseName(shadowUrl) === databaseName(url) && new URL(shadowUrl).host === new URL(url).host) {
    throw new Error("The shadow database you configured is the same as the main database.");
  }
  const schema = new URL(shadowUrl).searchParams.get("schema") ?? "public";
  await runStatements(shadowUrl, `DROP SCHEMA IF EXISTS ${quote(schema)} CASCADE`, `CREATE SCHEMA ${quote(schema)}`);
  return connect(shadowUrl);
}

/** The driver adapter factory the wasm engine expects, for the CLI's `--datasource`. */
export function adapterFactory({ url, shadowDatabaseUrl }) {
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(url),
    connectToShadowDb: () =>
      shadowDatabaseUrl ? connectToConfiguredShadow(url, shadowDatabaseUrl) : connectToTemporaryShadow(url),
  });
}
