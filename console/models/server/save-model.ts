import "server-only";
import { getDb, type Prisma } from "@/lib/db";
import { hardwareProfileDoc, modelColumnsOf, modelDoc } from "@/lib/config/documents/config-document";
import type { ModelDoc } from "@/lib/config/documents/config-document-schema";
import { refuseIfMoved } from "@/lib/config/changes/claim-version";
import { modelLimitProblems } from "@/lib/config/model-limits";
import type { HardwareProfileInput, ModelInput } from "../schema";
import { recordChange, type Actor } from "@/lib/config/changes/record-change";
import { ConfigRuleError } from "@/lib/forms/stale-edit";

type Tx = Prisma.TransactionClient;
const modelInclude = { provider: { select: { key: true } }, tier: { select: { key: true } }, hardwareProfile: { select: { name: true } }, licence: { select: { key: true } } } as const;

async function resolveReferences(tx: Tx, input: ModelInput) {
  const tier = await tx.tier.findUnique({ where: { key: input.tierKey }, select: { id: true } });
  if (!tier) throw new ConfigRuleError(`The tier "${input.tierKey}" no longer exists — reload.`, "tierKey");
  const provider = await tx.provider.findUnique({ where: { key: input.providerKey }, select: { id: true } });
  if (!provider) throw new ConfigRuleError(`The provider "${input.providerKey}" no longer exists — reload.`, "providerKey");
  let licenceId: string | null = null;
  if (input.licenceKey !== null) {
    const licence = await tx.licence.findUnique({ where: { key: input.licenceKey }, select: { id: true } });
    if (!licence) throw new ConfigRuleError(`The licence "${input.licenceKey}" no longer exists — reload.`, "licenceKey");
    licenceId = licence.id;
  }
  return { tierId: tier.id, providerId: provider.id, licenceId };
}

const profileFields = (profile: HardwareProfileInput) => ({
  name: profile.name,
  purchasePriceUsd: profile.purchasePriceUsd,
  amortisationMonths: profile.amortisationMonths,
  watts: profile.watts,
  usdPerKwh: profile.usdPerKwh,
  tokensPerDay: profile.tokensPerDay,
});

/** Creates or updates the hardware profile that prices a local model; returns its id. */
async function saveHardwareProfile(tx: Tx, actor: Actor, profile: HardwareProfileInput): Promise<string> {
  const sameName = await tx.hardwareProfile.findUnique({ where: { name: profile.name }, select: { id: true } });
  if (sameName && sameName.id !== profile.id) throw new ConfigRuleError(`Another hardware profile is already called "${profile.name}". Pick it from the list or choose another name.`, "pricing.profile.name");
  if (profile.id === null) {
    const created = await tx.hardwareProfile.create({ data: profileFields(profile) });
    await recordChange(tx, actor, { entity: "hardware profile", entityKey: created.name, action: "create", after: hardwareProfileDoc(created) });
    return created.id;
  }
  const current = await tx.hardwareProfile.findUnique({ where: { id: profile.id } });
  if (!current) throw new ConfigRuleError("This hardware profile no longer exists — reload.", "pricing.profile.name");
  const before = hardwareProfileDoc(current);
  const after = { ...profileFields(profile) };
  if (JSON.stringify(before) === JSON.stringify(after) && current.version === profile.version) return current.id;
  const updated = await tx.hardwareProfile.updateMany({ where: { id: profile.id, version: profile.version }, data: { ...after, version: { increment: 1 } } });
  await refuseIfMoved(tx, "hardware profile", current.name, updated, profile.version);
  await recordChange(tx, actor, { entity: "hardware profile", entityKey: after.name, action: "update", before, after });
  return current.id;
}

type CatalogueFields = Pick<ModelDoc, "capabilities" | "maxOutputTokens" | "cachedInputPricePerMTok" | "cacheWritePricePerMTok" | "longContext" | "catalogueRef" | "kind" | "embeddingDimensions">;
const NO_CATALOGUE_FIELDS: CatalogueFields = { capabilities: [], maxOutputTokens: null, cachedInputPricePerMTok: null, cacheWritePricePerMTok: null, longContext: null, catalogueRef: null, kind: "chat", embeddingDimensions: null };

/**
 * Capabilities, max output, cache and long-context prices and the catalogue entry, as they will
 * be stored: what the input gives, the current values for what it leaves out. Cache and
 * long-context prices belong to the price list, so a hardware-priced save keeps them as they are.
 */
function catalogueFields(input: ModelInput, current: CatalogueFields): CatalogueFields {
  const list = input.pricing.source === "list" ? input.pricing : null;
  return {
    capabilities: input.capabilities ?? current.capabilities,
    maxOutputTokens: input.maxOutputTokens === undefined ? current.maxOutputTokens : input.maxOutputTokens,
    cachedInputPricePerMTok: list?.cachedInputPricePerMTok === undefined ? current.cachedInputPricePerMTok : list.cachedInputPricePerMTok,
    cacheWritePricePerMTok: list?.cacheWritePricePerMTok === undefined ? current.cacheWritePricePerMTok : list.cacheWritePricePerMTok,
    longContext: list?.longContext === undefined ? current.longContext : list.longContext,
    catalogueRef: input.catalogueRef === undefined ? current.catalogueRef : input.catalogueRef,
    kind: input.kind ?? current.kind,
    // Only embedding models have dimensions.
    embeddingDimensions: (input.kind ?? current.kind) === "chat" ? null : input.embeddingDimensions === undefined ? current.embeddingDimensions : input.embeddingDimensions,
  };
}

/** The cross-field rules again on what will be stored (a save may change the window and not the max output). */
function refuseBadLimits(contextWindow: number, fields: CatalogueFields) {
  const problem = modelLimitProblems({ contextWindow, ...fields })[0];
  if (problem) throw new ConfigRuleError(problem.message, problem.field === "longContext" ? "pricing.longContext.inputPricePerMTok" : problem.field);
}

function modelFields(input: ModelInput, refs: Awaited<ReturnType<typeof resolveReferences>>, hardwareProfileId: string | null, fields: CatalogueFields) {
  return {
    providerModelId: input.providerModelId,
    providerId: refs.providerId,
    tierId: refs.tierId,
    licenceId: refs.licenceId,
    contextWindow: input.contextWindow,
    enabled: input.enabled,
    priority: input.priority,
    hardwareProfileId,
    ...modelColumnsOf(fields),
    // A hardware-priced model keeps its list prices untouched, so switching back restores them.
    ...(input.pricing.source === "list" ? { inputPricePerMTok: input.pricing.inputPricePerMTok, outputPricePerMTok: input.pricing.outputPricePerMTok } : {}),
  };
}

/** Adds a model to the working configuration (version 0 in the form). */
export async function createModel(input: ModelInput, actor: Actor): Promise<{ alias: string; version: number }> {
  return getDb().$transaction(async (tx) => {
    if (await tx.model.findUnique({ where: { alias: input.alias }, select: { id: true } })) {
      throw new ConfigRuleError(`A model called "${input.alias}" already exists. Aliases are unique because apps pin them.`, "alias");
    }
    const fields = catalogueFields(input, NO_CATALOGUE_FIELDS);
    refuseBadLimits(input.contextWindow, fields);
    const refs = await resolveReferences(tx, input);
    const hardwareProfileId = input.pricing.source === "hardware" ? await saveHardwareProfile(tx, actor, input.pricing.profile) : null;
    const created = await tx.model.create({ data: { alias: input.alias, ...modelFields(input, refs, hardwareProfileId, fields) }, include: modelInclude });
    await recordChange(tx, actor, { entity: "model", entityKey: created.alias, action: "create", after: modelDoc(created) });
    return { alias: created.alias, version: created.version };
  });
}

/** Saves an edited model (tier, provider, prices, capabilities, licence, state, priority…), refusing a stale form. */
export async function updateModel(input: ModelInput, actor: Actor): Promise<{ alias: string; version: number; changed: boolean }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.model.findUnique({ where: { alias: input.alias }, include: modelInclude });
    if (!current) throw new ConfigRuleError(`The model "${input.alias}" no longer exists — reload.`);
    if (current.version !== input.version) await refuseIfMoved(tx, "model", input.alias, { count: 0 }, input.version);
    const before: ModelDoc = modelDoc(current);
    const fields = catalogueFields(input, before);
    refuseBadLimits(input.contextWindow, fields);
    const refs = await resolveReferences(tx, input);
    const hardwareProfileId = input.pricing.source === "hardware" ? await saveHardwareProfile(tx, actor, input.pricing.profile) : null;
    const after: ModelDoc = {
      ...before,
      providerModelId: input.providerModelId,
      provider: input.providerKey,
      tier: input.tierKey,
      contextWindow: input.contextWindow,
      licence: input.licenceKey,
      enabled: input.enabled,
      priority: input.priority,
      hardwareProfile: input.pricing.source === "hardware" ? input.pricing.profile.name : null,
      ...(input.pricing.source === "list" ? { inputPricePerMTok: input.pricing.inputPricePerMTok, outputPricePerMTok: input.pricing.outputPricePerMTok } : {}),
      ...fields,
    };
    // Nothing the policy reads changed (a profile edit is logged on its own): keep the model's version.
    if (JSON.stringify(before) === JSON.stringify(after)) return { alias: input.alias, version: current.version, changed: false };
    const updated = await tx.model.updateMany({ where: { id: current.id, version: input.version }, data: { ...modelFields(input, refs, hardwareProfileId, fields), version: { increment: 1 } } });
    await refuseIfMoved(tx, "model", input.alias, updated, input.version);
    await recordChange(tx, actor, { entity: "model", entityKey: input.alias, action: "update", before, after });
    return { alias: input.alias, version: current.version + 1, changed: true };
  });
}
