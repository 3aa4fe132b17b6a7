import "server-only";
import { getDb } from "@/lib/db";
import { providerDoc, toDbKind } from "./config-document";
import type { ProviderDoc } from "./config-document-schema";
import { refuseIfMoved } from "./claim-version";
import type { ProviderInput } from "./provider-schema";
import { recordChange, type Actor } from "./record-change";
import { ConfigRuleError } from "./stale-edit";

function providerFields(input: ProviderInput) {
  const simulator = input.kind === "simulator";
  return {
    name: input.name,
    kind: toDbKind(input.kind),
    // A simulator calls nothing: a URL or key variable on it would only mislead.
    baseUrl: simulator ? null : input.baseUrl,
    apiKeyEnv: simulator ? null : input.apiKeyEnv,
    region: input.region,
    enabled: input.enabled,
    simulatedLatencyMs: simulator ? input.simulatedLatencyMs : 0,
    simulatedFailureRate: simulator ? input.simulatedFailureRate : 0,
  };
}

export async function createProvider(input: ProviderInput, actor: Actor): Promise<{ key: string; version: number }> {
  return getDb().$transaction(async (tx) => {
    if (await tx.provider.findUnique({ where: { key: input.key }, select: { id: true } })) {
      throw new ConfigRuleError(`A provider with the key "${input.key}" already exists.`, "key");
    }
    const created = await tx.provider.create({ data: { key: input.key, ...providerFields(input) } });
    await recordChange(tx, actor, { entity: "provider", entityKey: created.key, action: "create", after: providerDoc(created) });
    return { key: created.key, version: created.version };
  });
}

/** Saves an edited provider, refusing a stale form. The key stays: models refer to it. */
export async function updateProvider(input: ProviderInput, actor: Actor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.provider.findUnique({ where: { key: input.key } });
    if (!current) throw new ConfigRuleError(`The provider "${input.key}" no longer exists — reload.`);
    if (current.version !== input.version) await refuseIfMoved(tx, "provider", input.key, { count: 0 }, input.version);
    const before: ProviderDoc = providerDoc(current);
    const fields = providerFields(input);
    const after: ProviderDoc = providerDoc({ ...current, ...fields });
    if (JSON.stringify(before) === JSON.stringify(after)) return { version: current.version };
    const updated = await tx.provider.updateMany({ where: { id: current.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
    await refuseIfMoved(tx, "provider", input.key, updated, input.version);
    await recordChange(tx, actor, { entity: "provider", entityKey: input.key, action: "update", before, after });
    return { version: current.version + 1 };
  });
}
