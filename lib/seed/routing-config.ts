// The routing configuration a new Switchyard starts with. Rows are created when missing and
// left alone when present, so the seed never undoes an engineer's edits — with one exception:
// a seeded model's catalogue facts (capability switches, max output, cache and long-context
// prices, catalogue entry) are brought in line with the offline catalogue on every run, so a
// database seeded before capabilities existed gets them. Its tier, provider, context window,
// prices, priority and state stay as the engineer left them.
import { modelColumnsOf } from "../config/documents/config-document";
import type { PrismaClient } from "../db";
import { DIFFICULTY_TIERS, HARDWARE_PROFILE, LICENCES, MODELS, TIERS } from "./catalogue";
import { seededModelValues } from "./model-defaults";
import { providerForModel } from "./providers";

const DATA_CLASSES = [
  { key: "public", name: "Public", rank: 0, tiers: ["local", "hosted-open", "frontier"], regions: [], description: "Published or publishable material." },
  { key: "internal", name: "Internal", rank: 1, tiers: ["local", "hosted-open", "frontier"], regions: [], description: "Ordinary business content; may go to any vetted provider." },
  { key: "confidential", name: "Confidential", rank: 2, tiers: ["local", "hosted-open"], regions: ["on-prem", "us", "eu"], description: "Personal data such as emails and phone numbers; never sent to closed frontier APIs." },
  { key: "restricted", name: "Restricted", rank: 3, tiers: ["local"], regions: ["on-prem"], description: "Payment cards, national IDs, bank accounts and secrets; never leaves the team's own hardware." },
];

const DETECTOR_RULES = [
  { key: "detector-payment-card", name: "Payment card numbers (Luhn-checked)", detector: "payment_card", dataClass: "restricted" },
  { key: "detector-us-ssn", name: "US social security numbers", detector: "us_ssn", dataClass: "restricted" },
  { key: "detector-iban", name: "IBANs (mod-97 checked)", detector: "iban", dataClass: "restricted" },
  { key: "detector-secret", name: "Secrets and API keys", detector: "secret", dataClass: "restricted" },
  { key: "detector-email", name: "Email addresses", detector: "email", dataClass: "confidential" },
  { key: "detector-phone", name: "Phone numbers", detector: "phone", dataClass: "confidential" },
];

const FEATURES = [
  { key: "support-summaries", name: "Support ticket summaries", team: "Customer Support", owner: "dana.support@example.com", monthlyBudgetUsd: 500, budgetAction: "downgrade", defaultDifficulty: "routine", defaultDataClassKey: "internal", commercial: true, monthlyActiveUsers: 40_000, jurisdictions: ["US", "EU"] },
  { key: "code-assist", name: "Code assistant", team: "Platform", owner: "priya.platform@example.com", monthlyBudgetUsd: 2000, budgetAction: "downgrade", defaultDifficulty: "standard", defaultDataClassKey: "internal", commercial: true, monthlyActiveUsers: 300, jurisdictions: ["US"] },
  { key: "contract-review", name: "Contract review", team: "Legal", owner: "lee.legal@example.com", monthlyBudgetUsd: 1500, budgetAction: "block", defaultDifficulty: "hard", defaultDataClassKey: "internal", commercial: true, monthlyActiveUsers: 25, jurisdictions: ["US", "EU"] },
  { key: "research-notebook", name: "Research notebook", team: "Research", owner: "rosa.research@example.com", monthlyBudgetUsd: 300, budgetAction: "block", defaultDifficulty: "standard", defaultDataClassKey: "internal", commercial: false, monthlyActiveUsers: 12, jurisdictions: ["EU"] },
] as const;

/**
 * The names Claude Code, Codex and the vendor SDKs send by default, routed by Switchyard's own
 * policy; Opus is what users pick for their hardest work, so it starts at difficulty hard.
 */
const MODEL_NAME_MAPPINGS = [
  { pattern: "claude-opus-*", target: "auto", difficulty: "hard", priority: 10 },
  { pattern: "claude-*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "gpt-*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "o1*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "o3*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "o4*", target: "auto", difficulty: null, priority: 100 },
  { pattern: "codex-*", target: "auto", difficulty: null, priority: 100 },
];

export const SEEDED_FEATURE_KEYS = FEATURES.map((feature) => feature.key);

type CatalogueColumns = ReturnType<typeof modelColumnsOf>;

/** Whether a stored model's catalogue columns differ from the seed's (Decimals compared as numbers). */
function catalogueColumnsDiffer(row: Record<string, unknown>, columns: CatalogueColumns): boolean {
  const plain = (value: unknown) => (value !== null && typeof value === "object" && "toNumber" in value ? (value as { toNumber(): number }).toNumber() : value);
  return (Object.keys(columns) as Array<keyof CatalogueColumns>).some((column) => plain(row[column]) !== columns[column]);
}

export interface SeedRoutingResult {
  /** Existing models whose catalogue columns the seed changed (their version was bumped). */
  updatedModels: string[];
}

export async function seedRoutingConfig(db: PrismaClient): Promise<SeedRoutingResult> {
  const updatedModels: string[] = [];
  const tierIds: Record<string, string> = {};
  for (const tier of TIERS) {
    const row = await db.tier.upsert({ where: { key: tier.key }, create: tier, update: {} });
    tierIds[tier.key] = row.id;
  }
  const tierId = (key: string) => {
    const id = tierIds[key];
    if (!id) throw new Error(`Seed refers to unknown tier ${key}`);
    return id;
  };

  for (const [difficulty, key] of Object.entries(DIFFICULTY_TIERS)) {
    await db.difficultyTier.upsert({ where: { difficulty: difficulty as keyof typeof DIFFICULTY_TIERS }, create: { difficulty: difficulty as keyof typeof DIFFICULTY_TIERS, tierId: tierId(key) }, update: {} });
  }

  const hardware = await db.hardwareProfile.upsert({ where: { name: HARDWARE_PROFILE.name }, create: HARDWARE_PROFILE, update: {} });

  const licenceIds: Record<string, string> = {};
  for (const licence of LICENCES) {
    const row = await db.licence.upsert({
      where: { key: licence.key },
      create: { ...licence, reviewedBy: "Switchyard seed (verify with your counsel)", reviewedAt: new Date("2026-11-01T00:00:00Z") },
      update: {},
    });
    licenceIds[licence.key] = row.id;
  }

  for (const model of MODELS) {
    const { provider, providerModelId, catalogueRef } = providerForModel(model);
    const providerRow = await db.provider.upsert({
      where: { key: provider.key },
      create: { ...provider, simulatedLatencyMs: provider.simulatedLatencyMs ?? 0 },
      update: {},
    });
    const values = seededModelValues(model, catalogueRef);
    const columns = modelColumnsOf(values);
    const existing = await db.model.findUnique({ where: { alias: model.alias } });
    if (!existing) {
      await db.model.create({
        data: {
          alias: model.alias,
          providerModelId,
          providerId: providerRow.id,
          tierId: tierId(model.tierKey),
          contextWindow: values.contextWindow,
          inputPricePerMTok: values.inputPricePerMTok,
          outputPricePerMTok: values.outputPricePerMTok,
          hardwareProfileId: model.local ? hardware.id : null,
          licenceId: licenceIds[model.licenceKey] ?? null,
          priority: model.priority,
          isBaseline: model.isBaseline ?? false,
          kind: model.kind ?? "chat",
          embeddingDimensions: model.embeddingDimensions ?? null,
          ...columns,
        },
      });
    } else if (catalogueColumnsDiffer(existing, columns)) {
      await db.model.update({ where: { id: existing.id }, data: { ...columns, version: { increment: 1 } } });
      updatedModels.push(model.alias);
    }
  }

  for (const dataClass of DATA_CLASSES) {
    await db.dataClass.upsert({
      where: { key: dataClass.key },
      create: {
        key: dataClass.key,
        name: dataClass.name,
        rank: dataClass.rank,
        description: dataClass.description,
        allowedRegions: dataClass.regions,
        tiers: { create: dataClass.tiers.map((key) => ({ tierId: tierId(key) })) },
      },
      update: {},
    });
  }

  for (const rule of DETECTOR_RULES) {
    await db.classificationRule.upsert({
      where: { key: rule.key },
      create: { key: rule.key, name: rule.name, kind: "detector", detector: rule.detector, dataClassKey: rule.dataClass },
      update: {},
    });
  }

  await db.routingRule.upsert({
    where: { key: "long-context-to-hosted" },
    create: {
      key: "long-context-to-hosted",
      name: "Long prompts start at hosted open-weight",
      position: 10,
      whenMinTokens: 6000,
      minTierId: tierId("hosted-open"),
    },
    update: {},
  });
  await db.routingRule.upsert({
    where: { key: "proofs-to-frontier" },
    create: {
      key: "proofs-to-frontier",
      name: "Formal proofs and legal opinions need frontier reasoning",
      position: 20,
      whenKeywords: ["proof", "prove", "legal opinion"],
      minTierId: tierId("frontier"),
    },
    update: {},
  });

  for (const feature of FEATURES) {
    await db.feature.upsert({ where: { key: feature.key }, create: { ...feature, jurisdictions: [...feature.jurisdictions] }, update: {} });
  }

  for (const mapping of MODEL_NAME_MAPPINGS) {
    await db.modelNameMapping.upsert({ where: { pattern: mapping.pattern }, create: mapping, update: {} });
  }

  // Images cannot be scanned for personal data: at least confidential keeps them off closed frontier APIs.
  await db.dataRuleSettings.upsert({ where: { id: 1 }, create: { id: 1, unscannableDataClassKey: "confidential" }, update: {} });
  return { updatedModels };
}
