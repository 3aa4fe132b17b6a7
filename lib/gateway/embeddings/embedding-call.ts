// An embeddings request as the pipeline reads it: the input texts become one user message each,
// so the detectors scan every text (joined, so a number split over two inputs is still seen) and
// the token estimate counts them. Nothing but those texts is sent upstream.
import type { CanonicalRequest } from "@/lib/canonical/types";
import type { Analysis } from "@/lib/routing/decision-types";

export function embeddingRequest(inputs: readonly string[], user: string | undefined): CanonicalRequest {
  return {
    messages: inputs.map((text) => ({ role: "user" as const, content: [{ type: "text" as const, text }] })),
    tools: [],
    outputFormat: { type: "text" },
    parameters: user !== undefined ? { user } : {},
    openaiExtras: {},
  };
}

/** Embeddings write no answer: no output allowance in the context check, only embedding models. */
export function embeddingAnalysis(analysis: Analysis): Analysis {
  return { ...analysis, requestedOutputTokens: 0, declaredOutputTokens: null, modelKind: "embedding" };
}
