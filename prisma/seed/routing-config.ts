// The routing configuration a new Switchyard starts with. Rows are created when missing and
// left alone when present, so the seed never undoes an engineer's edits.
import type { PrismaClient } from "../../lib/db";
import { DIFFICULTY_TIERS, HARDWARE_PROFILE, LICENCES, MODELS, TIERS } from "./catalogue";
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

export const SEEDED_FEATURE_KEYS = FEATURES.map((feature) => feature.key);

export async function seedRoutingConfig(db: PrismaClient): Promise<void> {
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
    const { provider, providerModelId } = providerForModel(model);
    const providerRow = await db.provider.upsert({
      where: { key: provider.key },
      create: { ...provider, simulatedLatencyMs: provider.simulatedLatencyMs ?? 0 },
      update: {},
    });
    await db.model.upsert({
      where: { alias: model.alias },
      create: {
        alias: model.alias,
        providerModelId,
        providerId: providerRow.id,
        tierId: tierId(model.tierKey),
        contextWindow: model.contextWindow,
        inputPricePerMTok: model.inputPricePerMTok,
        outputPricePerMTok: model.outputPricePerMTok,
        hardwareProfileId: model.local ? hardware.id : null,
        licenceId: licenceIds[model.licenceKey] ?? null,
        priority: model.priority,
        isBaseline: model.isBaseline ?? false,
      },
      update: {},
    });
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
}
