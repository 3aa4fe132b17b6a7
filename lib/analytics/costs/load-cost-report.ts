import "server-only";
// Loads what the Costs page (or one CSV export) needs for a set of filters: runs only the rollup
// queries those parts need, in parallel, and prepares every series and table from them.
import { computeBreakEven, monthlyVolume, type BreakEvenHardware, type BreakEvenResult, type HostedPrice } from "./break-even";
import { rangeDays, type CostFilters } from "./cost-filters";
import { listFeatureInfo, listKeyOptions, listModelPrices, listTiers, queryEndpoints, queryMonthToDate, queryReasons, querySpend, queryUsage, type KeyOption, type ModelPrice } from "./cost-queries";
import {
  breakEvenRows,
  breakEvenTable,
  budgetsTable,
  endpointsTable,
  escalationsTable,
  fallbacksTable,
  featureMixTable,
  featureTierTable,
  latencyTable,
  refusalsTable,
  savingsByFeatureTable,
  spendTable,
  tierMixTable,
} from "./cost-tables";
import type { CostTableId, ReportTable } from "./report-table";
import { prepareBudgets, type BudgetReport } from "./prepare-budgets";
import { prepareCostBreakdown, type CostBreakdown } from "./prepare-cost-breakdown";
import { prepareEndpoints, type EndpointRow } from "./prepare-endpoints";
import { prepareLatency, type LatencyReport } from "./prepare-latency";
import { prepareRoutingMix, type RoutingMix } from "./prepare-routing-mix";
import { prepareSpendSeries, type SpendSeries } from "./prepare-spend-series";
import { orderedTierKeys, type FeatureInfo, type TierInfo, type UsageGroup } from "./usage-groups";

export type CostPart = "spend" | "usage" | "endpoints" | "reasons" | "budgets";

/** Which query each table needs. */
export const TABLE_PARTS: Record<CostTableId, CostPart> = {
  spend: "spend",
  "feature-tier": "usage",
  "savings-by-feature": "usage",
  endpoints: "endpoints",
  "tier-mix": "usage",
  "feature-mix": "usage",
  latency: "usage",
  "break-even": "usage",
  escalations: "reasons",
  fallbacks: "reasons",
  refusals: "reasons",
  budgets: "budgets",
};

export interface BreakEvenBlock {
  profileId: string;
  hardware: BreakEvenHardware;
  /** Local models on this hardware. */
  models: string[];
  /** Tokens those models handled in the range, and per month at that rate. */
  rangeInputTokens: number;
  rangeOutputTokens: number;
  monthlyInputTokens: number;
  monthlyOutputTokens: number;
  hosted: HostedPrice[];
  result: BreakEvenResult;
}

export interface CostReport {
  filters: CostFilters;
  tiers: TierInfo[];
  features: FeatureInfo[];
  keys: KeyOption[];
  /** Models offered by the model filter: today's catalogue plus any alias seen in the range. */
  modelOptions: string[];
  teams: string[];
  simulatedAliases: string[];
  spend: SpendSeries | null;
  breakdown: CostBreakdown | null;
  endpoints: EndpointRow[] | null;
  mix: RoutingMix | null;
  latency: LatencyReport | null;
  budgets: BudgetReport | null;
  breakEven: BreakEvenBlock[] | null;
  tables: Partial<Record<CostTableId, ReportTable<never>>>;
}

/** Break-even per hardware profile linked to local-tier models, at the volume they served. */
export function prepareBreakEven(usage: readonly UsageGroup[], models: readonly ModelPrice[], tiers: readonly TierInfo[], days: number): BreakEvenBlock[] {
  const order = orderedTierKeys(tiers, models.map((model) => model.tierKey));
  const cheapest = order[0];
  const hosted: HostedPrice[] = models
    .filter((model) => model.tierKey !== cheapest && model.hardwareProfile === null && model.inputPricePerMTok !== null && model.outputPricePerMTok !== null)
    .map((model) => ({
      alias: model.alias,
      tierKey: model.tierKey,
      tierName: tiers.find((tier) => tier.key === model.tierKey)?.name ?? model.tierKey,
      inputPricePerMTok: model.inputPricePerMTok!,
      outputPricePerMTok: model.outputPricePerMTok!,
    }));
  const profiles = new Map<string, { hardware: BreakEvenHardware; models: string[] }>();
  for (const model of models) {
    if (!model.hardwareProfile || model.tierKey !== cheapest) continue;
    const { id, ...hardware } = model.hardwareProfile;
    const entry = profiles.get(id) ?? { hardware, models: [] };
    entry.models.push(model.alias);
    profiles.set(id, entry);
  }
  return [...profiles].map(([profileId, { hardware, models: aliases }]) => {
    const served = usage.filter((group) => aliases.includes(group.modelAlias));
    const rangeInputTokens = served.reduce((sum, group) => sum + group.inputTokens, 0);
    const rangeOutputTokens = served.reduce((sum, group) => sum + group.outputTokens, 0);
    const monthlyInputTokens = monthlyVolume(rangeInputTokens, days);
    const monthlyOutputTokens = monthlyVolume(rangeOutputTokens, days);
    return {
      profileId,
      hardware,
      models: aliases,
      rangeInputTokens,
      rangeOutputTokens,
      monthlyInputTokens,
      monthlyOutputTokens,
      hosted,
      result: computeBreakEven({ hardware, monthlyInputTokens, monthlyOutputTokens, hosted }),
    };
  });
}

export async function loadCostReport(filters: CostFilters, now: Date, parts: readonly CostPart[] = ["spend", "usage", "endpoints", "reasons", "budgets"]): Promise<CostReport> {
  const want = (part: CostPart) => parts.includes(part);
  const [tiers, features, keys, models, spendGroups, usage, endpointGroups, reasons, monthToDate] = await Promise.all([
    listTiers(),
    listFeatureInfo(),
    listKeyOptions(),
    listModelPrices(),
    want("spend") ? querySpend(filters) : null,
    want("usage") ? queryUsage(filters) : null,
    want("endpoints") ? queryEndpoints(filters) : null,
    want("reasons") ? queryReasons(filters) : null,
    want("budgets") ? queryMonthToDate(filters, now) : null,
  ]);
  const tierNames = new Map([...tiers.map((tier) => [tier.key, tier.name] as const), ["", "Not served"] as const]);
  const spend = spendGroups ? prepareSpendSeries(spendGroups, filters, tiers) : null;
  const breakdown = usage ? prepareCostBreakdown(usage, features, tiers) : null;
  const endpoints = endpointGroups ? prepareEndpoints(endpointGroups) : null;
  const mix = usage && reasons ? prepareRoutingMix(usage, reasons, features, tiers) : reasons ? prepareRoutingMix([], reasons, features, tiers) : null;
  const latency = usage ? prepareLatency(usage, features, tiers) : null;
  const budgets = monthToDate ? prepareBudgets(monthToDate, filters.feature || filters.team ? features.filter((feature) => (!filters.feature || feature.key === filters.feature) && (!filters.team || feature.team === filters.team)) : features, now) : null;
  const breakEven = usage ? prepareBreakEven(usage, models, tiers, rangeDays(filters)) : null;

  const tables: CostReport["tables"] = {};
  const put = <Row>(table: ReportTable<Row>) => void (tables[table.id] = table as unknown as ReportTable<never>);
  if (spend) put(spendTable(spend));
  if (breakdown) {
    put(featureTierTable(breakdown, models.find((model) => model.baseline)?.alias ?? null));
    put(savingsByFeatureTable(breakdown));
  }
  if (endpoints) put(endpointsTable(endpoints));
  if (mix && usage) {
    put(tierMixTable(mix));
    put(featureMixTable(mix, tierNames));
  }
  if (mix) {
    put(escalationsTable(mix));
    put(fallbacksTable(mix));
    put(refusalsTable(mix));
  }
  if (latency) put(latencyTable(latency));
  if (budgets) put(budgetsTable(budgets));
  if (breakEven) put(breakEvenTable(breakEvenRows(breakEven.map((block) => ({ hardware: block.hardware.name, result: block.result })))));

  const seenAliases = usage ? usage.map((group) => group.modelAlias).filter((alias) => alias !== "") : [];
  return {
    filters,
    tiers,
    features,
    keys,
    modelOptions: [...new Set([...models.map((model) => model.alias), ...seenAliases])].sort(),
    teams: [...new Set(features.map((feature) => feature.team))].sort(),
    simulatedAliases: models.filter((model) => model.simulated).map((model) => model.alias),
    spend,
    breakdown,
    endpoints,
    mix,
    latency,
    budgets,
    breakEven,
    tables,
  };
}
