// POST /api/v1/embeddings — OpenAI's embeddings API, routed like every other call: the texts are
// scanned, the data class bounds the tiers, budgets and rate limits count, fallback walks the
// candidates, and the request leaves one decision record (endpoint "embeddings", cost from input
// tokens). Only embedding models are candidates.
import "server-only";
import { ApiError } from "@/lib/http/api-error";
import { parseOrThrow } from "@/lib/http/validation";
import { createEmbeddingClient } from "@/lib/providers/embeddings/create-embedding-client";
import { executeAttempts } from "@/lib/providers/resilience/fallback";
import { scopeToKind } from "@/lib/routing/constraints/model-kind";
import { embeddingsBody } from "@/lib/wire/openai-embeddings/response-body";
import { embeddingsBodySchema, inputsOf } from "@/lib/wire/openai-embeddings/request-schema";
import { authenticateAppKey, type AppKey } from "../auth/authenticate";
import { DecisionDraft } from "../records/decision-draft";
import type { GatewayCall } from "../pipeline/gateway-call";
import { openAiErrorResponse } from "../endpoints/openai-chat-adapter";
import { readJsonBody } from "../request/read-body";
import { ATTEMPT_TIMEOUT_MS, decideCall, fallbackError } from "../pipeline/run-pipeline";
import { gatewayRuntime } from "../instance/runtime";
import { hintHeaders, hintHeadersSchema } from "../endpoints/schemas";
import { gatewayError, routingHeaders } from "../pipeline/serve-call";
import { settle } from "../records/settle";
import { embeddingAnalysis, embeddingRequest } from "./embedding-call";
import { jsonAnswer } from "@/lib/http/json-answer";

export async function handleEmbeddings(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const createdAt = new Date();
  let key: AppKey;
  try {
    key = await authenticateAppKey(request);
  } catch (error) {
    if (error instanceof ApiError) return openAiErrorResponse(error, null);
    throw error;
  }
  const runtime = gatewayRuntime();
  const draft = new DecisionDraft({ endpoint: "embeddings", key, createdAt, startedAt });
  try {
    const raw = await readJsonBody(request);
    const named = (raw as { model?: unknown } | null)?.model;
    draft.learn({ requestedModel: typeof named === "string" ? named.slice(0, 200) : "" });
    const body = parseOrThrow(embeddingsBodySchema, raw);
    const hints = parseOrThrow(hintHeadersSchema, hintHeaders(request), "headers");
    const inputs = inputsOf(body);
    const call: GatewayCall = {
      endpoint: "embeddings",
      key,
      requestedModel: body.model,
      request: embeddingRequest(inputs, body.user),
      stream: false,
      includeUsage: false,
      featureKey: hints["x-switchyard-feature"] ?? null,
      difficulty: hints["x-switchyard-difficulty"] ?? null,
      dataClass: hints["x-switchyard-data-class"] ?? null,
      dryRun: false,
      signal: request.signal,
      createdAt,
      startedAt,
    };
    const { decision, policy } = await decideCall(call, draft, runtime, embeddingAnalysis);
    const candidates = decision.candidates.map((candidate) => ({
      ...candidate,
      getClient: () => {
        const provider = policy.providers.get(candidate.providerKey);
        const model = policy.models.get(candidate.alias);
        if (!provider || !model) throw new Error(`Policy ${policy.snapshot.version} lacks ${candidate.alias} / ${candidate.providerKey}`);
        return createEmbeddingClient(provider, model);
      },
    }));
    const dimensions = body.dimensions ?? undefined;
    let outcome;
    try {
      outcome = await executeAttempts(candidates, { breaker: runtime.breaker, signal: request.signal, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS }, (candidate, signal) =>
        candidate.getClient().embed({ inputs, ...(dimensions !== undefined ? { dimensions } : {}), ...(body.user !== undefined ? { user: body.user } : {}) }, signal),
      );
    } catch (error) {
      throw fallbackError(draft, error);
    }
    draft.learn({ attempts: outcome.attempts });
    const { served, value } = outcome;
    const record = settle(runtime, draft, {
      kind: "served",
      // Priced and compared within embedding models (the chat baseline says nothing about embeddings).
      policy: { ...policy, snapshot: scopeToKind(policy.snapshot, "embedding") },
      served,
      candidates: decision.candidates,
      attempts: outcome.attempts,
      answer: [],
      usage: { inputTokens: value.inputTokens, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: value.estimated },
      ttftMs: outcome.latencyMs,
      streamed: false,
    });
    const encoding = body.encoding_format ?? "float";
    return jsonAnswer(embeddingsBody({ model: served.alias, vectors: value.vectors, inputTokens: value.inputTokens, encoding }), { headers: routingHeaders(record.id, served) });
  } catch (error) {
    const apiError = gatewayError(error);
    settle(runtime, draft, { kind: "failed", error: apiError });
    return openAiErrorResponse(apiError, draft.id);
  }
}
