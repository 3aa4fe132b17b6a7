import "server-only";
import type { Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { keyVariableProblem } from "@/lib/env";
import { providerDoc, toDbKind } from "./config-document";
import type { ConfigDocument, ProviderDoc } from "./config-document-schema";
import type { EntityPlan } from "./plan-config-changes";
import { refuseIfMoved } from "./claim-version";
import type { ProviderInput } from "./provider-schema";
import { recordChange, type Actor } from "./record-change";
import { ConfigRuleError } from "../forms/stale-edit";

/** Who saves: the role decides whether where the provider's calls go may change. */
export interface ProviderEditor extends Actor {
  role: Role;
}

/**
 * Where a provider's calls go and which secret they carry. Only an admin may set or change
 * these: an engineer who could point a provider holding OPENAI_API_KEY at their own host, or
 * name another variable, could read any secret in the server's environment.
 */
export type EndpointField = "kind" | "baseUrl" | "apiKeyEnv";

const ENDPOINT_LABELS: Record<EndpointField, string> = { kind: "kind", baseUrl: "base URL", apiKeyEnv: "key variable" };

/**
 * The endpoint fields a save sets (before = null: a new provider) or changes. A new simulator
 * sets none: it calls nothing. Pure, in document terms, so a config-document import can ask the
 * same question of its plan.
 */
export function endpointChanges(before: ProviderDoc | null, after: ProviderDoc): EndpointField[] {
  if (before === null) {
    if (after.kind === "simulator") return [];
    return ["kind", ...(after.baseUrl !== null ? (["baseUrl"] as const) : []), ...(after.apiKeyEnv !== null ? (["apiKeyEnv"] as const) : [])];
  }
  return (["kind", "baseUrl", "apiKeyEnv"] as const).filter((field) => before[field] !== after[field]);
}

function assertMayChangeEndpoint(editor: ProviderEditor, changed: EndpointField[], creating: boolean): void {
  if (changed.length === 0 || editor.role === "admin") return;
  const message = creating
    ? "Only an admin can add a provider that calls the network (it decides where calls go and which key they carry). Engineers may add simulated providers."
    : `Only an admin can change a provider's ${changed.map((field) => ENDPOINT_LABELS[field]).join(", ")}; you may edit its name, region, enabled flag and simulator settings.`;
  throw new ConfigRuleError(message, changed.includes("apiKeyEnv") ? "apiKeyEnv" : changed.includes("baseUrl") ? "baseUrl" : "kind");
}

/** The operator's allow-list (PROVIDER_KEY_ENV_PATTERN) and never one of Switchyard's own settings. */
function assertKeyVariableAllowed(apiKeyEnv: string | null): void {
  if (apiKeyEnv === null) return;
  const problem = keyVariableProblem(apiKeyEnv);
  if (problem) throw new ConfigRuleError(problem, "apiKeyEnv");
}

/**
 * The same two rules for a configuration document's provider changes, as document issues (not
 * wired in yet: apply-config-document.ts would call this with the person's role, or null from
 * the CLI, which an operator with database access runs, and refuse the document on any issue).
 */
export function providerPlanIssues(plan: EntityPlan<ProviderDoc>, document: ConfigDocument, role: Role | null): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const path = (key: string, field: string) => `providers[${document.providers.findIndex((provider) => provider.key === key)}].${field}`;
  const changes = [...plan.created.map((after) => ({ before: null, after })), ...plan.updated];
  for (const { before, after } of changes) {
    const changed = endpointChanges(before, after);
    if (role !== null && role !== "admin" && changed.length > 0) {
      issues.push({ path: path(after.key, changed[0]!), message: `Only an admin can set or change a provider's ${changed.map((field) => ENDPOINT_LABELS[field]).join(", ")} (${after.key}).` });
    }
    const problem = after.apiKeyEnv !== null && changed.includes("apiKeyEnv") ? keyVariableProblem(after.apiKeyEnv) : null;
    if (problem) issues.push({ path: path(after.key, "apiKeyEnv"), message: problem });
  }
  return issues;
}

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
