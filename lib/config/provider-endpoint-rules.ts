import "server-only";
// Who may change where a provider's calls go, asked alike of a console save (Providers page) and
// of a configuration document's plan (import, discard), so both refuse the same changes.
import type { Role } from "@/lib/auth/roles";
import { keyVariableProblem } from "@/lib/env";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import type { ConfigDocument, ProviderDoc } from "./documents/config-document-schema";
import type { EntityPlan } from "./documents/plan-config-changes";
import type { Actor } from "./changes/record-change";

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

export const ENDPOINT_LABELS: Record<EndpointField, string> = { kind: "kind", baseUrl: "base URL", apiKeyEnv: "key variable" };

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

export function assertMayChangeEndpoint(editor: ProviderEditor, changed: EndpointField[], creating: boolean): void {
  if (changed.length === 0 || editor.role === "admin") return;
  const message = creating
    ? "Only an admin can add a provider that calls the network (it decides where calls go and which key they carry). Engineers may add simulated providers."
    : `Only an admin can change a provider's ${changed.map((field) => ENDPOINT_LABELS[field]).join(", ")}; you may edit its name, region, enabled flag and simulator settings.`;
  throw new ConfigRuleError(message, changed.includes("apiKeyEnv") ? "apiKeyEnv" : changed.includes("baseUrl") ? "baseUrl" : "kind");
}

/** The operator's allow-list (PROVIDER_KEY_ENV_PATTERN) and never one of Switchyard's own settings. */
export function assertKeyVariableAllowed(apiKeyEnv: string | null): void {
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
