// Every table the Costs page shows, defined once (the shape is report-table.ts). Pure.
import type { BreakEvenResult } from "./break-even";
import type { BudgetReport, BudgetRow, BudgetStatus } from "./prepare-budgets";
import { featureTierLines, type FeatureTierLine } from "./feature-tier-totals";
import type { CostBreakdown, FeatureSavingsRow } from "./prepare-cost-breakdown";
import type { EndpointRow } from "./prepare-endpoints";
import type { LatencyReport, LatencyRow } from "./prepare-latency";
import type { CauseRow, FeatureMixRow, RoutingMix, TierMixRow } from "./prepare-routing-mix";
import type { SpendPoint, SpendSeries } from "./prepare-spend-series";
import type { ReportColumn, ReportTable } from "./report-table";

export function spendTable(spend: SpendSeries): ReportTable<SpendPoint> {
  return {
    id: "spend",
    title: "Spend over time",
    empty: "No spend in this range.",
    rows: spend.points,
    columns: [
      { header: "Period starting", kind: "text", value: (row) => row.period },
      ...spend.series.map((series): ReportColumn<SpendPoint> => ({ header: series.label, kind: "usd", value: (row) => row[series.key as `tier:${string}`] ?? 0 })),
      { header: "Cost", kind: "usd", value: (row) => row.costUsd },
      { header: "Baseline", kind: "usd", value: (row) => row.baselineCostUsd },
      { header: "Savings", kind: "usd", value: (row) => row.savingsUsd },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      { header: "Unpriced requests", kind: "integer", value: (row) => row.unpricedRequests },
    ],
  };
}

/** Input and output tokens: one compact column on screen, two exact columns in the export. */
function tokenColumns<Row extends { inputTokens: number; outputTokens: number }>(): Array<ReportColumn<Row>> {
  return [
    { header: "Input tokens", kind: "tokens", value: (row) => row.inputTokens, csvOnly: true },
    { header: "Output tokens", kind: "tokens", value: (row) => row.outputTokens, csvOnly: true },
    { header: "Tokens in / out", kind: "tokenPair", value: (row) => `${row.inputTokens}/${row.outputTokens}`, screenOnly: true },
  ];
}

const featureColumns: Array<ReportColumn<{ featureName: string; featureKey: string; team: string }>> = [
  { header: "Feature", kind: "text", value: (row) => row.featureName, group: true, hint: (row) => row.team || null },
  { header: "Feature key", kind: "code", value: (row) => row.featureKey || null, csvOnly: true },
  { header: "Team", kind: "text", value: (row) => row.team, csvOnly: true },
];

/** Subtotal rows per feature and a grand total at the table's foot (not in its CSV); the Tier column names them. */
export function featureTierTable(breakdown: CostBreakdown, baselineAlias: string | null = null): ReportTable<FeatureTierLine> {
  const lines = featureTierLines(breakdown.featureTiers, baselineAlias);
  return {
    id: "feature-tier",
    title: "Cost by feature and tier",
    empty: "No traffic in this range.",
    rows: lines.filter((line) => line.kind === "tier"),
    summary: lines.filter((line) => line.kind !== "tier"),
    emphasis: (row) => (row.kind === "tier" ? null : row.kind),
    columns: [
      ...(featureColumns as Array<ReportColumn<FeatureTierLine>>),
      { header: "Tier", kind: "text", value: (row) => row.tierName },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      ...tokenColumns<FeatureTierLine>(),
      { header: "Cost", kind: "usd", value: (row) => row.costUsd },
      { header: "Baseline", kind: "usd", value: (row) => row.baselineCostUsd },
      { header: "Savings", kind: "usd", value: (row) => row.savingsUsd, hint: (row) => row.savingsNote },
      { header: "Savings share", kind: "share", value: (row) => row.savingsShare },
      { header: "Unpriced requests", kind: "integer", value: (row) => row.unpricedRequests },
    ],
  };
}

export function savingsByFeatureTable(breakdown: CostBreakdown): ReportTable<FeatureSavingsRow> {
  return {
    id: "savings-by-feature",
    title: "Savings per feature",
    empty: "No traffic in this range.",
    rows: breakdown.features,
    tone: (row) => (row.unpricedRequests > 0 ? "warning" : null),
    columns: [
      ...(featureColumns as Array<ReportColumn<FeatureSavingsRow>>),
      { header: "Cost", kind: "usd", value: (row) => row.costUsd },
      { header: "Baseline", kind: "usd", value: (row) => row.baselineCostUsd },
      { header: "Savings", kind: "usd", value: (row) => row.savingsUsd },
      { header: "Savings share", kind: "share", value: (row) => row.savingsShare },
      { header: "Served requests", kind: "integer", value: (row) => row.served },
      { header: "Priced share", kind: "share", value: (row) => row.pricedShare },
      { header: "Unpriced requests", kind: "integer", value: (row) => row.unpricedRequests },
    ],
  };
}

export function endpointsTable(rows: EndpointRow[]): ReportTable<EndpointRow> {
  return {
    id: "endpoints",
    title: "Cost by endpoint",
    empty: "No traffic in this range.",
    rows,
    columns: [
      { header: "Endpoint", kind: "text", value: (row) => row.endpointName, hint: (row) => row.endpointPath },
      { header: "Endpoint key", kind: "code", value: (row) => row.endpoint, csvOnly: true },
      { header: "Path", kind: "code", value: (row) => row.endpointPath, csvOnly: true },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      { header: "Served requests", kind: "integer", value: (row) => row.served, csvOnly: true },
      ...tokenColumns<EndpointRow>(),
      { header: "Cached input tokens", kind: "tokens", value: (row) => row.cachedInputTokens },
      { header: "Cache write tokens", kind: "tokens", value: (row) => row.cacheWriteTokens, csvOnly: true },
      { header: "Cost", kind: "usd", value: (row) => row.costUsd },
      { header: "Share of cost", kind: "share", value: (row) => row.costShare },
      { header: "Baseline", kind: "usd", value: (row) => row.baselineCostUsd, csvOnly: true },
      { header: "Savings", kind: "usd", value: (row) => row.savingsUsd },
      { header: "Cache savings", kind: "usd", value: (row) => row.cacheSavingsUsd },
      { header: "Unpriced requests", kind: "integer", value: (row) => row.unpricedRequests, csvOnly: true },
      { header: "p50 latency", kind: "ms", value: (row) => row.p50LatencyMs },
      { header: "p95 latency", kind: "ms", value: (row) => row.p95LatencyMs },
      { header: "p50 time to first token", kind: "ms", value: (row) => row.p50TtftMs },
    ],
  };
}

export function tierMixTable(mix: RoutingMix): ReportTable<TierMixRow> {
  return {
    id: "tier-mix",
    title: "Requests and tokens per tier",
    empty: "No traffic in this range.",
    rows: mix.tiers,
    columns: [
      { header: "Tier", kind: "text", value: (row) => row.tierName },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      { header: "Share of requests", kind: "share", value: (row) => row.requestShare },
      { header: "Input tokens", kind: "tokens", value: (row) => row.inputTokens },
      { header: "Output tokens", kind: "tokens", value: (row) => row.outputTokens },
      { header: "Share of tokens", kind: "share", value: (row) => row.tokenShare },
      { header: "Cost", kind: "usd", value: (row) => row.costUsd },
    ],
  };
}

export function featureMixTable(mix: RoutingMix, tierNames: ReadonlyMap<string, string>): ReportTable<FeatureMixRow> {
  return {
    id: "feature-mix",
    title: "Requests per feature and tier",
    empty: "No traffic in this range.",
    rows: mix.features,
    columns: [
      ...(featureColumns as Array<ReportColumn<FeatureMixRow>>),
      ...mix.tierKeys.map((tierKey): ReportColumn<FeatureMixRow> => ({ header: tierNames.get(tierKey) ?? tierKey, kind: "integer", value: (row) => row.byTier[tierKey] ?? 0 })),
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      { header: "Tokens", kind: "tokens", value: (row) => row.tokens },
    ],
  };
}

function causeTable(id: "escalations" | "fallbacks" | "refusals", title: string, header: string, ofWhat: string, rows: CauseRow[]): ReportTable<CauseRow> {
  return {
    id,
    title,
    empty: `No ${ofWhat} in this range.`,
    rows,
    columns: [
      { header, kind: "text", value: (row) => row.label },
      { header: "Code", kind: "code", value: (row) => row.cause || null },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      { header: `Share of ${ofWhat}`, kind: "share", value: (row) => row.share },
    ],
  };
}

export const escalationsTable = (mix: RoutingMix) => causeTable("escalations", "Why requests were served above the cheapest tier", "Reason", "escalated requests", mix.escalationReasons);
export const fallbacksTable = (mix: RoutingMix) => causeTable("fallbacks", "Why requests fell back", "Cause", "fallbacks", mix.fallbackCauses);
export const refusalsTable = (mix: RoutingMix) => causeTable("refusals", "Refusals by constraint", "Constraint", "refusals", mix.refusalConstraints);

export function latencyTable(latency: LatencyReport): ReportTable<LatencyRow> {
  return {
    id: "latency",
    title: "Tokens and latency per feature and tier",
    empty: "No traffic in this range.",
    rows: latency.rows,
    columns: [
      ...(featureColumns as Array<ReportColumn<LatencyRow>>),
      { header: "Tier", kind: "text", value: (row) => row.tierName },
      { header: "Requests", kind: "integer", value: (row) => row.requests },
      ...tokenColumns<LatencyRow>(),
      { header: "Tokens per request", kind: "integer", value: (row) => row.meanTokens },
      { header: "p50 latency", kind: "ms", value: (row) => row.p50LatencyMs },
      { header: "p95 latency", kind: "ms", value: (row) => row.p95LatencyMs },
      { header: "p50 time to first token", kind: "ms", value: (row) => row.p50TtftMs },
      { header: "p95 time to first token", kind: "ms", value: (row) => row.p95TtftMs },
    ],
  };
}

export const BUDGET_STATUS_WORDS: Record<BudgetStatus, string> = { over: "Over budget", at_risk: "At risk", too_early: "Too early to project", ok: "On track", no_budget: "No budget" };

export function budgetsTable(budgets: BudgetReport): ReportTable<BudgetRow> {
  return {
    id: "budgets",
    title: "Budgets, month to date",
    empty: "No features.",
    rows: budgets.rows,
    tone: (row) => (row.status === "over" ? "danger" : row.status === "at_risk" ? "warning" : null),
    columns: [
      ...(featureColumns as Array<ReportColumn<BudgetRow>>),
      { header: "Status", kind: "status", value: (row) => BUDGET_STATUS_WORDS[row.status] },
      { header: "Monthly budget", kind: "usd", value: (row) => row.monthlyBudgetUsd },
      { header: "Month to date", kind: "usd", value: (row) => row.monthToDateUsd },
      { header: "Used", kind: "share", value: (row) => row.usedShare },
      { header: "Burn per day", kind: "usd", value: (row) => row.burnPerDayUsd },
      { header: "Projected", kind: "usd", value: (row) => row.projectedUsd },
      { header: "Projected vs budget", kind: "share", value: (row) => row.projectedShare },
    ],
  };
}

export interface BreakEvenTableRow {
  hardware: string;
  monthlyTokens: number;
  boxes: number;
  localMonthlyUsd: number;
  monthlyPowerUsd: number;
  alias: string;
  tierName: string;
  blendedPricePerMTok: number;
  hostedMonthlyUsd: number;
  monthlySavingUsd: number;
  breakEvenMonths: number | null;
  paysBack: boolean;
}

export function breakEvenRows(results: ReadonlyArray<{ hardware: string; result: BreakEvenResult }>): BreakEvenTableRow[] {
  return results.flatMap(({ hardware, result }) =>
    result.comparisons.map((comparison) => ({
      hardware,
      monthlyTokens: result.monthlyTokens,
      boxes: result.boxes,
      localMonthlyUsd: result.localMonthlyUsd,
      monthlyPowerUsd: result.monthlyPowerUsd,
      alias: comparison.alias,
      tierName: comparison.tierName,
      blendedPricePerMTok: comparison.blendedPricePerMTok,
      hostedMonthlyUsd: comparison.hostedMonthlyUsd,
      monthlySavingUsd: comparison.monthlySavingUsd,
      breakEvenMonths: comparison.breakEvenMonths,
      paysBack: comparison.paysBack,
    })),
  );
}

export function breakEvenTable(rows: BreakEvenTableRow[]): ReportTable<BreakEvenTableRow> {
  return {
    id: "break-even",
    title: "Local break-even at the local tier's actual volume",
    empty: "No local hardware profile, or no hosted model with a price.",
    rows,
    columns: [
      { header: "Hardware", kind: "text", value: (row) => row.hardware },
      { header: "Local tokens per month", kind: "tokens", value: (row) => row.monthlyTokens },
      { header: "Boxes needed", kind: "integer", value: (row) => row.boxes },
      { header: "Hosted model", kind: "code", value: (row) => row.alias },
      { header: "Tier", kind: "text", value: (row) => row.tierName },
      { header: "Blended price", kind: "price", value: (row) => row.blendedPricePerMTok },
      { header: "Same tokens hosted, per month", kind: "usd", value: (row) => row.hostedMonthlyUsd },
      { header: "Local power per month", kind: "usd", value: (row) => row.monthlyPowerUsd },
      { header: "Break-even", kind: "months", value: (row) => row.breakEvenMonths, hint: (row) => (row.breakEvenMonths === null ? "never at this volume" : null) },
    ],
  };
}
