// What an endpoint contributes to the one request path: reading its wire format into a call,
// and writing answers, streams and errors back in it. Chat completions and the native route are
// adapters today; the Anthropic Messages and OpenAI Responses endpoints plug in the same way.
import type { AssistantPart, CanonicalResult, StreamPart, Usage } from "@/lib/canonical/types";
import type { ApiError } from "@/lib/http/api-error";
import type { DecisionRecordInput } from "@/lib/ledger/record";
import type { Candidate } from "@/lib/routing/decision-types";
import type { Endpoint, GatewayCall } from "../pipeline/gateway-call";

/** The call as the adapter reads it from the body and headers; the server adds the rest. */
export type CallFields = Omit<GatewayCall, "endpoint" | "key" | "signal" | "createdAt" | "startedAt">;

export interface StreamOptions {
  decisionId: string;
  /** The serving model's alias. */
  model: string;
  created: number;
  includeUsage: boolean;
  stream: AsyncIterable<StreamPart>;
  /** Call exactly once when the stream ends (usage null if none arrived; error if it broke). */
  onEnd(usage: Usage | null, answer: AssistantPart[], error: unknown): void;
}

export interface CompletionArgs {
  record: DecisionRecordInput;
  result: CanonicalResult;
  served: Candidate;
  created: number;
}

export interface EndpointAdapter {
  endpoint: Endpoint;
  /** Recorded as the requested model when the body names none. */
  defaultModel: string;
  /** Throws an ApiError (400) naming the field when the body is invalid. */
  parse(raw: unknown, request: Request): CallFields;
  completion(args: CompletionArgs, headers: Record<string, string>): Response;
  stream(options: StreamOptions): ReadableStream<Uint8Array>;
  dryRun(record: DecisionRecordInput, headers: Record<string, string>): Response;
  /** The endpoint's own error shape; decisionId is null before authentication. */
  error(error: ApiError, decisionId: string | null): Response;
}
