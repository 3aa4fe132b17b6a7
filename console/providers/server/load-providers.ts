import "server-only";
import { getDb } from "@/lib/db";
import { keyVariableProblem, readSecret } from "@/lib/env";
import { toDocKind } from "@/lib/config/documents/config-document";
import type { ProviderDoc } from "@/lib/config/documents/config-document-schema";

export interface ProviderView {
  key: string;
  version: number;
  name: string;
  kind: ProviderDoc["kind"];
  baseUrl: string | null;
  apiKeyEnv: string | null;
  /** Whether the named variable is set in this server's environment. The value is never read out. */
  apiKeyPresent: boolean | null;
  /** Why the gateway refuses to read the named variable (an old row, an imported document), else null. */
  apiKeyEnvProblem: string | null;
  region: string;
  enabled: boolean;
  simulatedLatencyMs: number;
  simulatedFailureRate: number;
  /** Models served by this provider, preferred first: "Test connection" calls the first. */
  models: Array<{ alias: string; enabled: boolean }>;
}

export async function loadProviders(): Promise<ProviderView[]> {
  const providers = await getDb().provider.findMany({
    orderBy: [{ name: "asc" }],
    include: { models: { select: { alias: true, enabled: true }, orderBy: [{ enabled: "desc" }, { priority: "asc" }, { alias: "asc" }] } },
  });
  return providers.map((provider) => {
    const apiKeyEnvProblem = provider.apiKeyEnv === null ? null : keyVariableProblem(provider.apiKeyEnv);
    return {
      key: provider.key,
      version: provider.version,
      name: provider.name,
      kind: toDocKind(provider.kind),
      baseUrl: provider.baseUrl,
      apiKeyEnv: provider.apiKeyEnv,
      apiKeyPresent: provider.apiKeyEnv === null || apiKeyEnvProblem !== null ? null : readSecret(provider.apiKeyEnv) !== undefined,
      apiKeyEnvProblem,
      region: provider.region,
      enabled: provider.enabled,
      simulatedLatencyMs: provider.simulatedLatencyMs,
      simulatedFailureRate: provider.simulatedFailureRate,
      models: provider.models,
    };
  });
}
