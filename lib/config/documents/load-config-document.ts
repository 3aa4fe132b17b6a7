import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { toConfigDocument, type ConfigRows } from "./config-document";
import type { ConfigDocument } from "./config-document-schema";

/** Reads every configuration table (sequentially: inside a transaction they share one connection). */
export async function loadConfigRows(db: Prisma.TransactionClient = getDb()): Promise<ConfigRows> {
  const tiers = await db.tier.findMany();
  const providers = await db.provider.findMany();
  const hardwareProfiles = await db.hardwareProfile.findMany();
  const licences = await db.licence.findMany();
  const models = await db.model.findMany({
    include: { provider: { select: { key: true } }, tier: { select: { key: true } }, hardwareProfile: { select: { name: true } }, licence: { select: { key: true } } },
  });
  const dataClasses = await db.dataClass.findMany({ include: { tiers: { include: { tier: { select: { key: true, rank: true } } } } } });
  const classificationRules = await db.classificationRule.findMany();
  const difficulties = await db.difficultyTier.findMany({ include: { tier: { select: { key: true } } } });
  const routingRules = await db.routingRule.findMany({
    include: { minTier: { select: { key: true } }, maxTier: { select: { key: true } }, pinModel: { select: { alias: true } } },
  });
  const features = await db.feature.findMany();
  const dataRuleSettings = await db.dataRuleSettings.findUnique({ where: { id: 1 }, select: { unscannableDataClassKey: true, maxLoggedDataClassKey: true, maskedAnswerFindings: true } });
  const modelNameMappings = await db.modelNameMapping.findMany({ select: { pattern: true, target: true, difficulty: true, priority: true } });
  return { tiers, providers, hardwareProfiles, licences, models, dataClasses, classificationRules, difficulties, routingRules, features, dataRuleSettings, modelNameMappings };
}

/** The working configuration as a document (what Export downloads and Apply compares against). */
export async function loadConfigDocument(db: Prisma.TransactionClient = getDb()): Promise<ConfigDocument> {
  const rows = await loadConfigRows(db);
  const latest = await db.policyVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return toConfigDocument(rows, { exportedAt: new Date(), basedOnPolicyVersion: latest?.number ?? null });
}
