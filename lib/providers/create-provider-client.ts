// The factory the gateway calls per candidate: ProviderPolicy + ModelPolicy → ProviderClient.
// OpenAI and OpenAI-compatible upstreams are spoken to directly in their own wire format (the
// canonical request serialises into it without loss), and so is Anthropic's Messages API.
// Secrets are read per call so a rotated key takes effect without a restart.
import { readSecret as readEnvSecret } from "@/lib/env";
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { createAnthropicMessagesClient } from "./anthropic-messages-client";
import { createOpenAiChatClient } from "./openai-chat-client";
import { anthropicEndpoint, openAiWireEndpoint, type SecretReader } from "./provider-instances";
import { createSimulatorClient, type SimulatorOptions } from "./simulator";
import type { ProviderClient } from "./types";

export interface ProviderClientOptions {
  /** Where secrets come from; default lib/env's readSecret (tests pass a map). */
  readSecret?: SecretReader;
  /** Randomness, sleep and clock for the simulator (tests make them deterministic). */
  simulator?: SimulatorOptions;
}

export function createProviderClient(provider: ProviderPolicy, model: ModelPolicy, options: ProviderClientOptions = {}): ProviderClient {
  if (model.providerKey !== provider.key) {
    throw new Error(`Model "${model.alias}" belongs to provider "${model.providerKey}", not "${provider.key}"`);
  }
  const readSecret = options.readSecret ?? readEnvSecret;
  switch (provider.kind) {
    case "simulator":
      return createSimulatorClient(provider, model, options.simulator);
    case "openai":
    case "openai-compatible":
      return createOpenAiChatClient({
        ...openAiWireEndpoint({ ...provider, kind: provider.kind }, readSecret),
        providerKey: provider.key,
        modelAlias: model.alias,
        providerModelId: model.providerModelId,
      });
    case "anthropic":
      return createAnthropicMessagesClient({
        ...anthropicEndpoint(provider, readSecret),
        providerKey: provider.key,
        modelAlias: model.alias,
        providerModelId: model.providerModelId,
      });
  }
}
