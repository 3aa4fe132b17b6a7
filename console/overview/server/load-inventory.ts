import "server-only";
import { getDb } from "@/lib/db";

export interface ConsoleOverview {
  policy: { number: number; note: string; publishedAt: Date; publishedBy: string | null } | null;
  counts: { tiers: number; models: number; enabledModels: number; providers: number; simulatedProviders: number; features: number; activeKeys: number };
  decisionsLast24h: number;
}

export async function loadOverview(): Promise<ConsoleOverview> {
  const db = getDb();
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [policy, tiers, models, enabledModels, providers, simulatedProviders, features, activeKeys, decisionsLast24h] = await Promise.all([
    db.policyVersion.findFirst({ orderBy: { number: "desc" }, include: { publishedBy: { select: { email: true } } } }),
    db.tier.count(),
    db.model.count(),
    db.model.count({ where: { enabled: true } }),
    db.provider.count(),
    db.provider.count({ where: { kind: "simulator" } }),
    db.feature.count(),
    db.apiKey.count({ where: { revokedAt: null } }),
    db.decisionRecord.count({ where: { createdAt: { gte: since } } }),
  ]);
  return {
    policy: policy ? { number: policy.number, note: policy.note, publishedAt: policy.publishedAt, publishedBy: policy.publishedBy?.email ?? null } : null,
    counts: { tiers, models, enabledModels, providers, simulatedProviders, features, activeKeys },
    decisionsLast24h,
  };
}
