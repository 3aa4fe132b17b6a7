import "server-only";
import { getDb } from "@/lib/db";
import type { BudgetAction, Difficulty } from "@/lib/routing/types";

export interface FeatureRow {
  key: string;
  name: string;
  team: string;
  owner: string;
  /** Null = no budget. */
  monthlyBudgetUsd: number | null;
  budgetAction: BudgetAction;
  defaultDifficulty: Difficulty;
  defaultDataClass: { key: string; name: string };
  allowPromptLogging: boolean;
  commercial: boolean;
  monthlyActiveUsers: number | null;
  jurisdictions: string[];
  /** The difficulty estimator's dial (target share of frontier calls, 0–1) and its calibrated threshold; null = off. */
  estimator: { frontierShare: number; threshold: number } | null;
  /** Row version, for optimistic concurrency when the feature is edited. */
  version: number;
}

export async function listFeatures(): Promise<FeatureRow[]> {
  const features = await getDb().feature.findMany({
    orderBy: [{ team: "asc" }, { key: "asc" }],
    include: { defaultDataClass: { select: { key: true, name: true } } },
  });
  return features.map((feature) => ({
    key: feature.key,
    name: feature.name,
    team: feature.team,
    owner: feature.owner,
    monthlyBudgetUsd: feature.monthlyBudgetUsd?.toNumber() ?? null,
    budgetAction: feature.budgetAction,
    defaultDifficulty: feature.defaultDifficulty,
    defaultDataClass: feature.defaultDataClass,
    allowPromptLogging: feature.allowPromptLogging,
    commercial: feature.commercial,
    monthlyActiveUsers: feature.monthlyActiveUsers,
    jurisdictions: feature.jurisdictions,
    estimator:
      feature.estimatorFrontierShare === null || feature.estimatorThreshold === null
        ? null
        : { frontierShare: feature.estimatorFrontierShare, threshold: feature.estimatorThreshold },
    version: feature.version,
  }));
}
