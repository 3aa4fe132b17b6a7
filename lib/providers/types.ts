// The one interface every upstream sits behind. Requests arrive as the canonical request
// (lib/canonical); answers leave normalised: one finish-reason vocabulary, usage always present
// (estimated when the provider is silent, and then marked), errors always a ProviderError.
import type { CanonicalRequest, CanonicalResult, StreamPart } from "@/lib/canonical/types";
import type { ProviderKind } from "@/lib/routing/types";

export type { AssistantPart, CanonicalRequest, CanonicalResult, FinishReason, StreamPart, Usage } from "@/lib/canonical/types";

/** What a non-streaming call returns. */
export type GenerateResult = CanonicalResult;

/**
 * One model at one provider. Both methods reject / throw only ProviderError (upstream or
 * config trouble) or RequestAbortedError (the caller's signal fired for a reason that is
 * not a ProviderError). A stream always ends with exactly one `finish` part unless it throws.
 */
export interface ProviderClient {
  readonly kind: ProviderKind;
  readonly providerKey: string;
  readonly modelAlias: string;
  generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult>;
  stream(request: CanonicalRequest, signal?: AbortSignal): AsyncIterable<StreamPart>;
}
