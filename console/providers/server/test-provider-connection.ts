import "server-only";
import { getDb } from "@/lib/db";
import { createProviderClient, ProviderError, toProviderError } from "@/lib/providers";
import type { ProviderPolicy } from "@/lib/routing/types";
import { providerDoc } from "@/lib/config/documents/config-document";
import { baseUrlProblem } from "@/lib/config/provider-fields";
import { ConfigRuleError } from "@/lib/forms/stale-edit";
import { keyVariableProblem } from "@/lib/env";
import { modelPolicyOf } from "@/lib/config/model-policy";
import { createEmbeddingClient } from "@/lib/providers/embeddings/create-embedding-client";
import { textOf } from "@/lib/canonical/text";
import type { CanonicalRequest } from "@/lib/canonical/types";

const CONNECTION_TEST_REQUEST: CanonicalRequest = {
  messages: [{ role: "user", content: [{ type: "text", text: "Reply with the single word OK." }] }],
  tools: [],
  outputFormat: { type: "text" },
  parameters: { maxOutputTokens: 16, temperature: 0 },
  openaiExtras: {},
};

export type ConnectionTestResult =
  | { ok: true; modelAlias: string; latencyMs: number; reply: string; simulated: boolean }
  | { ok: false; modelAlias: string; latencyMs: number; kind: string; status: number | null; message: string };

const TEST_TIMEOUT_MS = 20_000;

/**
 * One real call through the provider layer with the working configuration (not yet
 * published), a tiny prompt and a few output tokens. It bypasses the circuit breaker on
 * purpose: an editor's test should neither be refused by an open circuit nor open one.
 * It calls only the provider's saved base URL with its saved key variable, and first holds both
 * to today's rules (an old row or an imported document may predate them): nothing is sent when
 * the URL is not plain http(s) or the variable is not an allowed key variable.
 */
export async function testProviderConnection(providerKey: string, modelAlias: string | null): Promise<ConnectionTestResult> {
  const row = await getDb().provider.findUnique({
    where: { key: providerKey },
    // Chat models first ("chat" < "embedding"): with no model named, a chat call is the test people expect.
    include: { models: { include: { tier: true, hardwareProfile: true }, orderBy: [{ enabled: "desc" }, { kind: "asc" }, { priority: "asc" }, { alias: "asc" }] } },
  });
  if (!row) throw new ConfigRuleError(`The provider "${providerKey}" no longer exists — reload.`);
  const model = modelAlias === null ? row.models[0] : row.models.find((candidate) => candidate.alias === modelAlias);
  if (!model) throw new ConfigRuleError(`No model uses ${row.name} yet: add one on Models & tiers, then test again.`);

  const doc = providerDoc(row);
  const urlProblem = doc.baseUrl === null ? null : baseUrlProblem(doc.baseUrl);
  if (urlProblem) throw new ConfigRuleError(`Not tested: the saved base URL of ${row.name} is not usable. ${urlProblem} An admin must correct it.`);
  const variableProblem = doc.apiKeyEnv === null ? null : keyVariableProblem(doc.apiKeyEnv);
  if (variableProblem) throw new ConfigRuleError(`Not tested: ${variableProblem} An admin must name another variable for ${row.name}.`);
  const provider: ProviderPolicy = {
    key: doc.key, name: doc.name, kind: doc.kind, baseUrl: doc.baseUrl, apiKeyEnv: doc.apiKeyEnv, region: doc.region, enabled: doc.enabled,
    ...(doc.simulator ? { simulator: doc.simulator } : {}),
  };
  const modelPolicy = modelPolicyOf(model, { providerKey: row.key, tierKey: model.tier.key, licenceKey: null });

  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  try {
    if (modelPolicy.kind === "embedding") {
      // An embedding model has no chat endpoint: embed one short text instead.
      const embedded = await createEmbeddingClient(provider, modelPolicy).embed({ inputs: ["Switchyard connection test"] }, AbortSignal.timeout(TEST_TIMEOUT_MS));
      return { ok: true, modelAlias: model.alias, latencyMs: elapsed(), reply: `A ${embedded.vectors[0]?.length ?? 0}-dimension embedding.`, simulated: provider.kind === "simulator" };
    }
    const client = createProviderClient(provider, modelPolicy);
    const result = await client.generate(CONNECTION_TEST_REQUEST, AbortSignal.timeout(TEST_TIMEOUT_MS));
    return { ok: true, modelAlias: model.alias, latencyMs: elapsed(), reply: textOf(result.content).slice(0, 200), simulated: provider.kind === "simulator" };
  } catch (error) {
    const normalised = error instanceof ProviderError ? error : toProviderError(error);
    if (!(normalised instanceof ProviderError)) {
      return { ok: false, modelAlias: model.alias, latencyMs: elapsed(), kind: "timeout", status: null, message: `No answer within ${TEST_TIMEOUT_MS / 1000} seconds.` };
    }
    return { ok: false, modelAlias: model.alias, latencyMs: elapsed(), kind: normalised.kind, status: normalised.status ?? null, message: normalised.message.slice(0, 500) };
  }
}
