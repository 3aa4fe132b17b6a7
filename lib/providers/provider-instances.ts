// Where each provider kind's calls go and the key they carry (read per call, so a rotated secret
// applies at once). Below them, the AI SDK provider instances the gateway no longer calls (every
// kind is now spoken to directly): only bench/provider-client.ts still times `languageModelFor`,
// and the two can go together.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV4 } from "@ai-sdk/provider";
import { createHash } from "node:crypto";
import type { ProviderPolicy } from "@/lib/routing/types";
import { ProviderError } from "./provider-error";

// Explicit defaults: left undefined, the SDKs would fall back to OPENAI_BASE_URL /
// ANTHROPIC_BASE_URL (and *_API_KEY) from process.env behind lib/env.ts's back.
export const DEFAULT_BASE_URLS = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com/v1",
} as const;

/** Enough for every provider of a large config plus a few rotated secrets. */
const MAX_CACHED_INSTANCES = 64;

type ModelFactory = (modelId: string) => LanguageModelV4;
const instances = new Map<string, ModelFactory>();

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

/**
 * Model objects are reused too: building one compiles its response schemas (zod), ~0.2 ms of CPU
 * per request in bench/provider-client.ts. They hold configuration only, so concurrent calls
 * can share one.
 */
function memoised(make: ModelFactory): ModelFactory {
  const models = new Map<string, LanguageModelV4>();
  return (modelId) => {
    let model = models.get(modelId);
    if (!model) {
      model = make(modelId);
      models.set(modelId, model);
    }
    return model;
  };
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

function build(provider: ProviderPolicy, baseURL: string, apiKey: string | undefined): ModelFactory {
  return memoised(buildUncached(provider, baseURL, apiKey));
}

function buildUncached(provider: ProviderPolicy, baseURL: string, apiKey: string | undefined): ModelFactory {
  switch (provider.kind) {
    case "openai": {
      const sdk = createOpenAI({ baseURL, apiKey });
      // .chat(): chat completions. Calling sdk(id) would use the Responses API instead.
      return (modelId) => sdk.chat(modelId) as LanguageModelV4;
    }
    case "anthropic": {
      const sdk = createAnthropic({ baseURL, apiKey });
      return (modelId) => sdk.messages(modelId) as LanguageModelV4;
    }
    case "openai-compatible": {
      // includeUsage: without it streamed calls report no token usage.
      const sdk = createOpenAICompatible({ name: provider.key, baseURL, ...(apiKey ? { apiKey } : {}), includeUsage: true });
      return (modelId) => sdk.chatModel(modelId) as LanguageModelV4;
    }
    case "simulator":
      throw new Error("The simulator has no AI SDK provider instance");
  }
}

/** The AI SDK model for one provider and model id; throws ProviderError on missing config. */
export function languageModelFor(provider: ProviderPolicy, modelId: string, readSecret: SecretReader): LanguageModelV4 {
  const kind = provider.kind;
  if (kind === "simulator") throw new Error("The simulator has no AI SDK provider instance");
  const baseURL = provider.baseUrl ?? (kind === "openai-compatible" ? undefined : DEFAULT_BASE_URLS[kind]);
  if (!baseURL) throw configError(provider, "unavailable", "has no base URL configured");
  // Hosted APIs always need a key; self-hosted OpenAI-compatible servers often take none.
  const apiKey = secretFor(provider, readSecret, kind !== "openai-compatible");

  const secretHash = apiKey === undefined ? "-" : createHash("sha256").update(apiKey).digest("base64url");
  const cacheKey = `${kind}\u0000${provider.key}\u0000${baseURL}\u0000${secretHash}`;
  let factory = instances.get(cacheKey);
  if (!factory) {
    factory = build(provider, baseURL, apiKey);
    if (instances.size >= MAX_CACHED_INSTANCES) {
      const oldest = instances.keys().next().value;
      if (oldest !== undefined) instances.delete(oldest);
    }
    instances.set(cacheKey, factory);
  }
  return factory(modelId);
}

/** For tests and health pages: how many provider instances are cached. */
export function cachedProviderInstanceCount(): number {
  return instances.size;
}

export function clearProviderInstances(): void {
  instances.clear();
}
