import "server-only";
// Loads the overview for one role: only the sections that role sees, each from the rollup queries
// the Costs page runs (lib/analytics), the circuit breaker the gateway uses, and the change log.
import { resolveCostFilters } from "@/lib/analytics/costs/cost-filters";
import { listFeatureInfo, listTiers, queryMonthToDate, queryReasons, queryUsage } from "@/lib/analytics/costs/cost-queries";
import { prepareBudgets } from "@/lib/analytics/costs/prepare-budgets";
import type { Role } from "@/lib/auth/roles";
import { loadOverview, type ConsoleOverview } from "@/console/overview/server/load-inventory";
import { listConfigChanges, type ConfigChangeRow } from "@/console/changes/server/list-config-changes";
import { providerHealthViews } from "@/console/providers/provider-health-view";
import { getDb } from "@/lib/db";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { overviewSections, prepareAudit, prepareEngineering, prepareFinance, setupChecklist, type AuditFigures, type EngineeringFigures, type FinanceFigures, type OverviewSection, type SetupStep } from "../overview-figures";

export interface RoleOverview {
  inventory: ConsoleOverview;
  sections: OverviewSection[];
  /** No request has ever been recorded: show how to make the first one. */
  newcomer: boolean;
  checklist: SetupStep[];
  engineering: EngineeringFigures | null;
  finance: FinanceFigures | null;
  audit: (AuditFigures & { recentChanges: ConfigChangeRow[] }) | null;
}

const RECENT_CHANGES = 5;

export async function loadRoleOverview(role: Role, now: Date): Promise<RoleOverview> {
  const sections = overviewSections(role);
  const db = getDb();
  const [inventory, anyRecord, publishedVersions, tiers, features] = await Promise.all([
    loadOverview(),
    db.decisionRecord.findFirst({ select: { id: true } }),
    db.policyVersion.count(),
    listTiers(),
    listFeatureInfo(),
  ]);
  const day = resolveCostFilters({ preset: "last-24h" }, now);
  const week = resolveCostFilters({ preset: "last-7" }, now);
  const month = resolveCostFilters({ preset: "mtd", tz: "UTC" }, now);
  const has = (section: OverviewSection) => sections.includes(section);

  const [dayUsage, dayReasons, weekUsage, weekReasons, monthUsage, monthByFeature, providers, recentChanges] = await Promise.all([
    has("engineering") ? queryUsage(day) : null,
    has("engineering") ? queryReasons(day) : null,
    has("audit") ? queryUsage(week) : null,
    has("audit") ? queryReasons(week) : null,
    has("finance") ? queryUsage(month) : null,
    has("finance") ? queryMonthToDate(month, now) : null,
    has("engineering") ? db.provider.findMany({ orderBy: { key: "asc" }, select: { key: true } }) : null,
    has("audit") ? listConfigChanges({ take: RECENT_CHANGES }) : null,
  ]);

  const health = providers ? providerHealthViews(providers.map((provider) => provider.key), gatewayRuntime().breaker.snapshot(), now).providers : [];
  const { counts } = inventory;
  return {
    inventory,
    sections,
    newcomer: anyRecord === null,
    checklist: setupChecklist({ providers: counts.providers, simulatedProviders: counts.simulatedProviders, enabledModels: counts.enabledModels, activeKeys: counts.activeKeys, publishedVersions }),
    engineering: dayUsage && dayReasons ? prepareEngineering(dayUsage, dayReasons, features, tiers, health) : null,
    finance: monthUsage && monthByFeature ? prepareFinance(monthUsage, prepareBudgets(monthByFeature, features, now)) : null,
    audit: weekUsage && weekReasons && recentChanges ? { ...prepareAudit(weekUsage, weekReasons, features, tiers), recentChanges } : null,
  };
}
