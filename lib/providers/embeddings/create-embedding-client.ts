// ProviderPolicy + ModelPolicy → EmbeddingClient, the embeddings counterpart of
// createProviderClient. Anthropic has no embeddings API, so an embedding model there is a
// configuration error the breaker does not count as an outage.
import { readSecret as readEnvSecret } from "@/lib/env";
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { configError, openAiWireEndpoint, type SecretReader } from "../provider-instances";
import { createOpenAiEmbeddingsClient } from "./openai-embeddings-client";
import { createSimulatedEmbeddingClient } from "./simulated-embeddings";
import type { EmbeddingClient } from "./types";

export function createEmbeddingClient(provider: ProviderPolicy, model: ModelPolicy, options: { readSecret?: SecretReader } = {}): EmbeddingClient {
  const readSecret = options.readSecret ?? readEnvSecret;
  switch (provider.kind) {
    case "simulator":
      return createSimulatedEmbeddingClient(provider, model);
    case "openai":
    case "openai-compatible":
      return createOpenAiEmbeddingsClient({
        ...openAiWireEndpoint({ ...provider, kind: provider.kind }, readSecret),
        providerKey: provider.key,
        modelAlias: model.alias,
        providerModelId: model.providerModelId,
      });
    case "anthropic":
      return {
        kind: provider.kind,
        providerKey: provider.key,
        modelAlias: model.alias,
        embed: () => Promise.reject(configError(provider, "unavailable", "is an Anthropic provider, and Anthropic has no embeddings API")),
      };
  }
}
