// Switchyard as the end-to-end benchmarks run it: a scratch database (migrated, seeded), every
// model on one lean mock upstream (bench/mock-upstream.ts, its own process) published as a new
// policy version, an app key without a rate limit, budgets out of reach, then `next start` on
// loopback (built first unless skipBuild), checked with one probe whose record must reach the
// database. Everything started here is stopped by cleanUp() (bench/lib/process.ts).
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import type { MockStats } from "../mock-upstream";
import { DB_PREFIX, newestSourceMtime, ROOT, TSX_CLI } from "./bench-setup";
import { childEnv, freePort, onCleanup, sleep } from "./process";
import { ROUTINE_PROMPT } from "./prompts";
import { serverArgs } from "../../scripts/server-command";

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface SwitchyardOptions {
  adminUrl: string;
  /** The server's stdout and stderr go here. */
  logFile: string;
  skipBuild: boolean;
  /** node --cpu-prof into this folder, when set. */
  cpuProfileDir?: string | null;
  port?: number;
  /** Next's build folder under the repository (NEXT_DIST_DIR); `.next` unless set. */
  distDir?: string;
  /**
   * "switchyard": the production server (scripts/serve.ts: gateway paths served directly);
   * "next": plain `next start`, every path through Next — the before of that change.
   */
  server?: "switchyard" | "next";
}

export type SwitchyardUnderTest = Awaited<ReturnType<typeof startSwitchyard>>;

export async function startSwitchyard(options: SwitchyardOptions) {
  const { applyMigrations, createScratchDatabase } = await import("@/lib/testing/database");
  const pg = (await import("pg")).default;

  // --- database ---------------------------------------------------------------------------
  const database = await createScratchDatabase(DB_PREFIX, options.adminUrl);
  onCleanup("drop database", () => database.drop());
  console.log(`database ${database.name}: migrating and seeding…`);
  await applyMigrations(database.url);
  const port = options.port ?? (await freePort());
  const distDir = options.distDir ?? ".next";
  const mockKey = `bench-mock-${Math.random().toString(36).slice(2)}`;
  const serverEnv = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    PORT: String(port),
    BENCH_MOCK_KEY: mockKey,
    SWITCHYARD_EMBEDDED_DB: undefined,
    NODE_OPTIONS: undefined as string | undefined,
    ...(options.distDir ? { NEXT_DIST_DIR: options.distDir } : {}),
  };
  const seedEnv = {
    ...serverEnv,
    SEED_ADMIN_PASSWORD: "bench-password-0123456789",
    SEED_USER_PASSWORD: "bench-password-0123456789",
    SEED_API_KEY: undefined,
    // Every model is pointed at the mock below; keep real providers out of the seed.
    OLLAMA_BASE_URL: undefined,
    TOGETHER_API_KEY: undefined,
    DEEPSEEK_API_KEY: undefined,
    GROQ_API_KEY: undefined,
    OPENAI_API_KEY: undefined,
    ANTHROPIC_API_KEY: undefined,
  };
  const seeded = spawnSync(process.execPath, [TSX_CLI, "--conditions=react-server", "prisma/seed.ts"], { cwd: ROOT, env: childEnv(seedEnv), encoding: "utf8", timeout: 120_000 });
  if (seeded.status !== 0) throw new Error(`seed failed (exit ${seeded.status}):\n${seeded.stdout}\n${seeded.stderr}`);

  // --- mock upstream (own process, so its event loop is not the client's) ------------------
  const mock: ChildProcess = fork(path.join(BENCH_DIR, "mock-upstream.ts"), ["0", "0"], {
    execArgv: process.execArgv,
    env: childEnv({ BENCH_MOCK_KEY: mockKey, NODE_OPTIONS: undefined }),
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  onCleanup("stop mock", async () => {
    if (mock.exitCode !== null || mock.signalCode !== null) return;
    const gone = new Promise((resolve) => mock.once("exit", resolve));
    mock.kill("SIGTERM");
    await Promise.race([gone, sleep(5_000)]);
  });
  const mockPort = await new Promise<number>((resolve, reject) => {
    mock.once("message", (message: { port: number }) => resolve(message.port));
    mock.once("exit", (code) => reject(new Error(`mock upstream exited (${code})`)));
  });
  const mockControl = async (pathname: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${mockPort}${pathname}`, body === undefined ? {} : { method: "POST", body: JSON.stringify(body) });
    return (await response.json()) as MockStats;
  };

  // --- configuration: every model on the mock, budgets out of reach, a key without limits ---
  // In its own process: lib/env reads DATABASE_URL once, when lib/db is first imported.
  const secret = `sy_bench_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  const configured = spawnSync(process.execPath, [TSX_CLI, "--conditions=react-server", path.join(BENCH_DIR, "lib/configure.ts")], {
    cwd: ROOT,
    env: childEnv({ ...serverEnv, BENCH_MOCK_BASE_URL: `http://127.0.0.1:${mockPort}/v1`, BENCH_KEY_SECRET: secret }),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (configured.status !== 0) throw new Error(`configuring the bench failed (exit ${configured.status}):\n${configured.stdout}\n${configured.stderr}`);
  const { keyId, policyVersion, models } = JSON.parse(configured.stdout.trim().split("\n").pop()!) as { keyId: string; policyVersion: number; models: number };
  console.log(`policy v${policyVersion}: ${models} models on the mock at 127.0.0.1:${mockPort}; key ${secret.slice(0, 11)}…`);

  // --- build and start ------------------------------------------------------------------------
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const buildAge = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const stale = buildAge < newestSourceMtime();
  if (!options.skipBuild) {
    console.log("next build…");
    const built = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, env: childEnv(serverEnv), stdio: "inherit", timeout: 900_000 });
    if (built.status !== 0) throw new Error("next build failed");
  } else if (stale) {
    console.warn(`WARNING: BENCH_SKIP_BUILD=1 but sources are newer than ${distDir}/BUILD_ID; measuring the older build.`);
  }
  const logFile = options.logFile;
  const log = openSync(logFile, "a");
  // Both serve in this very process (no fork), so node flags here apply to the server.
  // BENCH_NODE_FLAGS: extra flags for the server's Node (e.g. "--trace-gc"), to look into a run.
  const extraFlags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
  const nodeFlags = [...extraFlags, ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [])];
  const args = options.server === "next" ? [...nodeFlags, path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"] : serverArgs(port, "127.0.0.1", nodeFlags);
  const server = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv(serverEnv),
    stdio: ["ignore", log, log],
  });
  let serverExit: { code: number | null; signal: string | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    server.once("exit", (code, signal) => {
      serverExit = { code, signal };
      resolve();
    }),
  );
  onCleanup("stop server", async () => {
    if (serverExit) return;
    server.kill("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(30_000).then(() => true)]);
    if (timedOut) {
      console.error("server did not exit 30 s after SIGTERM; killing it");
      server.kill("SIGKILL");
      await exited;
    }
  });
  const origin = `http://127.0.0.1:${port}`;
  const readyBy = Date.now() + 90_000;
  for (;;) {
    if (serverExit) throw new Error(`the server exited early (${JSON.stringify(serverExit)}); see ${logFile}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > readyBy) throw new Error(`server not healthy after 90 s; see ${logFile}`);
    await sleep(250);
  }
  console.log(`${options.server === "next" ? "next start" : "scripts/serve.ts"} on ${origin} (pid ${server.pid}), log ${path.relative(process.cwd(), logFile)}`);

  // --- ledger checks ----------------------------------------------------------------------------
  const ledger: pg.Client = new pg.Client({ connectionString: database.url });
  await ledger.connect();
  onCleanup("close ledger client", () => ledger.end());
  const ledgerCounts = async () => {
    const records = await ledger.query<{ n: string }>(`SELECT count(*) AS n FROM "DecisionRecord" WHERE "apiKeyId" = $1`, [keyId]);
    const rollups = await ledger.query<{ n: string | null }>(`SELECT sum(requests) AS n FROM "UsageRollup" WHERE "apiKeyId" = $1`, [keyId]);
    return { records: Number(records.rows[0]?.n ?? 0), rollupRequests: Number(rollups.rows[0]?.n ?? 0) };
  };
  const recordBreakdown = async (sinceMs: number) => {
    const { rows } = await ledger.query<{ status: string; httpStatus: number; stream: boolean; errorCode: string | null; modelAlias: string | null; n: string }>(
      `SELECT status, "httpStatus", stream, "errorCode", "modelAlias", count(*) AS n FROM "DecisionRecord" WHERE "apiKeyId" = $1 AND "createdAt" >= to_timestamp($2 / 1000.0)
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC`,
      [keyId, sinceMs],
    );
    return rows.map((row) => ({ ...row, n: Number(row.n) }));
  };
  /** Polls until the records (and rollup requests) reach what was sent, or stop growing for 5 s. */
  const waitForLedger = async (expected: number, expectedRollup: number) => {
    const started = Date.now();
    let last = await ledgerCounts();
    let lastChange = Date.now();
    while (Date.now() - started < 120_000) {
      if (last.records >= expected && last.rollupRequests >= expectedRollup) break;
      if (Date.now() - lastChange > 5_000) break; // nothing moved for 5 s
      await sleep(100);
      const now = await ledgerCounts();
      if (now.records !== last.records || now.rollupRequests !== last.rollupRequests) lastChange = Date.now();
      last = now;
    }
    return { ...last, expected, expectedRollup, settledAfterMs: Date.now() - started, complete: last.records === expected && last.rollupRequests === expectedRollup };
  };

  /** What a client sends through: the bench key, and the feature routed to the local tier. */
  const throughHeaders = { authorization: `Bearer ${secret}`, "x-switchyard-feature": "support-summaries" };

  // One request through, to show where it goes.
  let probeRequests = 0;
  {
    const send = () =>
      fetch(`${origin}/api/v1/chat/completions`, {
        method: "POST",
        headers: { ...throughHeaders, "content-type": "application/json" },
        body: JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT }),
      });
    let probe = await send();
    let text = await probe.text();
    probeRequests = 1;
    // A server that has just started may shed load while it warms up (503 gateway_overloaded,
    // recorded like any answer); retry until it admits one.
    for (let attempt = 1; probe.status === 503 && text.includes("gateway_overloaded") && attempt < 20; attempt += 1) {
      await sleep(500);
      probe = await send();
      text = await probe.text();
      probeRequests += 1;
    }
    if (!probe.ok) throw new Error(`probe through the gateway failed: ${probe.status} ${text}`);
    console.log(`probe: ${probe.status}, tier ${probe.headers.get("x-switchyard-tier")}, model ${probe.headers.get("x-switchyard-model")}, decision ${probe.headers.get("x-switchyard-decision")}`);
    // Its record must reach the database, or every ledger check afterwards is meaningless.
    const probeLedger = await waitForLedger(probeRequests, probeRequests);
    if (probeLedger.records < probeRequests) {
      throw new Error(
        `the probe's decision record was not written (${probeLedger.records}/${probeRequests} after ${probeLedger.settledAfterMs} ms); see ${logFile}` +
          (stale ? " — the build is older than the sources: the migrations may not match it (run without BENCH_SKIP_BUILD)" : ""),
      );
    }
  }

  /**
   * Another instance on the same database (its own port, so its own journal folder), of the
   * same build or of `instanceDistDir` (bench/ab.ts); stopped with the rest at the end.
   */
  const startInstance = async (instancePort: number, instanceLog: string, instanceDistDir = distDir) => {
    const out = openSync(instanceLog, "a");
    const child = spawn(process.execPath, options.server === "next" ? [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(instancePort), "-H", "127.0.0.1"] : serverArgs(instancePort, "127.0.0.1"), {
      cwd: ROOT,
      env: childEnv({ ...serverEnv, PORT: String(instancePort), NEXTAUTH_URL: `http://127.0.0.1:${instancePort}`, NEXT_DIST_DIR: instanceDistDir }),
      stdio: ["ignore", out, out],
    });
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    onCleanup(`stop instance ${instancePort}`, async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      if (await Promise.race([gone.then(() => false), sleep(30_000).then(() => true)])) child.kill("SIGKILL");
    });
    for (const readyBy = Date.now() + 90_000; ; ) {
      if (child.exitCode !== null) throw new Error(`instance on ${instancePort} exited early; see ${instanceLog}`);
      if (await fetch(`http://127.0.0.1:${instancePort}/api/health/ready`).then((response) => response.ok).catch(() => false)) break;
      if (Date.now() > readyBy) throw new Error(`instance on ${instancePort} not ready after 90 s; see ${instanceLog}`);
      await sleep(250);
    }
    return { pid: child.pid!, port: instancePort, child, exited: gone };
  };

  return {
    database,
    distDir,
    startInstance,
    port,
    origin,
    secret,
    keyId,
    mockKey,
    mockPort,
    mock,
    mockControl,
    policyVersion,
    models,
    server,
    exited,
    serverExit: () => serverExit,
    logFile,
    stale,
    ledger,
    ledgerCounts,
    recordBreakdown,
    waitForLedger,
    throughHeaders,
    /** Requests the probe sent through (each leaves a record and a rollup request). */
    probeRequests,
  };
}
