// The factory the gateway calls per candidate: ProviderPolicy + ModelPolicy → ProviderClient.
// Cheap on the hot path: AI SDK provider instances are cached (provider-instances.ts), and
// secrets are read per call so a rotated key takes effect without a restart.
import { readSecret as readEnvSecret } from "@/lib/env";
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { createAiSdkClient } from "./ai-sdk-client";
import { languageModelFor, type SecretReader } from "./provider-instances";
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
  if (provider.kind === "simulator") return createSimulatorClient(provider, model, options.simulator);
  const readSecret = options.readSecret ?? readEnvSecret;
  return createAiSdkClient({
    kind: provider.kind,
    providerKey: provider.key,
    modelAlias: model.alias,
    resolveModel: () => languageModelFor(provider, model.providerModelId, readSecret),
  });
}
