// Where each provider kind's calls go and the key they carry (read per call, so a rotated secret
// applies at once). Every kind is spoken to directly in its own wire format.
import type { ProviderPolicy } from "@/lib/routing/types";
import { ProviderError } from "./provider-error";

// The vendors' own APIs, when a provider names no base URL.
export const DEFAULT_BASE_URLS = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
} as const;

export type SecretReader = (variableName: string) => string | undefined;

export function configError(provider: ProviderPolicy, kind: "auth" | "unavailable", detail: string): ProviderError {
  // Not retryable: the same config fails the same way until an admin changes it.
  return new ProviderError({ kind, message: `Provider "${provider.key}" ${detail}`, retryable: false });
}

export function secretFor(provider: ProviderPolicy, readSecret: SecretReader, required: boolean): string | undefined {
  if (!provider.apiKeyEnv) {
    if (required) throw configError(provider, "auth", "has no API key variable configured");
    return undefined;
  }
  const secret = readSecret(provider.apiKeyEnv);
  if (secret === undefined && required) throw configError(provider, "auth", `needs the secret ${provider.apiKeyEnv}, which is not set`);
  return secret;
}

/** Where an OpenAI-wire provider's calls go, and the key they carry (read per call, so a rotated secret applies at once). */
export interface OpenAiWireEndpoint {
  kind: "openai" | "openai-compatible";
  baseUrl: string;
  apiKey: () => string | undefined;
}

export function openAiWireEndpoint(provider: ProviderPolicy & { kind: "openai" | "openai-compatible" }, readSecret: SecretReader): OpenAiWireEndpoint {
  const kind = provider.kind;
  const baseUrl = provider.baseUrl ?? (kind === "openai" ? DEFAULT_BASE_URLS.openai : null);
  return {
    kind,
    baseUrl: baseUrl ?? "",
    apiKey: () => {
      if (!baseUrl) throw configError(provider, "unavailable", "has no base URL configured");
      // Hosted APIs always need a key; self-hosted OpenAI-compatible servers often take none.
      return secretFor(provider, readSecret, kind === "openai");
    },
  };
}

/** Where an Anthropic provider's calls go; the key is required and read per call. */
export function anthropicEndpoint(provider: ProviderPolicy, readSecret: SecretReader): { baseUrl: string; apiKey: () => string } {
  return {
    baseUrl: provider.baseUrl ?? DEFAULT_BASE_URLS.anthropic,
    apiKey: () => secretFor(provider, readSecret, true) ?? "",
  };
}
