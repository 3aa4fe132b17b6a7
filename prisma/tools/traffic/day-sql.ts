// The one statement per UTC day that makes the rows: it draws each hour's requests, picks a
// scenario, endpoint and key per row, draws tokens and latencies, inserts the records and folds
// them into the hourly and daily rollups, all inside the database.
import { BUCKET_COUNT } from "../../../lib/ledger/histogram";

/** Share of a feature's requests sent with the shared batch key instead of the feature's own key. */
const SHARED_KEY_SHARE = 0.2;

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
export const DAY_SQL = `
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
