import "server-only";
import { getDb } from "@/lib/db";
import { DIFFICULTIES, type Difficulty } from "@/lib/routing/types";
import { difficultyMapVersion } from "./save-difficulty-map";

export interface RoutingRuleView {
  key: string;
  version: number;
  name: string;
  position: number;
  enabled: boolean;
  when: { featureKey: string | null; minTokens: number | null; maxTokens: number | null; keywords: string[]; difficulty: Difficulty | null };
  then: { minTierKey: string | null; maxTierKey: string | null; pinModelAlias: string | null; pinSimulated: boolean };
  /** Edited after the policy in force was published: not yet what the gateway does. */
  unpublished: boolean;
}

export interface RoutingEditor {
  rules: RoutingRuleView[];
  difficultyMap: { version: number; tiers: Record<Difficulty, string | null> };
  tiers: Array<{ key: string; name: string; rank: number }>;
  models: Array<{ alias: string; tierKey: string }>;
  features: Array<{ key: string; name: string }>;
}

export async function loadRoutingEditor(): Promise<RoutingEditor> {
  const db = getDb();
  const [rules, difficulties, tiers, models, features, latest] = await Promise.all([
    db.routingRule.findMany({
      orderBy: [{ position: "asc" }, { key: "asc" }],
      include: { minTier: { select: { key: true } }, maxTier: { select: { key: true } }, pinModel: { select: { alias: true, provider: { select: { kind: true } } } } },
    }),
    db.difficultyTier.findMany({ include: { tier: { select: { key: true } } } }),
    db.tier.findMany({ orderBy: { rank: "asc" }, select: { key: true, name: true, rank: true } }),
    db.model.findMany({ orderBy: { alias: "asc" }, select: { alias: true, tier: { select: { key: true } } } }),
    db.feature.findMany({ orderBy: { key: "asc" }, select: { key: true, name: true } }),
    db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { publishedAt: true } }),
  ]);
  return {
    rules: rules.map((rule) => ({
      key: rule.key,
      version: rule.version,
      name: rule.name,
      position: rule.position,
      enabled: rule.enabled,
      when: { featureKey: rule.whenFeatureKey, minTokens: rule.whenMinTokens, maxTokens: rule.whenMaxTokens, keywords: rule.whenKeywords, difficulty: rule.whenDifficulty },
      then: {
        minTierKey: rule.minTier?.key ?? null,
        maxTierKey: rule.maxTier?.key ?? null,
        pinModelAlias: rule.pinModel?.alias ?? null,
        pinSimulated: rule.pinModel?.provider.kind === "simulator",
      },
      unpublished: latest === null || rule.updatedAt > latest.publishedAt,
    })),
    difficultyMap: {
      version: difficultyMapVersion(difficulties),
      tiers: Object.fromEntries(DIFFICULTIES.map((difficulty) => [difficulty, difficulties.find((row) => row.difficulty === difficulty)?.tier.key ?? null])) as Record<Difficulty, string | null>,
    },
    tiers,
    models: models.map((model) => ({ alias: model.alias, tierKey: model.tier.key })),
    features,
  };
}
