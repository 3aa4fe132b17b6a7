import "server-only";
import { getDb } from "@/lib/db";
import { prepareCostSummary, type CostSummary } from "./prepare-cost-summary";

/** Costs since `since` from the hourly rollups (never the raw log), synthetic traffic included. */
export async function summariseCosts({ since }: { since: Date }): Promise<CostSummary> {
  const db = getDb();
  const groups = await db.usageRollup.groupBy({
    by: ["featureKey", "tierKey", "modelAlias", "synthetic"],
    where: { hour: { gte: since } },
    _sum: { requests: true, unpricedRequests: true, costUsd: true, baselineCostUsd: true },
  });
  const aliases = [...new Set(groups.map((group) => group.modelAlias).filter((alias) => alias !== ""))];
  // Rollups keep the alias, not the provider: whether it is simulated is read from today's
  // configuration, which is what a reader of this page can act on.
  const simulated = aliases.length === 0 ? [] : await db.model.findMany({ where: { alias: { in: aliases }, provider: { kind: "simulator" } }, select: { alias: true } });
  return prepareCostSummary(
    groups.map((group) => ({
      featureKey: group.featureKey,
      tierKey: group.tierKey,
      modelAlias: group.modelAlias,
      synthetic: group.synthetic,
      requests: group._sum.requests ?? 0,
      unpricedRequests: group._sum.unpricedRequests ?? 0,
      costUsd: group._sum.costUsd?.toNumber() ?? 0,
      baselineCostUsd: group._sum.baselineCostUsd?.toNumber() ?? 0,
    })),
    new Set(simulated.map((model) => model.alias)),
  );
}
