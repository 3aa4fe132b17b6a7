// Token counts for when a provider reports none (and for the simulator). gpt-tokenizer's
// o200k_base is exact for current OpenAI models and a fair estimate for the rest.
import { countTokens, decode, encode } from "gpt-tokenizer";
import { contentText } from "./chat-messages";
import type { ChatMessage, TokenUsage } from "./types";

// By default gpt-tokenizer throws on text like "<|endoftext|>"; user text may contain it.
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

// OpenAI's chat format costs about 3 tokens per message plus 3 to prime the reply.
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING_TOKENS = 3;

export function countTextTokens(text: string): number {
  return text === "" ? 0 : countTokens(text, AS_PLAIN_TEXT);
}

/** The longest prefix of `text` that fits in `maxTokens`, and whether anything was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  const tokens = encode(text, AS_PLAIN_TEXT);
  if (tokens.length <= maxTokens) return { text, truncated: false };
  return { text: decode(tokens.slice(0, Math.max(0, maxTokens))), truncated: true };
}

export function countMessageTokens(messages: readonly ChatMessage[]): number {
  let total = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    total += TOKENS_PER_MESSAGE + countTextTokens(contentText(message.content));
    if (message.role === "assistant") {
      for (const call of message.tool_calls ?? []) total += countTextTokens(call.function.name) + countTextTokens(call.function.arguments);
    }
  }
  return total;
}

/** Provider-reported counts where present; the rest estimated, and then marked as such. */
export function normaliseUsage(
  reported: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
  messages: readonly ChatMessage[],
  outputText: string,
): TokenUsage {
  const input = reported?.inputTokens;
  const output = reported?.outputTokens;
  return {
    inputTokens: input ?? countMessageTokens(messages),
    outputTokens: output ?? countTextTokens(outputText),
    estimated: input === undefined || output === undefined,
  };
}
