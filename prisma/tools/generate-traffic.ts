// npm run db:generate-traffic -- --requests 10000000 --days 90
//
// Writes realistic synthetic decision records (synthetic = true) straight into the database, with
// their hourly and daily rollups, for dashboards, audits and scale tests. The request mix comes
// from generate-traffic-scenarios.ts: request shapes decided by the real policy engine under the
// published policy, so traces, candidates, escalation reasons and refusals are true to the router;
// costs use the published prices and the baseline model's. Rows are made by the database itself,
// one UTC day per statement: generate_series draws the requests of each hour (a weekday/daytime
// curve with growth), picks a scenario per row, draws tokens and latencies, inserts, and folds
// the inserted rows into both rollup tables in the same statement. No per-row round trips.
//
// Options: --requests N (100000)  --days D (30)  --end ISO time (now)  --unpriced-share S (0.03)
//          --seed X (0..1, repeatable randomness)  --skip-if-present (do nothing when synthetic
//          records exist already: lets several test files ask for traffic without doubling it)
// Undo: npm run db:delete-synthetic (prisma/tools/delete-synthetic.ts).
import crypto from "node:crypto";
import pg from "pg";
import { env } from "../../lib/env";
import { LATENCY_BUCKET_BOUNDS_MS, BUCKET_COUNT } from "../../lib/ledger/histogram";
import type { PolicySnapshot } from "../../lib/routing/types";
import { baselinePrices, buildTrafficScenarios, type TrafficScenario } from "./generate-traffic-scenarios";

export interface GenerateOptions {
  requests: number;
  days: number;
  end: Date;
  unpricedShare: number;
  seed: number | null;
  skipIfPresent?: boolean;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Share of a feature's requests sent with the shared batch key instead of the feature's own key. */
const SHARED_KEY_SHARE = 0.2;

export function parseArgs(argv: string[]): GenerateOptions {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ""));
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
    return parsed;
  };
  const end = value("end") ? new Date(value("end")!) : new Date();
  if (Number.isNaN(end.getTime())) throw new Error(`--end must be a date, got ${value("end")}`);
  const seed = value("seed") === undefined ? null : number("seed", 0);
  if (seed !== null && seed > 1) throw new Error("--seed must be between 0 and 1");
  const requests = Math.round(number("requests", 100_000));
  const days = number("days", 30);
  if (requests < 1 || days <= 0) throw new Error("--requests and --days must be positive");
  return { requests, days, end, unpricedShare: number("unpriced-share", 0.03), seed, skipIfPresent: argv.includes("--skip-if-present") };
}

/**
 * How many requests each hour gets: a daytime curve (busiest 13–17 UTC, when Europe and the US
 * overlap), quieter weekends, traffic growing ~40% over the range, ±8% noise. Sums to `total`.
 */
export function hourlyCounts(start: Date, hours: number, total: number, random: () => number = Math.random): number[] {
  const weights: number[] = [];
  for (let i = 0; i < hours; i++) {
    const at = new Date(start.getTime() + i * HOUR_MS);
    const hour = at.getUTCHours();
    const daytime = 0.25 + Math.exp(-((hour - 15) ** 2) / 18);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6 ? 0.45 : 1;
    const growth = 1 + 0.4 * (i / Math.max(1, hours - 1));
    weights.push(daytime * weekend * growth * (0.92 + 0.16 * random()));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  // Largest remainders get the leftover requests, so the total is exact.
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (left <= 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}

/** mulberry32: a small deterministic PRNG, so --seed repeats the hourly curve too. */
function seededRandom(seed: number): () => number {
  let state = Math.floor(seed * 2 ** 32) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function latestSnapshot(client: pg.Client): Promise<PolicySnapshot> {
  const { rows } = await client.query<{ snapshot: PolicySnapshot }>(`SELECT snapshot FROM "PolicyVersion" ORDER BY number DESC LIMIT 1`);
  if (!rows[0]) throw new Error("No published policy: run `npm run db:seed` first.");
  return rows[0].snapshot;
}

interface SyntheticKey {
  id: string;
  prefix: string;
}

/** One key per feature plus a shared batch key, all marked as synthetic by name and id; their secrets are never known. */
async function ensureSyntheticKeys(client: pg.Client, snapshot: PolicySnapshot): Promise<{ byFeature: Map<string, SyntheticKey>; shared: SyntheticKey }> {
  const byFeature = new Map<string, SyntheticKey>();
  const upsert = async (id: string, prefix: string, name: string, defaultFeatureKey: string | null) => {
    await client.query(
      `INSERT INTO "ApiKey" (id, name, prefix, hash, "defaultFeatureKey") VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [id, name, prefix, crypto.createHash("sha256").update(crypto.randomBytes(32)).digest("hex"), defaultFeatureKey],
    );
    return { id, prefix };
  };
  const { rows: features } = await client.query<{ id: string; key: string }>(`SELECT id, key FROM "Feature" ORDER BY key`);
  const featureIds = new Map(features.map((row) => [row.key, row.id]));
  let n = 0;
  for (const feature of snapshot.features) {
    n += 1;
    const key = await upsert(`synthetic-key-${feature.key}`, `sy_syn${String(n).padStart(2, "0")}`, `Synthetic traffic · ${feature.name}`, feature.key);
    byFeature.set(feature.key, key);
    const featureId = featureIds.get(feature.key);
    if (featureId) await client.query(`INSERT INTO "ApiKeyFeature" ("apiKeyId", "featureId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key.id, featureId]);
  }
  const shared = await upsert("synthetic-key-shared", "sy_syn00", "Synthetic traffic · shared batch key", null);
  for (const featureId of featureIds.values()) {
    await client.query(`INSERT INTO "ApiKeyFeature" ("apiKeyId", "featureId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [shared.id, featureId]);
  }
  return { byFeature, shared };
}

const SCENARIO_COLUMNS = [
  "id int PRIMARY KEY",
  "hi float8 NOT NULL",
  "feature_key text",
  "team text",
  "requested_model text NOT NULL",
  "policy_version int",
  "data_class text NOT NULL",
  "findings jsonb NOT NULL",
  "replay_input jsonb",
  "difficulty text",
  "stream boolean NOT NULL",
  "dry_run boolean NOT NULL",
  "est_tokens int NOT NULL",
  "output_median int NOT NULL",
  "tier_key text",
  "model_alias text",
  "provider_key text",
  "escalation_reason text",
  "candidates jsonb NOT NULL",
  "rejected jsonb NOT NULL",
  "trace jsonb NOT NULL",
  "fallbacks jsonb NOT NULL",
  `status "DecisionStatus" NOT NULL`,
  "http_status int NOT NULL",
  "error_code text",
  "refusal_constraint text",
  "usage boolean NOT NULL",
  "in_price numeric",
  "out_price numeric",
  "attempt_latency int NOT NULL",
  "ttft_median float8",
  "per_token float8",
  "key_id text",
  "key_prefix text",
];

function scenarioRow(scenario: TrafficScenario, id: number, hi: number, key: SyntheticKey | undefined): unknown[] {
  return [
    id,
    hi,
    scenario.featureKey,
    scenario.team,
    scenario.requestedModel,
    scenario.policyVersion,
    scenario.dataClass,
    JSON.stringify(scenario.findings),
    scenario.replayInput === null ? null : JSON.stringify(scenario.replayInput),
    scenario.difficulty,
    scenario.stream,
    scenario.dryRun,
    scenario.estimatedInputTokens,
    scenario.outputMedian,
    scenario.tierKey,
    scenario.modelAlias,
    scenario.providerKey,
    scenario.escalationReason,
    JSON.stringify(scenario.candidates),
    JSON.stringify(scenario.rejected),
    JSON.stringify(scenario.trace),
    JSON.stringify(scenario.fallbacks),
    scenario.status,
    scenario.httpStatus,
    scenario.errorCode,
    scenario.refusalConstraint,
    scenario.usage,
    scenario.inputPrice,
    scenario.outputPrice,
    scenario.attemptLatencyMs,
    scenario.ttftMedianMs,
    scenario.perTokenMs,
    key?.id ?? null,
    key?.prefix ?? null,
  ];
}

async function loadScenarios(client: pg.Client, scenarios: TrafficScenario[], keys: Awaited<ReturnType<typeof ensureSyntheticKeys>>) {
  await client.query(`DROP TABLE IF EXISTS syn_scenario`);
  await client.query(`CREATE TEMP TABLE syn_scenario (${SCENARIO_COLUMNS.join(", ")})`);
  const width = SCENARIO_COLUMNS.length;
  const batch = Math.floor(60_000 / width);
  let cumulative = 0;
  const rows = scenarios.map((scenario, index) => {
    cumulative += scenario.weight;
    // The last scenario closes the interval at 1 exactly, whatever the float sum says.
    const hi = index === scenarios.length - 1 ? 1.0000001 : cumulative;
    return scenarioRow(scenario, index + 1, hi, scenario.featureKey ? keys.byFeature.get(scenario.featureKey) : undefined);
  });
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const placeholders = slice.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`);
    await client.query(`INSERT INTO syn_scenario VALUES ${placeholders.join(", ")}`, slice.flat());
  }
  await client.query(`CREATE INDEX ON syn_scenario (hi)`);
  await client.query(`ANALYZE syn_scenario`);
}

const bucketArray = (column: string) => `ARRAY[${Array.from({ length: BUCKET_COUNT }, (_, i) => `COUNT(*) FILTER (WHERE ${column} = ${i})`).join(", ")}]::int[]`;
const DIMENSIONS = `"featureKey", endpoint, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", "refusalConstraint", "fallbackCause", synthetic`;
const ADD = (table: string) => `
  requests = ${table}.requests + EXCLUDED.requests,
  fallbacks = ${table}.fallbacks + EXCLUDED.fallbacks,
  "unpricedRequests" = ${table}."unpricedRequests" + EXCLUDED."unpricedRequests",
  "inputTokens" = ${table}."inputTokens" + EXCLUDED."inputTokens",
  "outputTokens" = ${table}."outputTokens" + EXCLUDED."outputTokens",
  "costUsd" = ${table}."costUsd" + EXCLUDED."costUsd",
  "baselineCostUsd" = ${table}."baselineCostUsd" + EXCLUDED."baselineCostUsd",
  "latencyMsSum" = ${table}."latencyMsSum" + EXCLUDED."latencyMsSum",
  "latencyBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest(${table}."latencyBuckets", EXCLUDED."latencyBuckets") AS u(a, b)),
  "ttftBuckets" = ARRAY(SELECT COALESCE(a, 0) + COALESCE(b, 0) FROM unnest(${table}."ttftBuckets", EXCLUDED."ttftBuckets") AS u(a, b))`;
const TOTALS = `COUNT(*), COUNT(*) FILTER (WHERE fell_back), COUNT(*) FILTER (WHERE status IN ('success', 'fallback_success') AND "costUsd" IS NULL),
  COALESCE(SUM("inputTokens"), 0), COALESCE(SUM("outputTokens"), 0), COALESCE(SUM("costUsd"), 0), COALESCE(SUM("baselineCostUsd"), 0), SUM("latencyMs"),
  ${bucketArray("lb")}, ${bucketArray("tb")}`;
const TOTAL_COLUMNS = `requests, fallbacks, "unpricedRequests", "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencyMsSum", "latencyBuckets", "ttftBuckets"`;

/**
 * The surface each synthetic request came in on: mostly the OpenAI-compatible chat completions,
 * then coding agents on Anthropic Messages (Claude Code) and Responses (Codex, the Agents SDK),
 * then the native endpoint. (Embeddings are left out: the scenarios are chat decisions.)
 */
export const ENDPOINT_SHARES = [
  ["chat.completions", 0.55],
  ["messages", 0.18],
  ["responses", 0.12],
  ["route", 0.15],
] as const;
const ENDPOINT_PICK = (() => {
  let upTo = 0;
  const arms = ENDPOINT_SHARES.slice(0, -1).map(([endpoint, share]) => `WHEN r_endpoint < ${(upTo += share).toFixed(4)} THEN '${endpoint}'`);
  return `CASE ${arms.join(" ")} ELSE '${ENDPOINT_SHARES.at(-1)![0]}' END`;
})();

/**
 * One UTC day of traffic: $1 hours, $2 requests per hour, $3/$4 the shared key, $5/$6 the baseline
 * prices, $7 the latency bucket bounds. Inserts the records and adds them to both rollup tables.
 */
const DAY_SQL = `
WITH base AS (
  SELECT date_trunc('milliseconds', h.hour + random() * interval '1 hour') AS created_at,
         random() AS r_pick, random() AS r_key, random() AS r_endpoint, random() AS r_tokens, random() AS r_noise,
         sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z_out,
         sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS z_lat,
         replace(gen_random_uuid()::text, '-', '') AS g
  FROM unnest($1::timestamptz[], $2::int[]) AS h(hour, n), generate_series(1, h.n)
),
picked AS (
  SELECT b.*, (SELECT id FROM syn_scenario s WHERE s.hi > b.r_pick ORDER BY s.hi LIMIT 1) AS sid FROM base b
),
drawn AS (
  SELECT p.*, s.*,
    CASE WHEN s.usage THEN GREATEST(1, round(s.est_tokens * (0.85 + 0.3 * p.r_tokens)))::int END AS in_tok,
    CASE WHEN s.usage THEN LEAST(8192, GREATEST(1, round(s.output_median * exp(0.6 * p.z_out))))::int END AS out_tok,
    CASE WHEN s.ttft_median IS NOT NULL THEN round(s.ttft_median * exp(0.35 * p.z_lat) + 4 + 12 * p.r_noise)::int END AS first_ms
  FROM picked p JOIN syn_scenario s ON s.id = p.sid
),
timed AS (
  SELECT d.*,
    CASE
      WHEN d.dry_run THEN 2 + round(12 * d.r_noise)::int
      WHEN d.first_ms IS NOT NULL THEN d.attempt_latency + d.first_ms
        + round(COALESCE(d.out_tok, d.output_median / 2) * d.per_token * (0.8 + 0.4 * d.r_tokens))::int
      WHEN d.status = 'error' THEN d.attempt_latency + 6 + round(20 * d.r_noise)::int
      ELSE 3 + round(25 * d.r_noise)::int
    END AS latency
  FROM drawn d
),
rows AS (
  SELECT
    (lpad(to_hex((extract(epoch FROM created_at) * 1000)::bigint), 12, '0') || '7' || substr(g, 14, 3) || substr(g, 17, 16))::uuid AS record_id,
    CASE WHEN key_id IS NOT NULL AND r_key >= ${SHARED_KEY_SHARE} THEN key_id ELSE $3 END AS api_key_id,
    CASE WHEN key_id IS NOT NULL AND r_key >= ${SHARED_KEY_SHARE} THEN key_prefix ELSE $4 END AS api_key_prefix,
    t.*,
    CASE WHEN in_tok IS NOT NULL AND in_price IS NOT NULL THEN round((in_tok * in_price + out_tok * out_price) / 1000000, 8) END AS cost,
    CASE WHEN in_tok IS NOT NULL AND $5::numeric IS NOT NULL THEN round((in_tok * $5::numeric + out_tok * $6::numeric) / 1000000, 8) END AS baseline
  FROM timed t
),
ins AS (
  INSERT INTO "DecisionRecord" (id, "createdAt", "apiKeyId", "apiKeyPrefix", "featureKey", team, endpoint, "requestedModel", "policyVersion", "dataClass",
    findings, "promptSha256", prompt, difficulty, stream, "dryRun", "estimatedInputTokens", "requestedOutputTokens", "inputTokens", "outputTokens",
    "tierKey", "modelAlias", "providerKey", "escalationReason", candidates, rejected, trace, fallbacks, status, "httpStatus", "errorCode",
    "refusalConstraint", "latencyMs", "ttftMs", "costUsd", "baselineCostUsd", synthetic, "replayInput")
  SELECT record_id, created_at, api_key_id, api_key_prefix, feature_key, team, ${ENDPOINT_PICK}, requested_model,
    policy_version, data_class, findings, encode(sha256(g::bytea), 'hex'), NULL, difficulty, stream, dry_run, est_tokens, NULL, in_tok, out_tok,
    tier_key, model_alias, provider_key, escalation_reason, candidates, rejected, trace, fallbacks, status, http_status, error_code,
    refusal_constraint, latency,
    CASE WHEN first_ms IS NULL OR dry_run THEN NULL WHEN stream THEN attempt_latency + first_ms ELSE latency END,
    cost, baseline, true, replay_input
  FROM rows ORDER BY created_at
  RETURNING "createdAt", "featureKey", team, endpoint, "tierKey", "modelAlias", "apiKeyId", "dataClass", status, "escalationReason", "refusalConstraint",
    fallbacks, "dryRun", "costUsd", "baselineCostUsd", "inputTokens", "outputTokens", "latencyMs", "ttftMs"
),
facts AS (
  SELECT date_trunc('hour', "createdAt") AS hour, COALESCE("featureKey", '') AS "featureKey", COALESCE(team, '') AS team, endpoint, COALESCE("tierKey", '') AS "tierKey",
    COALESCE("modelAlias", '') AS "modelAlias", COALESCE("apiKeyId", '') AS "apiKeyId", "dataClass", status, COALESCE("escalationReason", '') AS "escalationReason",
    COALESCE("refusalConstraint", '') AS "refusalConstraint", COALESCE(fallbacks -> 0 ->> 'errorKind', '') AS "fallbackCause", true AS synthetic,
    jsonb_array_length(fallbacks) > 0 AS fell_back, "costUsd", "baselineCostUsd", "inputTokens", "outputTokens", "latencyMs",
    width_bucket("latencyMs" - 1, $7::int[]) AS lb, CASE WHEN "ttftMs" IS NOT NULL THEN width_bucket("ttftMs" - 1, $7::int[]) END AS tb
  FROM ins WHERE NOT "dryRun"
),
hourly AS (
  INSERT INTO "UsageRollup" AS t (id, hour, ${DIMENSIONS}, team, ${TOTAL_COLUMNS})
  SELECT gen_random_uuid()::text, hour, ${DIMENSIONS}, MAX(team), ${TOTALS}
  FROM facts GROUP BY hour, ${DIMENSIONS}
  ON CONFLICT (hour, ${DIMENSIONS}) DO UPDATE SET ${ADD("t")}
  RETURNING 1
),
daily AS (
  INSERT INTO "DailyUsageRollup" AS t (day, ${DIMENSIONS}, team, ${TOTAL_COLUMNS})
  SELECT (hour AT TIME ZONE 'UTC')::date, ${DIMENSIONS}, MAX(team), ${TOTALS}
  FROM facts GROUP BY 1, ${DIMENSIONS}
  ON CONFLICT (day, ${DIMENSIONS}) DO UPDATE SET ${ADD("t")}
  RETURNING 1
)
SELECT (SELECT COUNT(*) FROM ins)::int AS records, (SELECT COUNT(*) FROM hourly)::int AS hourly, (SELECT COUNT(*) FROM daily)::int AS daily`;

const formatInt = (value: number) => new Intl.NumberFormat("en-US").format(value);

export async function generateTraffic(options: GenerateOptions, log: (line: string) => void = console.log): Promise<{ records: number; seconds: number }> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through `npm run db:generate-traffic` (prisma/tools/with-database.ts).");
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(`SET TIME ZONE 'UTC'`);
    // Losing the last moments of a synthetic run in a crash is harmless; waiting for each flush is not.
    await client.query(`SET synchronous_commit = off`);
    if (options.skipIfPresent) {
      const { rowCount } = await client.query(`SELECT 1 FROM "DecisionRecord" WHERE synthetic LIMIT 1`);
      if (rowCount) {
        log("Synthetic traffic is present already; nothing generated (--skip-if-present).");
        return { records: 0, seconds: 0 };
      }
    }
    if (options.seed !== null) await client.query(`SELECT setseed($1)`, [options.seed * 2 - 1]);
    const snapshot = await latestSnapshot(client);
    const keys = await ensureSyntheticKeys(client, snapshot);
    const scenarios = buildTrafficScenarios(snapshot, options.end, { unpricedShare: options.unpricedShare });
    await loadScenarios(client, scenarios, keys);
    const baseline = baselinePrices(snapshot);
    log(`Policy version ${snapshot.version}: ${formatInt(scenarios.length)} request scenarios decided by the policy engine; baseline ${snapshot.baselineModelAlias ?? "none"}.`);

    const endHour = Math.floor(options.end.getTime() / HOUR_MS) * HOUR_MS;
    const hours = Math.max(1, Math.round(options.days * 24));
    const start = new Date(endHour - hours * HOUR_MS);
    const counts = hourlyCounts(start, hours, options.requests, options.seed === null ? Math.random : seededRandom(options.seed));
    // Group hours into UTC days: one statement (and one transaction) per day.
    const days = new Map<number, { hours: string[]; counts: number[] }>();
    counts.forEach((count, i) => {
      const at = start.getTime() + i * HOUR_MS;
      const day = Math.floor(at / DAY_MS);
      const entry = days.get(day) ?? { hours: [], counts: [] };
      entry.hours.push(new Date(at).toISOString());
      entry.counts.push(count);
      days.set(day, entry);
    });
    log(`Writing ${formatInt(options.requests)} records from ${start.toISOString()} to ${new Date(endHour).toISOString()} (${days.size} days)…`);
    let written = 0;
    let dayIndex = 0;
    for (const [day, entry] of days) {
      dayIndex += 1;
      const dayStarted = performance.now();
      const { rows } = await client.query<{ records: number; hourly: number; daily: number }>(DAY_SQL, [
        entry.hours,
        entry.counts,
        keys.shared.id,
        keys.shared.prefix,
        baseline?.input ?? null,
        baseline?.output ?? null,
        [...LATENCY_BUCKET_BOUNDS_MS],
      ]);
      written += rows[0]!.records;
      const elapsed = (performance.now() - started) / 1000;
      const rate = written / elapsed;
      const eta = (options.requests - written) / Math.max(rate, 1);
      log(
        `  ${new Date(day * DAY_MS).toISOString().slice(0, 10)}  day ${String(dayIndex).padStart(3)}/${days.size}  ${formatInt(rows[0]!.records).padStart(9)} records in ${((performance.now() - dayStarted) / 1000).toFixed(1)} s` +
          `  total ${formatInt(written)} (${((written / options.requests) * 100).toFixed(1)}%, ${formatInt(Math.round(rate))}/s, ~${Math.round(eta)} s left)`,
      );
    }
    log("Updating planner statistics…");
    await client.query(`ANALYZE "DecisionRecord"`);
    await client.query(`ANALYZE "UsageRollup"`);
    await client.query(`ANALYZE "DailyUsageRollup"`);
    const seconds = (performance.now() - started) / 1000;
    log(`Done: ${formatInt(written)} synthetic records in ${seconds.toFixed(1)} s (${formatInt(Math.round(written / seconds))}/s). Remove them with npm run db:delete-synthetic.`);
    return { records: written, seconds };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generateTraffic(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error("Traffic generation failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
