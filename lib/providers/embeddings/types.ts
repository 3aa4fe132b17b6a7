// The interface every embedding upstream sits behind: texts in, one vector per text out, with
// the input tokens the provider counted (or Switchyard counted, and then marked estimated).
// Errors are ProviderErrors, like the chat clients', so breakers and fallback treat both alike.
import type { ProviderKind } from "@/lib/routing/types";

export interface EmbeddingRequest {
  /** Already scanned: exactly what the upstream receives. */
  inputs: string[];
  /** Shorter vectors, where the model supports them (OpenAI's text-embedding-3). */
  dimensions?: number;
  /** The end user, for the provider's abuse monitoring. */
  user?: string;
}

export interface EmbeddingResult {
  /** In input order. */
  vectors: number[][];
  inputTokens: number;
  /** True when the provider reported no usage and the tokens were counted here. */
  estimated: boolean;
  latencyMs: number;
}

export interface EmbeddingClient {
  readonly kind: ProviderKind;
  readonly providerKey: string;
  readonly modelAlias: string;
  embed(request: EmbeddingRequest, signal?: AbortSignal): Promise<EmbeddingResult>;
}
