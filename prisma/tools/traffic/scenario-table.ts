// The scenarios as the database sees them: a temporary table the day statement (./day-sql.ts)
// picks from, and the synthetic API keys the rows are attributed to.
import crypto from "node:crypto";
import type pg from "pg";
import type { PolicySnapshot } from "../../../lib/routing/types";
import type { TrafficScenario } from "../generate-traffic-scenarios";

export interface SyntheticKey {
  id: string;
  prefix: string;
}

/** One key per feature plus a shared batch key, all marked as synthetic by name and id; their secrets are never known. */
export async function ensureSyntheticKeys(client: pg.Client, snapshot: PolicySnapshot): Promise<{ byFeature: Map<string, SyntheticKey>; shared: SyntheticKey }> {
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

export async function loadScenarios(client: pg.Client, scenarios: TrafficScenario[], keys: Awaited<ReturnType<typeof ensureSyntheticKeys>>) {
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
