// Anthropic Messages as the real API sends them: a `message` JSON body, or the named SSE
// events message_start → content_block_start → ping → content_block_delta… →
// content_block_stop → message_delta (stop_reason, output usage) → message_stop.
import type { ServerResponse } from "node:http";
import type { FakeFinishReason } from "./fake-reply";
import { argumentPieces, replyChunks, replyFinishReason, replyText, replyToolCalls, type FakeUsage } from "./fake-reply";
import { sseHeaders, type WireProtocol } from "./wire-protocol";

const STOP_REASONS: Record<FakeFinishReason, string> = {
  stop: "end_turn",
  length: "max_tokens",
  content_filter: "refusal",
  tool_calls: "tool_use",
};

function errorType(status: number): string {
  if (status === 400) return "invalid_request_error";
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found_error";
  if (status === 413) return "request_too_large";
  if (status === 429) return "rate_limit_error";
  if (status === 529) return "overloaded_error";
  return "api_error";
}

/** Anthropic counts cache reads and writes apart from input_tokens. */
function usageJson(usage: FakeUsage) {
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: usage.inputTokens - cached - written,
    output_tokens: usage.outputTokens,
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: written,
  };
}

function writeEvent(res: ServerResponse, payload: { type: string } & Record<string, unknown>): void {
  res.write(`event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n`);
}

export const anthropicWire: WireProtocol = {
  name: "anthropic",
  path: "/v1/messages",

  apiKeyOf(headers) {
    const header = headers["x-api-key"];
    return typeof header === "string" ? header : undefined;
  },

  isStreaming(body) {
    return body.stream === true;
  },

  writeError(res, status, message, headers) {
    res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake", ...headers });
    res.end(JSON.stringify({ type: "error", error: { type: errorType(status), message } }));
  },

  writeCompletion(res, body, reply, context) {
    const usage = context.usage ?? { inputTokens: 0, outputTokens: 0 };
    res.writeHead(200, { "content-type": "application/json", "request-id": "req_fake" });
    res.end(
      JSON.stringify({
        id: "msg_fake",
        type: "message",
        role: "assistant",
        model: body.model,
        content: [
          ...(replyText(reply) !== "" || replyToolCalls(reply).length === 0 ? [{ type: "text", text: replyText(reply) }] : []),
          ...replyToolCalls(reply).map((call) => ({ type: "tool_use", id: call.id, name: call.name, input: JSON.parse(call.arguments || "{}") as unknown })),
        ],
        stop_reason: STOP_REASONS[replyFinishReason(reply)],
        stop_sequence: null,
        usage: usageJson(usage),
      }),
    );
  },

  async writeStream(res, body, reply, context) {
    const usage = context.usage ?? { inputTokens: 0, outputTokens: 0 };
    sseHeaders(res);
    writeEvent(res, {
      type: "message_start",
      message: {
        id: "msg_fake",
        type: "message",
        role: "assistant",
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usageJson(usage), output_tokens: 1 },
      },
    });
    const chunks = replyChunks(reply);
    const hasText = chunks.length > 0 || replyToolCalls(reply).length === 0;
    if (hasText) writeEvent(res, { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    writeEvent(res, { type: "ping" });

    for (const [index, text] of chunks.entries()) {
      if (reply.failMidStream && index === reply.failMidStream.afterChunks) break;
      if (!(await context.pause(index === 0 ? (reply.firstChunkDelayMs ?? 0) : (reply.chunkDelayMs ?? 0)))) return;
      writeEvent(res, { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } });
    }
    if (reply.failMidStream) {
      if (reply.failMidStream.mode === "disconnect") {
        // FIN without ending the chunked body: the client gets what was sent, then a broken stream.
        res.socket?.end();
        return;
      }
      writeEvent(res, { type: "error", error: { type: "overloaded_error", message: reply.failMidStream.message ?? "Overloaded" } });
      res.end();
      return;
    }
    if (hasText) writeEvent(res, { type: "content_block_stop", index: 0 });
    for (const [offset, call] of replyToolCalls(reply).entries()) {
      const index = (hasText ? 1 : 0) + offset;
      writeEvent(res, { type: "content_block_start", index, content_block: { type: "tool_use", id: call.id, name: call.name, input: {} } });
      for (const piece of argumentPieces(call.arguments)) writeEvent(res, { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } });
      writeEvent(res, { type: "content_block_stop", index });
    }
    writeEvent(res, {
      type: "message_delta",
      delta: { stop_reason: STOP_REASONS[replyFinishReason(reply)], stop_sequence: null },
      usage: { output_tokens: usage.outputTokens },
    });
    writeEvent(res, { type: "message_stop" });
    res.end();
  },
};
