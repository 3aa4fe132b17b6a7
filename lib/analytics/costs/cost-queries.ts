import "server-only";
// The Costs page's database reads. Every figure comes from the rollups — DailyUsageRollup (one row
// per UTC day × feature × endpoint × tier × model × key × data class × outcome), or UsageRollup (per
// hour) for ranges that do not fall on UTC days — never from raw decision records: a quarter of
// traffic at ten million requests is some tens of thousands of daily rows, so each query answers in
// milliseconds. Sums are cast to float8 (money to the cent, tokens exactly up to 2^53).
import { getDb, Prisma } from "@/lib/db";
import { BUCKET_COUNT } from "@/lib/ledger/histogram";
import { isoDay, NO_FEATURE_FILTER, type CostFilters } from "./cost-filters";
import type { EndpointGroup } from "./prepare-endpoints";
import type { FeatureInfo, ReasonGroup, SpendGroup, TierInfo, UsageGroup } from "./usage-groups";

type DimensionFilters = Pick<CostFilters, "feature" | "team" | "model" | "key" | "endpoint" | "traffic">;

/**
 * Where a range's figures come from: the daily rollups when it is whole UTC days (every preset
 * and day range a UTC viewer picks), the hourly ones when it starts or ends inside a UTC day (an
 * hour range, or days in another time zone). Both tables have the same columns.
 */
interface RollupSource {
  table: Prisma.Sql;
  /** The row's time as a timestamp in the range's zone, for grouping by period. */
  localTime: Prisma.Sql;
  range: Prisma.Sql;
}

const isUtcMidnight = (date: Date) => date.getTime() % 86_400_000 === 0;

function rollupSource(range: { start: Date; end: Date; timeZone: string }): RollupSource {
  if (isUtcMidnight(range.start) && isUtcMidnight(range.end)) {
    const lastDay = new Date(range.end.getTime() - 86_400_000);
    return {
      table: Prisma.raw(`"DailyUsageRollup"`),
      localTime: Prisma.sql`day::timestamp`,
      range: Prisma.sql`day >= ${isoDay(range.start)}::date AND day <= ${isoDay(lastDay)}::date`,
    };
  }
  return {
    table: Prisma.raw(`"UsageRollup"`),
    localTime: Prisma.sql`(hour AT TIME ZONE ${range.timeZone})`,
    range: Prisma.sql`hour >= ${range.start} AND hour < ${range.end}`,
  };
}

/** WHERE for the rollups: the time range plus the dimension filters. */
function conditions(source: RollupSource, filters: DimensionFilters, { dimensions = true }: { dimensions?: boolean } = {}): Prisma.Sql {
  const parts: Prisma.Sql[] = [source.range];
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
  const source = rollupSource(filters.range);
  const rows = await getDb().$queryRaw<Array<{ period: Date; tierKey: string; requests: number; unpricedRequests: number; costUsd: number; baselineCostUsd: number }>>`
    SELECT date_trunc(${filters.grain}, ${source.localTime})::date AS period, "tierKey",
      SUM(requests)::float8 AS requests, SUM("unpricedRequests")::float8 AS "unpricedRequests",
      SUM("costUsd")::float8 AS "costUsd", SUM("baselineCostUsd")::float8 AS "baselineCostUsd"
    FROM ${source.table} WHERE ${conditions(source, filters)}
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
    FROM ${rollupSource(filters.range).table} WHERE ${conditions(rollupSource(filters.range), filters)}
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
    FROM ${rollupSource(filters.range).table} WHERE ${conditions(rollupSource(filters.range), filters)}
    GROUP BY endpoint`;
}

/** Request counts by outcome and cause (escalation reason, refusal constraint, fallback cause). */
export async function queryReasons(filters: CostFilters): Promise<ReasonGroup[]> {
  return getDb().$queryRaw<ReasonGroup[]>`
    SELECT status::text AS status, "tierKey", "escalationReason", "refusalConstraint", "fallbackCause",
      SUM(requests)::float8 AS requests, SUM(fallbacks)::float8 AS fallbacks
    FROM ${rollupSource(filters.range).table} WHERE ${conditions(rollupSource(filters.range), filters)}
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Month-to-date spend per feature for budgets. Budgets are per feature, so only the feature, team
 * and traffic filters apply (a model, key or endpoint filter would understate a feature's spend).
 */
export async function queryMonthToDate(filters: DimensionFilters, now: Date): Promise<Map<string, number>> {
  // Budgets are per UTC calendar month (as the gateway counts them), whatever zone the viewer reads in.
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const source = rollupSource({ start: monthStart, end: tomorrow, timeZone: "UTC" });
  const rows = await getDb().$queryRaw<Array<{ featureKey: string; costUsd: number }>>`
    SELECT "featureKey", SUM("costUsd")::float8 AS "costUsd"
    FROM ${source.table} WHERE ${conditions(source, { ...filters, model: null, key: null, endpoint: null })}
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
  /** The model every cost is compared against. */
  baseline: boolean;
  hardwareProfile: { id: string; name: string; purchasePriceUsd: number; amortisationMonths: number; watts: number; usdPerKwh: number; tokensPerDay: number } | null;
}

/** Today's models with their prices and hardware profiles (for break-even and the model filter). */
export async function listModelPrices(): Promise<ModelPrice[]> {
  const models = await getDb().model.findMany({
    select: { alias: true, isBaseline: true, inputPricePerMTok: true, outputPricePerMTok: true, tier: { select: { key: true } }, provider: { select: { kind: true } }, hardwareProfile: true },
    orderBy: { alias: "asc" },
  });
  return models.map((model) => ({
    alias: model.alias,
    tierKey: model.tier.key,
    inputPricePerMTok: model.inputPricePerMTok?.toNumber() ?? null,
    outputPricePerMTok: model.outputPricePerMTok?.toNumber() ?? null,
    simulated: model.provider.kind === "simulator",
    baseline: model.isBaseline,
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
