import "server-only";
import { getDb } from "@/lib/db";
import type { Difficulty } from "@/lib/routing/types";

export interface RoutingRuleRow {
  key: string;
  name: string;
  position: number;
  enabled: boolean;
  when: { featureKey: string | null; minTokens: number | null; maxTokens: number | null; keywords: string[]; difficulty: Difficulty | null };
  then: {
    minTier: { key: string; name: string } | null;
    maxTier: { key: string; name: string } | null;
    pinModel: { alias: string; simulated: boolean } | null;
  };
  updatedAt: Date;
}

/** Routing rules of the working configuration in evaluation order (position, then key, as the engine sorts). */
export async function listRoutingRules(): Promise<RoutingRuleRow[]> {
  const rules = await getDb().routingRule.findMany({
    orderBy: [{ position: "asc" }, { key: "asc" }],
    include: {
      minTier: { select: { key: true, name: true } },
      maxTier: { select: { key: true, name: true } },
      pinModel: { select: { alias: true, provider: { select: { kind: true } } } },
    },
  });
  return rules.map((rule) => ({
    key: rule.key,
    name: rule.name,
    position: rule.position,
    enabled: rule.enabled,
    when: {
      featureKey: rule.whenFeatureKey,
      minTokens: rule.whenMinTokens,
      maxTokens: rule.whenMaxTokens,
      keywords: rule.whenKeywords,
      difficulty: rule.whenDifficulty,
    },
    then: {
      minTier: rule.minTier,
      maxTier: rule.maxTier,
      pinModel: rule.pinModel ? { alias: rule.pinModel.alias, simulated: rule.pinModel.provider.kind === "simulator" } : null,
    },
    updatedAt: rule.updatedAt,
  }));
}
