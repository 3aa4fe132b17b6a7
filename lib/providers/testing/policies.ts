// Minimal ProviderPolicy / ModelPolicy values for tests that need a provider client, e.g.
//   createProviderClient(providerPolicy({ kind: "openai", baseUrl: upstream.baseUrl }), modelPolicy())
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";

export function providerPolicy(overrides: Partial<ProviderPolicy> = {}): ProviderPolicy {
  return {
    key: "test-provider",
    name: "Test provider",
    kind: "simulator",
    baseUrl: null,
    apiKeyEnv: null,
    region: "EU",
    enabled: true,
    ...overrides,
  };
}

export function modelPolicy(overrides: Partial<ModelPolicy> = {}): ModelPolicy {
  return {
    alias: "test-model",
    providerModelId: "test-model-id",
    providerKey: overrides.providerKey ?? "test-provider",
    tierKey: "local",
    contextWindow: 8192,
    inputPricePerMTok: 0,
    outputPricePerMTok: 0,
    licenceKey: null,
    enabled: true,
    priority: 0,
    capabilities: ["tools", "structured_output", "images", "reasoning"],
    maxOutputTokens: null,
    cachedInputPricePerMTok: null,
    cacheWritePricePerMTok: null,
    longContext: null,
    ...overrides,
  };
}
