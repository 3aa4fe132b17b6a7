import "server-only";
import { getDb } from "@/lib/db";

export interface FeatureSpend {
  costUsd: number;
  requests: number;
  /** Requests whose model had no price: counted here, absent from costUsd. */
  unpricedRequests: number;
}

/** Spend per feature key since `since`, from the hourly rollups (never the raw log). */
export async function sumFeatureSpend({ since }: { since: Date }): Promise<Record<string, FeatureSpend>> {
  const groups = await getDb().usageRollup.groupBy({
    by: ["featureKey"],
    where: { hour: { gte: since } },
    _sum: { costUsd: true, requests: true, unpricedRequests: true },
  });
  const spend: Record<string, FeatureSpend> = {};
  for (const group of groups) {
    spend[group.featureKey] = {
      costUsd: group._sum.costUsd?.toNumber() ?? 0,
      requests: group._sum.requests ?? 0,
      unpricedRequests: group._sum.unpricedRequests ?? 0,
    };
  }
  return spend;
}
