// The overview's figures per role, prepared from the same rollup groups and prepare functions the
// Costs page uses (no second copy of the math): engineering health for the last 24 hours,
// finance's month to date, the auditors' refusals, and a newcomer's setup checklist. Pure.
import type { BudgetReport, BudgetRow } from "@/lib/analytics/costs/prepare-budgets";
import { latencyFigures } from "@/lib/analytics/costs/prepare-latency";
import { prepareRoutingMix, type CauseRow } from "@/lib/analytics/costs/prepare-routing-mix";
import { foldGroups, moneyTotals, type FeatureInfo, type MoneyTotals, type ReasonGroup, type TierInfo, type UsageGroup } from "@/lib/analytics/costs/usage-groups";
import type { Area, Role } from "@/lib/auth/roles";
import { canRead } from "@/lib/auth/roles";
import type { ProviderHealthView } from "@/console/providers/provider-health-view";

export type OverviewSection = "engineering" | "finance" | "audit";

/** Which sections a role sees: each needs the page its cards link to. Admins see all three. */
export function overviewSections(role: Role): OverviewSection[] {
  const sections: Array<[OverviewSection, Area]> = [
    ["engineering", "providers"],
    ["finance", "costs"],
    ["audit", "changes"],
  ];
  const wanted: Record<OverviewSection, readonly Role[]> = { engineering: ["admin", "engineer"], finance: ["admin", "finance"], audit: ["admin", "auditor"] };
  return sections.filter(([section, area]) => wanted[section].includes(role) && canRead(role, area)).map(([section]) => section);
}

export interface EngineeringFigures {
  requests: number;
  /** Of well-formed requests (malformed ones are the caller's bug, counted apart). */
  errorRate: number | null;
  refusalRate: number | null;
  malformed: number;
  fallbacks: number;
  fallbackRate: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  providers: ProviderHealthView[];
  /** Providers whose circuit is open or half open. */
  unhealthy: number;
}

export function prepareEngineering(usage: readonly UsageGroup[], reasons: readonly ReasonGroup[], features: readonly FeatureInfo[], tiers: readonly TierInfo[], providers: readonly ProviderHealthView[]): EngineeringFigures {
  const mix = prepareRoutingMix(usage, reasons, features, tiers);
  const errors = usage.reduce((sum, group) => sum + group.errors, 0);
  const wellFormed = mix.requests - mix.malformed;
  // Latency of requests a model answered or tried; refusals (tier "") are measured in microseconds.
  const [answered] = foldGroups(usage.filter((group) => group.tierKey !== ""), []);
  const latency = answered ? latencyFigures(answered) : null;
  return {
    requests: mix.requests,
    errorRate: wellFormed > 0 ? errors / wellFormed : null,
    refusalRate: mix.refusalRate,
    malformed: mix.malformed,
    fallbacks: mix.fellBack,
    fallbackRate: mix.fallbackRate,
    p50LatencyMs: latency?.p50LatencyMs ?? null,
    p95LatencyMs: latency?.p95LatencyMs ?? null,
    providers: [...providers],
    unhealthy: providers.filter((provider) => provider.state === "open" || provider.state === "half_open").length,
  };
}

export interface FinanceFigures {
  monthToDate: MoneyTotals;
  projectionReady: boolean;
  elapsedDays: number;
  daysInMonth: number;
  /** Over budget, or projected over once the month is old enough to project. */
  budgetsAtRisk: BudgetRow[];
  budgetsTracked: number;
}

export function prepareFinance(monthUsage: readonly UsageGroup[], budgets: BudgetReport): FinanceFigures {
  const [total] = foldGroups(monthUsage, []);
  const zero = { requests: 0, served: 0, unpricedRequests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, baselineCostUsd: 0 };
  return {
    monthToDate: moneyTotals(total ?? zero),
    projectionReady: budgets.projectionReady,
    elapsedDays: budgets.elapsedDays,
    daysInMonth: budgets.daysInMonth,
    budgetsAtRisk: budgets.rows.filter((row) => row.status === "over" || row.status === "at_risk"),
    budgetsTracked: budgets.rows.filter((row) => row.monthlyBudgetUsd !== null).length,
  };
}

export interface AuditFigures {
  requests: number;
  refused: number;
  refusalConstraints: CauseRow[];
}

export function prepareAudit(usage: readonly UsageGroup[], reasons: readonly ReasonGroup[], features: readonly FeatureInfo[], tiers: readonly TierInfo[]): AuditFigures {
  const mix = prepareRoutingMix(usage, reasons, features, tiers);
  return { requests: mix.requests, refused: mix.refused, refusalConstraints: mix.refusalConstraints };
}

export interface SetupCounts {
  providers: number;
  simulatedProviders: number;
  enabledModels: number;
  activeKeys: number;
  publishedVersions: number;
}

export interface SetupStep {
  key: "providers" | "models" | "key" | "publish";
  label: string;
  detail: string;
  done: boolean;
  href: string;
}

/** What a newcomer sets up before the first call, in order, each linking to its page. */
export function setupChecklist(counts: SetupCounts): SetupStep[] {
  const real = counts.providers - counts.simulatedProviders;
  return [
    {
      key: "providers",
      label: "Connect a provider",
      detail: real > 0 ? `${real} real provider${real === 1 ? "" : "s"} configured` : counts.providers > 0 ? "Only simulators so far: add a real provider to call real models" : "No provider yet",
      done: real > 0,
      href: "/providers",
    },
    { key: "models", label: "Enable models in tiers", detail: `${counts.enabledModels} model${counts.enabledModels === 1 ? "" : "s"} enabled`, done: counts.enabledModels > 0, href: "/models" },
    { key: "key", label: "Create an app key", detail: `${counts.activeKeys} active key${counts.activeKeys === 1 ? "" : "s"}`, done: counts.activeKeys > 0, href: "/api-keys" },
    { key: "publish", label: "Publish a policy", detail: counts.publishedVersions > 0 ? `${counts.publishedVersions} version${counts.publishedVersions === 1 ? "" : "s"} published` : "The gateway refuses requests until one is", done: counts.publishedVersions > 0, href: "/routing" },
  ];
}

/**
 * The gateway's OpenAI-compatible base URL as this visitor reached the console (behind a proxy,
 * the forwarded host and protocol), e.g. "https://switchyard.example.com/api/v1".
 */
export function gatewayBaseUrl(headers: { get(name: string): string | null }, fallbackOrigin: string): string {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host || !/^[A-Za-z0-9.\-:[\]]+$/.test(host)) return `${fallbackOrigin.replace(/\/$/, "")}/api/v1`;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwarded === "https" || forwarded === "http" ? forwarded : "http";
  return `${proto}://${host}/api/v1`;
}
