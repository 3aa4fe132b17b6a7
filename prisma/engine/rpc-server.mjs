// The schema engine's JSON-RPC 2.0 server: one JSON message per line on stdin/stdout, as the
// Prisma CLI speaks to its native engine. Requests are the wasm engine's methods by name.
import readline from "node:readline";
import { NO_URL, rpcError } from "./errors.mjs";
import { adapterFactory, pendingShadowDrops } from "./postgres.mjs";
import { createSchemaEngine } from "./wasm-engine.mjs";

/** What the CLI may call, by the CLI's name → the wasm engine's name. */
const METHODS = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  debugPanic: "debugPanic",
  devDiagnostic: "devDiagnostic",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  diff: "diff",
  ensureConnectionValidity: "ensureConnectionValidity",
  evaluateDataLoss: "evaluateDataLoss",
  getDatabaseVersion: "version",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

const send = (message) =>
  new Promise((resolve) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`, resolve));

// The engine's tracing output, already JSON lines: the CLI reads stderr for its debug log.
const log = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);

/**
 * @param {{ datamodels?: [string, string][], datasource: { url?: string, shadowDatabaseUrl?: string } }} options
 */
export function serve({ datamodels, datasource }) {
  const factory = adapterFactory(datasource);
  let engine; // created by the first request, since creating it connects to the database
  let inFlight; // id of the request being handled; the wasm engine takes one call at a time
  let queue = Promise.resolve();
  const cliCalls = new Map(); // our own requests to the CLI (only `print`), by id
  let nextCliCallId = 1;

  function callCli(method, params) {
    const id = nextCliCallId++;
    return new Promise((resolve) => {
      cliCalls.set(id, resolve);
      send({ id, method, params });
    });
  }

  async function run(method, params) {
    if (!datasource.url) throw new Error(NO_URL);
    engine ??= await createSchemaEngine(datamodels, log, factory);
    if (method === "diff") {
      // The native engine sends the diff to the CLI as a `print` request and returns only the
      // exit code; the wasm returns the text. The CLI writes it to stdout or to `--output`.
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout) await callCli("print", { content: stdout.replace(/\n$/, "") });
      return { exitCode };
    }
    if (method === "evaluateDataLoss" || method === "createMigration") {
      // These two read the migrations' schema from the engine's cache and, unlike the native
      // engine, cannot build it themselves: only the commands given the adapter factory can
      // replay migrations into a shadow database. `migrate dev` after applying pending
      // migrations would miss the cache ("PostgreSQL shadow DB must be provided through an
      // external factory"), so fill it first.
      await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
    }
    return (await engine[METHODS[method]](params)) ?? {};
  }

  async function handle({ id, method, params }) {
    if (!Object.hasOwn(METHODS, method)) {
      await send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
      return;
    }
    inFlight = id;
    try {
      await send({ id, result: await run(method, params) });
    } catch (error) {
      const response = rpcError(error, factory.errorRegistry);
      await send({ id, error: response });
      // No engine call is safe after a Rust panic: exit as the native engine does (101).
      if (response.data.is_panic) await shutdown(101);
    } finally {
      inFlight = undefined;
    }
  }

  // Some wasm errors (e.g. params it cannot deserialize) are thrown outside the returned promise.
  process.on("uncaughtException", async (error) => {
    if (inFlight !== undefined) await send({ id: inFlight, error: rpcError(error, factory.errorRegistry) });
    else process.stderr.write(`${error?.stack ?? error}\n`);
    await shutdown(1);
  });

  let closing;
  async function shutdown(code) {
    closing ??= (async () => {
      // Shadow databases the engine did not dispose of, e.g. after an error.
      for (const drop of pendingShadowDrops) await drop().catch(() => {});
      process.exit(code);
    })();
    return closing;
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      // The CLI's answer to one of our requests.
      cliCalls.get(message.id)?.(message.result);
      cliCalls.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI ends stdin and, on Unix, sends SIGTERM right after: finish the work in hand first,
  // giving it 4 s after SIGTERM as the native engine does.
  lines.on("close", () => queue.then(() => shutdown(0)));
  process.on("SIGTERM", () => {
    setTimeout(() => shutdown(1), 4_000).unref();
    queue.then(() => shutdown(0));
  });
  process.on("SIGINT", () => shutdown(130));
}
