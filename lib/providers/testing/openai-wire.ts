// OpenAI chat completions as the real API sends them: a `chat.completion` JSON body, or
// `data: {chat.completion.chunk}` SSE lines, a usage chunk with `choices: []` when
// `stream_options.include_usage` is set, then `data: [DONE]`.
import type { ServerResponse } from "node:http";
import { argumentPieces, replyChunks, replyFinishReason, replyText, replyToolCalls, type FakeUsage } from "./fake-reply";
import { sseHeaders, type WireProtocol } from "./wire-protocol";

function errorType(status: number): { type: string; code: string | null } {
  if (status === 401) return { type: "invalid_request_error", code: "invalid_api_key" };
  if (status === 429) return { type: "requests", code: "rate_limit_exceeded" };
  if (status === 400) return { type: "invalid_request_error", code: null };
  if (status === 404) return { type: "invalid_request_error", code: "model_not_found" };
  return { type: "server_error", code: null };
}

function usageJson(usage: FakeUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}

function writeSse(res: ServerResponse, payload: unknown): void {
  res.write(`data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`);
}

export const openaiWire: WireProtocol = {
  name: "openai",
  path: "/v1/chat/completions",

  apiKeyOf(headers) {
    const header = headers.authorization;
    return header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : undefined;
  },

  isStreaming(body) {
    return body.stream === true;
  },

  writeError(res, status, message, headers) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ error: { message, ...errorType(status), param: null } }));
  },

  writeCompletion(res, body, reply, context) {
    const created = Math.floor(Date.now() / 1000);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created,
        model: body.model,
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: replyToolCalls(reply).length > 0 && replyText(reply) === "" ? null : replyText(reply),
              refusal: null,
              ...(replyToolCalls(reply).length > 0
                ? { tool_calls: replyToolCalls(reply).map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: call.arguments } })) }
                : {}),
            },
            logprobs: null,
            finish_reason: replyFinishReason(reply),
          },
        ],
        ...(context.usage ? { usage: usageJson(context.usage) } : {}),
        system_fingerprint: "fp_fake",
      }),
    );
  },

  async writeStream(res, body, reply, context) {
    const created = Math.floor(Date.now() / 1000);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
      id: "chatcmpl-fake",
      object: "chat.completion.chunk",
      created,
      model: body.model,
      system_fingerprint: "fp_fake",
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    });
    sseHeaders(res);
    writeSse(res, chunk({ role: "assistant", content: "" }, null));

    const chunks = replyChunks(reply);
    for (const [index, text] of chunks.entries()) {
      if (reply.failMidStream && index === reply.failMidStream.afterChunks) break;
      if (!(await context.pause(index === 0 ? (reply.firstChunkDelayMs ?? 0) : (reply.chunkDelayMs ?? 0)))) return;
      writeSse(res, chunk({ content: text }, null));
    }
    if (reply.failMidStream) {
      if (reply.failMidStream.mode === "disconnect") {
        // FIN without ending the chunked body: the client gets what was sent, then a broken stream.
        res.socket?.end();
        return;
      }
      writeSse(res, {
        error: { message: reply.failMidStream.message ?? "The server had an error while processing your request.", type: "server_error", code: null, param: null },
      });
      res.end();
      return;
    }
    for (const [index, call] of replyToolCalls(reply).entries()) {
      writeSse(res, chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] }, null));
      for (const piece of argumentPieces(call.arguments)) writeSse(res, chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, null));
    }
    writeSse(res, chunk({}, replyFinishReason(reply)));
    const options = body.stream_options as { include_usage?: boolean } | undefined;
    if (options?.include_usage && context.usage) {
      writeSse(res, { ...chunk({}, null), choices: [], usage: usageJson(context.usage) });
    }
    writeSse(res, "[DONE]");
    res.end();
  },
};
