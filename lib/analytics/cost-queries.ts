import "server-only";
// The Costs page's database reads. Every figure comes from DailyUsageRollup (one row per UTC day ×
// feature × endpoint × tier × model × key × data class × outcome), never from raw decision records: a
// quarter of traffic at ten million requests is some tens of thousands of rows, so each query
// answers in milliseconds. Sums are cast to float8 (money to the cent, tokens exactly up to 2^53).
import { getDb, Prisma } from "@/lib/db";
import { BUCKET_COUNT } from "@/lib/ledger/histogram";
import { isoDay, type CostFilters } from "./cost-filters";
import type { EndpointGroup } from "./prepare-endpoints";
import type { FeatureInfo, ReasonGroup, SpendGroup, TierInfo, UsageGroup } from "./usage-groups";

/** The feature filter's value for requests that named no feature. */
export const NO_FEATURE_FILTER = "(none)";

type DimensionFilters = Pick<CostFilters, "feature" | "team" | "model" | "key" | "endpoint" | "traffic">;

/** WHERE for the daily rollups: the day range plus the dimension filters. */
function conditions(filters: DimensionFilters & { from: Date; to: Date }, { dimensions = true }: { dimensions?: boolean } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`day >= ${isoDay(filters.from)}::date`, Prisma.sql`day <= ${isoDay(filters.to)}::date`];
  if (dimensions) {
    if (filters.feature) parts.push(Prisma.sql`"featureKey" = ${filters.feature === NO_FEATURE_FILTER ? "" : filters.feature}`);
    if (filters.team) parts.push(Prisma.sql`team = ${filters.team}`);
    if (filters.model) parts.push(Prisma.sql`"modelAlias" = ${filters.model}`);
    if (filters.key) parts.push(Prisma.sql`"apiKeyId" = ${filters.key}`);
    if (filters.endpoint) parts.push(Prisma.sql`endpoint = ${filters.endpoint}`);
  }
  if (filters.traffic === "real") parts.push(Prisma.sql`synthetic = false`);
  if (filters.traffic === "synthetic") parts.push(Prisma.sql`synthetic = true`);
  return Prisma.join(parts, " AND ");
}

const bucketSums = (column: string) =>
  Prisma.raw(`ARRAY[${Array.from({ length: BUCKET_COUNT }, (_, i) => `COALESCE(SUM("${column}"[${i + 1}]), 0)`).join(", ")}]::float8[]`);

/** Spend per period (day / week / month, weeks from Monday) and tier. */
export async function querySpend(filters: CostFilters): Promise<SpendGroup[]> {
  const rows = await getDb().$queryRaw<Array<{ period: Date; tierKey: string; requests: number; unpricedRequests: number; costUsd: number; baselineCostUsd: number }>>`
    SELECT date_trunc(${filters.grain}, day::timestamp)::date AS period, "tierKey",
      SUM(requests)::float8 AS requests, SUM("unpricedRequests")::float8 AS "unpricedRequests",
      SUM("costUsd")::float8 AS "costUsd", SUM("baselineCostUsd")::float8 AS "baselineCostUsd"
    FROM "DailyUsageRollup" WHERE ${conditions(filters)}
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows.map((row) => ({ ...row, period: isoDay(row.period) }));
}

/** Totals, tokens and latency histograms per feature × tier × model. */
export async function queryUsage(filters: CostFilters): Promise<UsageGroup[]> {
  const rows = await getDb().$queryRaw<Array<Omit<UsageGroup, "latencyBuckets" | "ttftBuckets"> & { latencyBuckets: number[]; ttftBuckets: number[] }>>`
    SELECT "featureKey", MAX(team) AS team, "tierKey", "modelAlias",
      SUM(requests)::float8 AS requests,
      COALESCE(SUM(requests) FILTER (WHERE status IN ('success', 'fallback_success')), 0)::float8 AS served,
      COALESCE(SUM(requests) FILTER (WHERE status = 'refused'), 0)::float8 AS refused,
      COALESCE(SUM(requests) FILTER (WHERE status = 'error'), 0)::float8 AS errors,
      SUM(fallbacks)::float8 AS fallbacks, SUM("unpricedRequests")::float8 AS "unpricedRequests",
      SUM("inputTokens")::float8 AS "inputTokens", SUM("outputTokens")::float8 AS "outputTokens",
      SUM("cachedInputTokens")::float8 AS "cachedInputTokens", SUM("estimatedRequests")::float8 AS "estimatedRequests",
      SUM("costUsd")::float8 AS "costUsd", SUM("baselineCostUsd")::float8 AS "baselineCostUsd", SUM("cacheSavingsUsd")::float8 AS "cacheSavingsUsd",
      SUM("latencyMsSum")::float8 AS "latencyMsSum",
      ${bucketSums("latencyBuckets")} AS "latencyBuckets", ${bucketSums("ttftBuckets")} AS "ttftBuckets"
    FROM "DailyUsageRollup" WHERE ${conditions(filters)}
    GROUP BY "featureKey", "tierKey", "modelAlias"`;
  return rows;
}

/** Totals, cached tokens and latency histograms per endpoint. */
export async function queryEndpoints(filters: CostFilters): Promise<EndpointGroup[]> {
  return getDb().$queryRaw<EndpointGroup[]>`
    SELECT endpoint, SUM(requests)::float8 AS requests,
      COALESCE(SUM(requests) FILTER (WHERE status IN ('success', 'fallback_success')), 0)::float8 AS served,
      SUM("unpricedRequests")::float8 AS "unpricedRequests",
      SUM("inputTokens")::float8 AS "inputTokens", SUM("outputTokens")::float8 AS "outputTokens",
      SUM("cachedInputTokens")::float8 AS "cachedInputTokens", SUM("cacheWriteTokens")::float8 AS "cacheWriteTokens",
      SUM("costUsd")::float8 AS "costUsd", SUM("baselineCostUsd")::float8 AS "baselineCostUsd", SUM("cacheSavingsUsd")::float8 AS "cacheSavingsUsd",
      ${bucketSums("latencyBuckets")} AS "latencyBuckets", ${bucketSums("ttftBuckets")} AS "ttftBuckets"
    FROM "DailyUsageRollup" WHERE ${conditions(filters)}
    GROUP BY endpoint`;
}

/** Request counts by outcome and cause (escalation reason, refusal constraint, fallback cause). */
export async function queryReasons(filters: CostFilters): Promise<ReasonGroup[]> {
  return getDb().$queryRaw<ReasonGroup[]>`
    SELECT status::text AS status, "tierKey", "escalationReason", "refusalConstraint", "fallbackCause",
      SUM(requests)::float8 AS requests, SUM(fallbacks)::float8 AS fallbacks
    FROM "DailyUsageRollup" WHERE ${conditions(filters)}
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Month-to-date spend per feature for budgets. Budgets are per feature, so only the feature, team
 * and traffic filters apply (a model, key or endpoint filter would understate a feature's spend).
 */
export async function queryMonthToDate(filters: DimensionFilters, now: Date): Promise<Map<string, number>> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const rows = await getDb().$queryRaw<Array<{ featureKey: string; costUsd: number }>>`
    SELECT "featureKey", SUM("costUsd")::float8 AS "costUsd"
    FROM "DailyUsageRollup" WHERE ${conditions({ ...filters, model: null, key: null, endpoint: null, from: monthStart, to: now })}
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.featureKey, row.costUsd]));
}

export async function listTiers(): Promise<TierInfo[]> {
  return getDb().tier.findMany({ select: { key: true, name: true, rank: true }, orderBy: { rank: "asc" } });
}

export async function listFeatureInfo(): Promise<FeatureInfo[]> {
  const features = await getDb().feature.findMany({ select: { key: true, name: true, team: true, monthlyBudgetUsd: true }, orderBy: { name: "asc" } });
  return features.map((feature) => ({ ...feature, monthlyBudgetUsd: feature.monthlyBudgetUsd?.toNumber() ?? null }));
}

export interface KeyOption {
  id: string;
  name: string;
  prefix: string;
}

export async function listKeyOptions(): Promise<KeyOption[]> {
  return getDb().apiKey.findMany({ select: { id: true, name: true, prefix: true }, orderBy: { name: "asc" } });
}

export interface ModelPrice {
  alias: string;
  tierKey: string;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  simulated: boolean;
  hardwareProfile: { id: string; name: string; purchasePriceUsd: number; amortisationMonths: number; watts: number; usdPerKwh: number; tokensPerDay: number } | null;
}

/** Today's models with their prices and hardware profiles (for break-even and the model filter). */
export async function listModelPrices(): Promise<ModelPrice[]> {
  const models = await getDb().model.findMany({
    select: { alias: true, inputPricePerMTok: true, outputPricePerMTok: true, tier: { select: { key: true } }, provider: { select: { kind: true } }, hardwareProfile: true },
    orderBy: { alias: "asc" },
  });
  return models.map((model) => ({
    alias: model.alias,
    tierKey: model.tier.key,
    inputPricePerMTok: model.inputPricePerMTok?.toNumber() ?? null,
    outputPricePerMTok: model.outputPricePerMTok?.toNumber() ?? null,
    simulated: model.provider.kind === "simulator",
    hardwareProfile: model.hardwareProfile
      ? {
          id: model.hardwareProfile.id,
          name: model.hardwareProfile.name,
          purchasePriceUsd: model.hardwareProfile.purchasePriceUsd.toNumber(),
          amortisationMonths: model.hardwareProfile.amortisationMonths,
          watts: model.hardwareProfile.watts,
          usdPerKwh: model.hardwareProfile.usdPerKwh.toNumber(),
          tokensPerDay: model.hardwareProfile.tokensPerDay,
        }
      : null,
  }));
}
