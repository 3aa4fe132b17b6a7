import "server-only";
import { recentDifficultyScores } from "@/lib/analytics/decisions/recent-difficulty-scores";
import { getDb, type Feature, type Prisma } from "@/lib/db";
import { calibrate } from "@/lib/routing/difficulty/calibration";
import { ENTITY } from "@/lib/config/changes/change-entities";
import { claimVersion } from "@/lib/config/changes/claim-version";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import type { CreateFeatureInput, UpdateFeatureInput } from "../schema";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

function featureView(feature: Feature) {
  return {
    name: feature.name,
    team: feature.team,
    owner: feature.owner,
    monthlyBudgetUsd: feature.monthlyBudgetUsd?.toNumber() ?? null,
    budgetAction: feature.budgetAction,
    defaultDifficulty: feature.defaultDifficulty,
    defaultDataClass: feature.defaultDataClassKey,
    allowPromptLogging: feature.allowPromptLogging,
    commercial: feature.commercial,
    monthlyActiveUsers: feature.monthlyActiveUsers,
    jurisdictions: feature.jurisdictions,
    difficultyEstimator:
      feature.estimatorFrontierShare === null ? "off" : { frontierShare: feature.estimatorFrontierShare, threshold: feature.estimatorThreshold },
  };
}

/**
 * The dial as stored: the share, and the threshold calibrated for it on the feature's recent
 * scored requests (the benchmark mix when there are too few). Saved with the feature, so the
 * published policy holds a fixed threshold; saving again recalibrates.
 */
async function estimatorData(key: string, percent: number | null) {
  if (percent === null) return { estimatorFrontierShare: null, estimatorThreshold: null };
  const share = percent / 100;
  const scores = (await recentDifficultyScores([key]))[key] ?? [];
  return { estimatorFrontierShare: share, estimatorThreshold: calibrate(scores, share).threshold };
}

function featureData(input: CreateFeatureInput | UpdateFeatureInput) {
  return {
    name: input.name,
    team: input.team,
    owner: input.owner,
    monthlyBudgetUsd: input.monthlyBudgetUsd,
    budgetAction: input.budgetAction,
    defaultDifficulty: input.defaultDifficulty,
    defaultDataClassKey: input.defaultDataClassKey,
    allowPromptLogging: input.allowPromptLogging,
    commercial: input.commercial,
    monthlyActiveUsers: input.monthlyActiveUsers,
    jurisdictions: input.jurisdictions,
  };
}

async function assertDataClassExists(tx: Prisma.TransactionClient, key: string) {
  if (!(await tx.dataClass.findUnique({ where: { key }, select: { key: true } }))) {
    throw new ConfigRuleError(`The data class "${key}" is not configured. Run the seed or choose another class.`, "defaultDataClassKey");
  }
}

/** Adds a feature (budgets, defaults and licence checks hang off it); live after Publish. */
export async function createFeature(input: CreateFeatureInput, actor: Actor): Promise<{ key: string }> {
  const estimator = await estimatorData(input.key, input.estimatorFrontierSharePercent);
  return getDb().$transaction(async (tx) => {
    if (await tx.feature.findUnique({ where: { key: input.key }, select: { key: true } })) {
      throw new ConfigRuleError(`A feature with the key "${input.key}" already exists. Choose another key.`, "key");
    }
    await assertDataClassExists(tx, input.defaultDataClassKey);
    const feature = await tx.feature.create({ data: { key: input.key, ...featureData(input), ...estimator } });
    await recordChange(tx, actor, { entity: ENTITY.feature, entityKey: feature.key, action: "create", after: featureView(feature) });
    return { key: feature.key };
  });
}

/** Edits everything about a feature but its key. */
export async function updateFeature(input: UpdateFeatureInput, actor: Actor): Promise<void> {
  const estimator = await estimatorData(input.key, input.estimatorFrontierSharePercent);
  await getDb().$transaction(async (tx) => {
    await assertDataClassExists(tx, input.defaultDataClassKey);
    const before = await tx.feature.findUnique({ where: { key: input.key } });
    await claimVersion(tx, ENTITY.feature, input.key, input.version, () =>
      tx.feature.updateMany({ where: { key: input.key, version: input.version }, data: { ...featureData(input), ...estimator, version: { increment: 1 } } }),
    );
    const after = await tx.feature.findUniqueOrThrow({ where: { key: input.key } });
    await recordChange(tx, actor, { entity: ENTITY.feature, entityKey: input.key, action: "update", before: before ? featureView(before) : null, after: featureView(after) });
  });
}
