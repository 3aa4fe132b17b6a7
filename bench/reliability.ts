// npx tsx bench/reliability.ts — the gateway as an operator stresses it, on the built server
// (`next start`) with a PostgreSQL server of its own (another port, stopped and started here;
// the shared one on 5432 is never touched) and the lean mock upstream:
//   1. journal: what appending a decision record to the local journal costs (in process)
//   2. outage: PostgreSQL stopped for BENCH_OUTAGE_SECONDS (60) under BENCH_OUTAGE_RATE (50) req/s
//   3. kill -9: the server killed under BENCH_KILL_RATE (100) req/s and restarted at once
//   4. overload: twice the capacity offered through HAProxy in front of the instance (as npm run
//      cluster lays it out): GATEWAY_MAX_IN_FLIGHT = HAProxy's maxconn = BENCH_MAX_IN_FLIGHT (128)
//      against a 1.5 s upstream: capacity ≈ 128 / 1.5 s ≈ 85 req/s, offered 170 req/s;
//      `overload-direct` (not run by default) offers the same straight to the instance.
// Each answered request's decision id is checked against the database afterwards. Prints a
// table per scenario and writes JSON to bench/results/. BENCH_SKIP_BUILD=1 reuses .next.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { haproxyConfig } from "../lib/cluster/haproxy-config";
import { childProcessEnv } from "../lib/env";
import { DecisionJournal } from "../lib/ledger/journal";
import type { DecisionRecordInput } from "../lib/ledger/record";
import { applyMigrations } from "../lib/testing/database";
import { createOwnPostgres, type OwnPostgres } from "../lib/testing/own-postgres";
import { serverArgs } from "../scripts/server-command";
import { errorsByKind, keepAliveAgent, openLoop, type Shot, type Target } from "./lib/load";
import { summarise, table } from "./lib/stats";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, "..");
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");
const settings = {
  outageSeconds: Number(process.env.BENCH_OUTAGE_SECONDS ?? 60),
  outageRate: Number(process.env.BENCH_OUTAGE_RATE ?? 50),
  killRate: Number(process.env.BENCH_KILL_RATE ?? 100),
  maxInFlight: Number(process.env.BENCH_MAX_IN_FLIGHT ?? 128),
  slowUpstreamMs: 1_500,
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  /** Which scenarios to run (comma-separated): journal,outage,kill,overload,overload-direct. */
  scenarios: new Set((process.env.BENCH_SCENARIOS ?? "journal,outage,kill,overload").split(",")),
};
const PG_PORT = 25_400 + (process.pid % 90);
const SERVER_PORT = 25_500 + (process.pid % 90);
const BALANCER_PORT = 25_600 + (process.pid % 90);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (part: number, whole: number) => (whole === 0 ? "—" : `${((100 * part) / whole).toFixed(2)} %`);

function journalCost() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-journal-"));
  const journal = new DecisionJournal({ dir, maxRecords: 1_000_000 });
  journal.open();
  const record = {
    id: "0193a0b2-0000-7000-8000-000000000000", createdAt: new Date(), apiKeyId: "ckey", apiKeyPrefix: "sy_abc", featureKey: "support-summaries", team: "Support", endpoint: "chat.completions",
    requestedModel: "auto", policyVersion: 12, dataClass: "internal", findings: [{ type: "email", count: 1 }], promptSha256: "a".repeat(64), prompt: null, difficulty: "routine", stream: false, dryRun: false,
    trace: Array.from({ length: 12 }, (_, index) => `Trace line ${index}: a sentence of the decision's explanation, as long as real ones are.`),
  } as unknown as DecisionRecordInput;
  const samples: number[] = [];
  for (let index = 0; index < 20_000; index++) {
    const started = performance.now();
    journal.append({ ...record, id: `0193a0b2-0000-7000-8000-${String(index).padStart(12, "0")}` });
    samples.push((performance.now() - started) * 1000);
  }
  journal.close();
  rmSync(dir, { recursive: true, force: true });
  const summary = summarise(samples.slice(2_000));
  return { bytesPerRecord: JSON.stringify(record).length, p50Us: summary.p50, p99Us: summary.p99, meanUs: summary.mean };
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const results: Record<string, unknown> = { stamp: STAMP, settings };
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanUp = async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch((error: unknown) => console.error("cleanup:", error));
  };
  process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    // --- 1. the journal's cost ---------------------------------------------------------------
    if (settings.scenarios.has("journal")) {
    const journal = journalCost();
    results.journal = journal;
    console.log(`\njournal append: p50 ${journal.p50Us.toFixed(1)} µs, p99 ${journal.p99Us.toFixed(1)} µs (${journal.bytesPerRecord} bytes per record)`);
    }

    // --- setup: own PostgreSQL, seed, mock, build, server ----------------------------------------
    const postgres: OwnPostgres = createOwnPostgres(PG_PORT);
    cleanups.push(() => postgres.destroy());
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE switchyard_bench_reliability");
    await admin.end();
    const databaseUrl = postgres.adminUrl.replace(/\/postgres$/, "/switchyard_bench_reliability");
    await applyMigrations(databaseUrl);
    const mockKey = `bench-mock-${Math.random().toString(36).slice(2)}`;
    const journalDir = mkdtempSync(path.join(os.tmpdir(), "switchyard-bench-reliability-"));
    cleanups.push(() => rmSync(journalDir, { recursive: true, force: true }));
    const serverEnv = {
      DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789", NEXTAUTH_URL: `http://127.0.0.1:${SERVER_PORT}`, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true",
      PORT: String(SERVER_PORT), BENCH_MOCK_KEY: mockKey, JOURNAL_DIR: journalDir, GATEWAY_MAX_IN_FLIGHT: String(settings.maxInFlight), SWITCHYARD_EMBEDDED_DB: undefined, REDIS_URL: undefined, NODE_OPTIONS: undefined as string | undefined,
    };
    const tsxCli = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const providerVariables = { OLLAMA_BASE_URL: undefined, TOGETHER_API_KEY: undefined, DEEPSEEK_API_KEY: undefined, GROQ_API_KEY: undefined, OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined };
    const seeded = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "prisma/seed.ts"], { cwd: ROOT, env: childProcessEnv({ ...serverEnv, ...providerVariables, SEED_ADMIN_PASSWORD: "bench-password-0123456789", SEED_USER_PASSWORD: "bench-password-0123456789" }), encoding: "utf8", timeout: 120_000 });
    if (seeded.status !== 0) throw new Error(`seed failed:\n${seeded.stdout}\n${seeded.stderr}`);
    const mock: ChildProcess = fork(path.join(BENCH_DIR, "mock-upstream.ts"), ["0", "0"], { execArgv: process.execArgv, env: childProcessEnv({ BENCH_MOCK_KEY: mockKey, NODE_OPTIONS: undefined }), stdio: ["ignore", "inherit", "inherit", "ipc"] });
    cleanups.push(() => void mock.kill("SIGTERM"));
    const mockPort = await new Promise<number>((resolve) => mock.once("message", (message: { port: number }) => resolve(message.port)));
    const setDelay = (delayMs: number) => fetch(`http://127.0.0.1:${mockPort}/__bench/config`, { method: "POST", body: JSON.stringify({ delayMs }) });
    const secret = `sy_bench_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    const configured = spawnSync(process.execPath, [tsxCli, "--conditions=react-server", path.join(BENCH_DIR, "lib/configure.ts")], { cwd: ROOT, env: childProcessEnv({ ...serverEnv, BENCH_MOCK_BASE_URL: `http://127.0.0.1:${mockPort}/v1`, BENCH_KEY_SECRET: secret }), encoding: "utf8", timeout: 120_000 });
    if (configured.status !== 0) throw new Error(`configure failed:\n${configured.stdout}\n${configured.stderr}`);
    if (!settings.skipBuild || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
      console.log("next build…");
      const built = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, env: childProcessEnv(serverEnv), stdio: "inherit", timeout: 900_000 });
      if (built.status !== 0) throw new Error("next build failed");
    }
    const logFile = path.join(RESULTS, `reliability-${STAMP}.server.log`);
    let server: ChildProcess | null = null;
    const startServer = async () => {
      const log = openSync(logFile, "a");
      const child = spawn(process.execPath, serverArgs(SERVER_PORT, "127.0.0.1"), { cwd: ROOT, env: childProcessEnv(serverEnv), stdio: ["ignore", log, log] });
      server = child;
      const startedAt = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the server exited; see ${logFile}`);
        const ready = await fetch(`http://127.0.0.1:${SERVER_PORT}/api/health/ready`).then((response) => response.status === 200).catch(() => false);
        if (ready) return Date.now() - startedAt;
        if (Date.now() - startedAt > 90_000) throw new Error(`server not ready after 90 s; see ${logFile}`);
        await sleep(100);
      }
    };
    const stopServer = async (signal: NodeJS.Signals) => {
      const child = server as ChildProcess | null;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await gone;
    };
    cleanups.push(() => stopServer("SIGTERM"));
    await startServer();

    const target: Target = { label: "gateway", host: "127.0.0.1", port: SERVER_PORT, path: "/api/v1/chat/completions", headers: { authorization: `Bearer ${secret}`, "x-switchyard-difficulty": "routine" } };
    const body = Buffer.from(JSON.stringify({ model: "auto", messages: [{ role: "user", content: "Summarise: the printer on floor 3 is jammed again." }] }));
    const ledgerIds = async (ids: string[]) => {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
      await client.connect();
      try {
        const rows = await client.query<{ id: string; n: string }>(`SELECT id::text AS id, count(*)::text AS n FROM "DecisionRecord" WHERE id = ANY($1::uuid[]) GROUP BY id`, [ids]);
        return new Map(rows.rows.map((row) => [row.id, Number(row.n)]));
      } finally {
        await client.end();
      }
    };
    const recordsCheck = async (shots: Shot[], withinMs: number) => {
      const ids = shots.filter((shot) => shot.decisionId && (shot.ok || shot.status === 503)).map((shot) => shot.decisionId!);
      const started = Date.now();
      let found = new Map<string, number>();
      while (Date.now() - started < withinMs) {
        found = await ledgerIds(ids).catch(() => found);
        if (found.size === ids.length) break;
        await sleep(500);
      }
      return { answered: ids.length, recorded: found.size, missing: ids.length - found.size, duplicated: [...found.values()].filter((count) => count > 1).length, catchUpMs: Date.now() - started };
    };
    await openLoop(keepAliveAgent(), target, body, { expect: "chat", timeoutMs: 10_000 }, 20, 3); // warm-up: keys and policy cached

    const latency = (shots: Shot[]) => summarise(shots.filter((shot) => shot.ok).map((shot) => shot.endAt - shot.scheduledAt));
    // --- 2. database outage ------------------------------------------------------------------
    if (settings.scenarios.has("outage")) {
    console.log(`\noutage: ${settings.outageSeconds} s without PostgreSQL under ${settings.outageRate} req/s…`);
    const outageStart = 10_000;
    const outageRun = openLoop(keepAliveAgent(), target, body, { expect: "chat", timeoutMs: 15_000 }, settings.outageRate, (outageStart + settings.outageSeconds * 1000 + 20_000) / 1000);
    await sleep(outageStart);
    postgres.stop();
    const stoppedAt = performance.now();
    await sleep(settings.outageSeconds * 1000);
    const waiting = await fetch(`http://127.0.0.1:${SERVER_PORT}/api/health`).then((response) => response.json() as Promise<{ gateway?: { recordsWaiting: number } }>);
    postgres.start();
    const restartedAt = performance.now();
    const outage = await outageRun;
    const during = outage.shots.filter((shot) => shot.scheduledAt >= stoppedAt && shot.scheduledAt < restartedAt);
    const outageRecords = await recordsCheck(outage.shots, 60_000);
    results.outage = {
      requests: outage.shots.length, ok: outage.shots.filter((shot) => shot.ok).length, duringOutage: during.length, okDuringOutage: during.filter((shot) => shot.ok).length,
      errors: errorsByKind(outage.shots), recordsWaitingAtEnd: waiting.gateway?.recordsWaiting ?? null, latencyDuring: latency(during), latencyAll: latency(outage.shots), records: outageRecords,
    };
    console.log(table([
      ["requests", "ok", "during outage", "ok during", "p50 during (ms)", "p99 during (ms)", "records waiting at restart", "answered → recorded", "catch-up"],
      [outage.shots.length, pct(outage.shots.filter((shot) => shot.ok).length, outage.shots.length), during.length, pct(during.filter((shot) => shot.ok).length, during.length), latency(during).p50.toFixed(1), latency(during).p99.toFixed(1), waiting.gateway?.recordsWaiting ?? "?", `${outageRecords.answered} → ${outageRecords.recorded} (${outageRecords.duplicated} twice)`, `${(outageRecords.catchUpMs / 1000).toFixed(1)} s`],
    ]));

    }

    // --- 3. kill -9 under load ---------------------------------------------------------------
    if (settings.scenarios.has("kill")) {
    console.log(`\nkill -9 under ${settings.killRate} req/s, then restart…`);
    const killRun = openLoop(keepAliveAgent(), target, body, { expect: "chat", timeoutMs: 10_000 }, settings.killRate, 20);
    await sleep(8_000);
    await stopServer("SIGKILL");
    const restartMs = await startServer();
    const killed = await killRun;
    const killRecords = await recordsCheck(killed.shots, 60_000);
    results.kill = { requests: killed.shots.length, ok: killed.shots.filter((shot) => shot.ok).length, errors: errorsByKind(killed.shots), restartMs, records: killRecords };
    console.log(table([
      ["requests", "answered", "failed (in flight or during restart)", "restart to ready", "answered → recorded", "twice"],
      [killed.shots.length, killRecords.answered, killed.shots.length - killed.shots.filter((shot) => shot.ok).length, `${(restartMs / 1000).toFixed(1)} s`, `${killRecords.answered} → ${killRecords.recorded}`, killRecords.duplicated],
    ]));

    }

    // --- 4. twice the capacity -------------------------------------------------------------------
    const overloadRun = async (label: string, overloadTarget: Target) => {
      await setDelay(settings.slowUpstreamMs);
      const capacity = settings.maxInFlight / (settings.slowUpstreamMs / 1000);
      const offered = Math.round(capacity * 2);
      console.log(`\n${label}: ${offered} req/s offered against a ${settings.slowUpstreamMs} ms upstream (capacity ≈ ${capacity.toFixed(0)} req/s: ${settings.maxInFlight} in flight)…`);
      const overload = await openLoop(keepAliveAgent(), overloadTarget, body, { expect: "chat", timeoutMs: 20_000 }, offered, 10);
      await setDelay(0);
      const refused = overload.shots.filter((shot) => shot.status === 503);
      const connectionErrors = overload.shots.filter((shot) => shot.status === null);
      const records = await recordsCheck(overload.shots.filter((shot) => shot.ok), 60_000);
      const refusedLatency = summarise(refused.map((shot) => shot.endAt - shot.scheduledAt));
      results[label] = {
        offered, capacity, requests: overload.shots.length, ok: overload.shots.filter((shot) => shot.ok).length, refused503: refused.length, refusedWithRetryAfter: refused.filter((shot) => shot.retryAfter !== null).length,
        connectionErrors: connectionErrors.length, errors: errorsByKind(overload.shots), maxSendLagMs: overload.maxSendLagMs, okLatency: latency(overload.shots), refusedLatency, records,
      };
      console.log(table([
        ["offered", "requests", "ok", "503 (with retry-after)", "connection errors", "ok p50 / p99 (ms)", "503 p50 / p99 (ms)", "admitted → recorded", "client lag max (ms)"],
        [`${offered}/s`, overload.shots.length, overload.shots.filter((shot) => shot.ok).length, `${refused.length} (${refused.filter((shot) => shot.retryAfter !== null).length})`, connectionErrors.length, `${latency(overload.shots).p50.toFixed(0)} / ${latency(overload.shots).p99.toFixed(0)}`, `${refusedLatency.p50.toFixed(0)} / ${refusedLatency.p99.toFixed(0)}`, `${records.answered} → ${records.recorded}`, overload.maxSendLagMs.toFixed(0)],
      ]));
    };
    if (settings.scenarios.has("overload")) {
      // The recommended layout: HAProxy in front (as npm run cluster starts it, here with one instance).
      const config = path.join(journalDir, "haproxy.cfg");
      writeFileSync(config, haproxyConfig({ bind: `127.0.0.1:${BALANCER_PORT}`, instances: [`127.0.0.1:${SERVER_PORT}`], maxConnPerInstance: settings.maxInFlight }));
      const balancer = spawn("/usr/sbin/haproxy", ["-db", "-f", config], { stdio: "ignore" });
      cleanups.push(() => void balancer.kill("SIGKILL"));
      await sleep(1_500);
      await overloadRun("overload", { ...target, port: BALANCER_PORT });
      balancer.kill("SIGKILL");
    }
    // The same offered load straight at the instance, for comparison: what a lone process does.
    if (settings.scenarios.has("overload-direct")) await overloadRun("overload-direct", target);

    const file = path.join(RESULTS, `reliability-${STAMP}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
