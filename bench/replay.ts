// bench/replay.ts — What-if: replaying a draft policy on 100k and 1M past decision records.
//
//   npx tsx bench/replay.ts                      (re-runs itself with --conditions=react-server)
//
// Needs a database holding at least 1M decision records with replay inputs, made by the traffic
// generator (never the dev database — see bench/README.md "What-if replay" for the commands):
// REPLAY_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/switchyard_replay_bench.
// The draft replayed is the published policy with hosted-open prices 30 % lower (a price draft
// changes costs and, through cost order, some choices). Each size: one warm-up, then BENCH_RUNS
// timed runs of runWhatIf — the whole path: count, keyset pages read ahead, grouping, decide(),
// pricing. A read-only pass (the same pages, no replay) says how much of it is the database.
// Results: printed, and written to bench/results/replay-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { rerunWithReactServer } from "./lib/react-server";
import { loadLine, machineInfo } from "./lib/machine";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const RESULTS = path.join(BENCH_DIR, "results");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);

async function main() {
  process.env.DATABASE_URL = process.env.REPLAY_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/switchyard_replay_bench";
  const { getDb, disconnectDb } = await import("../lib/db");
  const { runWhatIf } = await import("../lib/replay/run-what-if");
  const { loadReplayPolicy } = await import("../lib/replay/policy-source");
  const { recordSlices } = await import("../lib/replay/load-records");
  const { Replay } = await import("../lib/replay/replay");
  const db = getDb();
  const latest = await db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  if (!latest) throw new Error("The bench database has no published policy: seed it first (bench/README.md).");
  const published = await loadReplayPolicy({ kind: "version", number: latest.number });
  const draft = structuredClone(published);
  draft.label = "published policy, hosted-open prices −30 %";
  for (const model of draft.snapshot.models) {
    if (model.tierKey !== "hosted-open") continue;
    if (model.inputPricePerMTok !== null) model.inputPricePerMTok *= 0.7;
    if (model.outputPricePerMTok !== null) model.outputPricePerMTok *= 0.7;
  }
  const [newest] = await db.$queryRaw<Array<{ at: Date }>>`SELECT max("createdAt") AS at FROM "DecisionRecord" WHERE "replayInput" IS NOT NULL`;
  const now = new Date(newest!.at.getTime() + 1);
  const results = [];
  console.log(`Machine: ${loadLine()}`);
  for (const size of SIZES) {
    const [start] = await db.$queryRaw<Array<{ at: Date }>>`
      SELECT "createdAt" AS at FROM "DecisionRecord" WHERE "replayInput" IS NOT NULL AND NOT "dryRun" AND "dataClass" <> 'unclassified'
      ORDER BY "createdAt" DESC, id DESC OFFSET ${size - 1} LIMIT 1`;
    if (!start) throw new Error(`The bench database holds fewer than ${size} replayable records.`);
    // On a whole hour, so the hourly rollups' estimate (which decides sampling) is exact: the window
    // holds just under `size` records.
    const from = new Date(Math.ceil(start.at.getTime() / 3_600_000) * 3_600_000);
    const timed: number[] = [];
    let summary = null;
    let updates = 0;
    for (let run = 0; run <= RUNS; run++) {
      updates = 0;
      const started = performance.now();
      const result = await runWhatIf({ source: draft, days: 90, now, from }, () => void updates++);
      const ms = performance.now() - started;
      if (run > 0) timed.push(ms);
      summary = result.summary;
    }
    let readOnly = 0;
    const readStarted = performance.now();
    let rowsRead = 0;
    const slices = [];
    for await (const page of recordSlices({ from, to: now, every: 1 }, { withPrompt: false, priceThresholds: [], sliceHours: 6, dials: new Map() })) {
      readOnly += page.reduce((sum, record) => sum + record.count, 0);
      rowsRead += page.length;
      slices.push(page);
    }
    const readMs = performance.now() - readStarted;
    // The pure replay alone (grouping, decide(), pricing) over the rows just read: Node's share.
    const pureStarted = performance.now();
    const pure = new Replay(draft.snapshot, { checkedKeywords: () => new Set() });
    for (const page of slices) pure.add(page);
    pure.summary();
    const pureMs = performance.now() - pureStarted;
    const row = {
      records: summary!.replayed,
      groups: summary!.groups,
      runs: timed,
      medianMs: [...timed].sort((a, b) => a - b)[Math.floor(timed.length / 2)]!,
      readOnlyMs: readMs,
      readOnlyRecords: readOnly,
      rowsRead,
      pureReplayMs: pureMs,
      progressUpdates: updates,
      changedTier: summary!.changedTier,
      changedModel: summary!.changedModel,
      actualCostUsd: summary!.actualCostUsd,
      replayCostUsd: summary!.replayCostUsd,
    };
    results.push(row);
    console.log(
      `${row.records.toLocaleString("en-US")} records: median ${(row.medianMs / 1000).toFixed(2)} s over ${RUNS} runs (${timed.map((ms) => (ms / 1000).toFixed(2)).join(", ")}), ` +
        `${Math.round(row.records / (row.medianMs / 1000)).toLocaleString("en-US")} records/s, ${row.groups} groups, read alone ${(readMs / 1000).toFixed(2)} s (${rowsRead.toLocaleString("en-US")} grouped rows), pure replay ${Math.round(pureMs)} ms, ${updates} progress updates; ` +
        `tier changes ${row.changedTier}, cost $${row.actualCostUsd.toFixed(2)} → $${row.replayCostUsd.toFixed(2)}`,
    );
  }
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `replay-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: machineInfo(), load: loadLine(), runs: RUNS, results }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  await disconnectDb();
}

if (!rerunWithReactServer()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
