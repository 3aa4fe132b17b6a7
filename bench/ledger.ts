// bench/ledger.ts — what the write-behind ledger costs: writeDecisionBatch (the gateway's batch
// writer: one transaction with createMany, the rollup upsert and the key's last-used time) for
// batches of 1 to 500 realistic records, on a scratch database. The gateway flushes every 100 ms,
// so at concurrency 1 batches hold a few records and at 500 req/s about 50.
//
//   npx tsx bench/ledger.ts        (BENCH_LEDGER_BATCHES=1,10,50,200,500 BENCH_LEDGER_RECORDS=3000;
//                                   BENCH_LEDGER_ALS=1 runs the writer inside an AsyncLocalStorage, as under Next;
//                                   BENCH_LEDGER_VARY=1 varies each batch's size around the nominal one, as real flushes do)
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const ROOT = path.resolve(BENCH_DIR, "..");

async function main() {
  const { applyMigrations, createScratchDatabase, DEFAULT_ADMIN_URL } = await import("@/lib/testing/database");
  const { table } = await import("./lib/stats");
  const { loadLine, machineInfo } = await import("./lib/machine");
  const database = await createScratchDatabase("switchyard_bench", process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL);
  const drop = () => database.drop().catch((error: unknown) => console.error("could not drop", database.name, error));
  process.once("SIGINT", () => void drop().finally(() => process.exit(130)));
  process.once("SIGTERM", () => void drop().finally(() => process.exit(143)));
  try {
    await applyMigrations(database.url);
    console.log(`Ledger benchmark — ${loadLine()}; database ${database.name}`);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
    delete env.NODE_OPTIONS;
    const worker = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(BENCH_DIR, "lib/ledger-worker.ts")], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      timeout: 600_000,
    });
    if (worker.status !== 0) throw new Error(`ledger worker failed (exit ${worker.status}):\n${worker.stdout}\n${worker.stderr}`);
    const result = JSON.parse(worker.stdout.trim().split("\n").pop()!) as {
      recordJsonBytes: number;
      results: Array<{ batchSize: number; batches: number; wallMsPerBatch: { p50: number; p99: number; mean: number }; nodeCpuMsPerBatch: number; nodeCpuMsPerRecord: number; postgresCpuMsPerRecord: number }>;
    };
    console.log(`one record ≈ ${result.recordJsonBytes.toLocaleString("en-US")} bytes as JSON (trace, candidates, rejections)`);
    console.log(
      table([
        ["batch size", "batches", "wall p50 ms", "wall p99 ms", "node CPU ms/batch", "node CPU ms/record", "postgres CPU ms/record"],
        ...result.results.map((r) => [r.batchSize, r.batches, r.wallMsPerBatch.p50, r.wallMsPerBatch.p99, r.nodeCpuMsPerBatch, r.nodeCpuMsPerRecord, r.postgresCpuMsPerRecord]),
      ]),
    );
    const out = path.join(BENCH_DIR, "results", `ledger-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify({ benchmark: "ledger", machine: machineInfo(), ...result }, null, 2));
    console.log(`${loadLine()} at the end. Results: ${path.relative(process.cwd(), out)}`);
  } finally {
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
