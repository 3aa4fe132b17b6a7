import "server-only";
import { getDb } from "@/lib/db";
import { providerDoc, toDbKind } from "@/lib/config/documents/config-document";
import type { ProviderDoc } from "@/lib/config/documents/config-document-schema";
import { refuseIfMoved } from "@/lib/config/changes/claim-version";
import { assertKeyVariableAllowed, assertMayChangeEndpoint, ENDPOINT_LABELS, endpointChanges, type EndpointField, type ProviderEditor } from "@/lib/config/provider-endpoint-rules";
import { recordChange } from "@/lib/config/changes/record-change";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import type { ProviderInput } from "../schema";

const endpointNote = (changed: EndpointField[]) => (changed.length ? `Endpoint set by an admin: ${changed.map((field) => ENDPOINT_LABELS[field]).join(", ")}.` : null);

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

export async function createProvider(input: ProviderInput, editor: ProviderEditor): Promise<{ key: string; version: number }> {
  const fields = providerFields(input);
  const changed = endpointChanges(null, providerDoc({ key: input.key, ...fields }));
  assertMayChangeEndpoint(editor, changed, true);
  assertKeyVariableAllowed(fields.apiKeyEnv);
  return getDb().$transaction(async (tx) => {
    if (await tx.provider.findUnique({ where: { key: input.key }, select: { id: true } })) {
      throw new ConfigRuleError(`A provider with the key "${input.key}" already exists.`, "key");
    }
    const created = await tx.provider.create({ data: { key: input.key, ...fields } });
    await recordChange(tx, editor, { entity: "provider", entityKey: created.key, action: "create", after: providerDoc(created), note: endpointNote(changed) });
    return { key: created.key, version: created.version };
  });
}

/**
 * Saves an edited provider, refusing a stale form. The key stays: models refer to it. The
 * endpoint (kind, base URL, key variable) is compared with the row as it is now, inside the
 * transaction, so an engineer's save can never carry a change to it.
 */
export async function updateProvider(input: ProviderInput, editor: ProviderEditor): Promise<{ version: number }> {
  return getDb().$transaction(async (tx) => {
    const current = await tx.provider.findUnique({ where: { key: input.key } });
    if (!current) throw new ConfigRuleError(`The provider "${input.key}" no longer exists — reload.`);
    if (current.version !== input.version) await refuseIfMoved(tx, "provider", input.key, { count: 0 }, input.version);
    const before: ProviderDoc = providerDoc(current);
    const fields = providerFields(input);
    const after: ProviderDoc = providerDoc({ ...current, ...fields });
    if (JSON.stringify(before) === JSON.stringify(after)) return { version: current.version };
    const changed = endpointChanges(before, after);
    assertMayChangeEndpoint(editor, changed, false);
    if (changed.includes("apiKeyEnv")) assertKeyVariableAllowed(fields.apiKeyEnv);
    const updated = await tx.provider.updateMany({ where: { id: current.id, version: input.version }, data: { ...fields, version: { increment: 1 } } });
    await refuseIfMoved(tx, "provider", input.key, updated, input.version);
    await recordChange(tx, editor, { entity: "provider", entityKey: input.key, action: "update", before, after, note: endpointNote(changed) });
    return { version: current.version + 1 };
  });
}
