// Token counts for when a provider reports none (and for the simulator and the context check).
// gpt-tokenizer's o200k_base is exact for current OpenAI models and a fair estimate for the rest.
import { countTokens, decode, encode } from "gpt-tokenizer";
import { LRUCache } from "lru-cache";
import type { AssistantPart, CanonicalRequest, Usage } from "@/lib/canonical/types";

// By default gpt-tokenizer throws on text like "<|endoftext|>"; user text may contain it.
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

// OpenAI's chat format costs about 3 tokens per message plus 3 to prime the reply.
const TOKENS_PER_MESSAGE = 3;
const REPLY_PRIMING_TOKENS = 3;
/**
 * An image's cost depends on its size, which is not known without decoding it; OpenAI charges
 * 765 tokens for a 1024×1024 image at high detail and Anthropic ~1,600 for a 1.15 MP one. The
 * estimate leans high so the context check does not send an image request to a window it overflows.
 */
export const IMAGE_TOKEN_ESTIMATE = 1_000;

/**
 * gpt-tokenizer's BPE takes time quadratic in the length of one pre-token (a run of letters, of
 * punctuation or of spaces): 100,000 "a"s took a minute and 30,000 CJK characters 40 s, with the
 * event loop blocked throughout — one hostile request stalled the gateway. Runs longer than this
 * are counted in slices of it: linear time, at most one token off per slice.
 */
export const LONGEST_RUN = 128;
const longRun = new RegExp(`\\S{${LONGEST_RUN + 1},}|\\s{${LONGEST_RUN + 1},}`, "g");

/** The text in pieces that tokenize in bounded time: the parts between long runs, and each long run in slices. */
export function* tokenizerPieces(text: string): Generator<string> {
  let from = 0;
  for (const match of text.matchAll(longRun)) {
    if (match.index > from) yield text.slice(from, match.index);
    const run = match[0];
    for (let start = 0; start < run.length; ) {
      let end = Math.min(run.length, start + LONGEST_RUN);
      // Never split a surrogate pair.
      if (end < run.length && /[\udc00-\udfff]/.test(run[end]!)) end += 1;
      yield run.slice(start, end);
      start = end;
    }
    from = match.index + run.length;
  }
  if (from < text.length) yield text.slice(from);
}

/**
 * Counts of long texts seen recently. Agents and chat apps send the same system prompt, tool
 * definitions and earlier turns with every call of a conversation; looking a text up costs a
 * hash of it (~1 ns a character), counting it ~45 ns a character (0.7 ms for 4k tokens).
 * Bounded by the characters held (~16 MB).
 */
const MEMO_FROM_LENGTH = 256;
const counted = new LRUCache<string, number>({ maxSize: 8_000_000, sizeCalculation: (_count, text) => text.length });

export function countTextTokens(text: string): number {
  if (text === "") return 0;
  if (text.length >= MEMO_FROM_LENGTH) {
    const known = counted.get(text);
    if (known !== undefined) return known;
  }
  let total = 0;
  for (const piece of tokenizerPieces(text)) total += countTokens(piece, AS_PLAIN_TEXT);
  if (text.length >= MEMO_FROM_LENGTH) counted.set(text, total);
  return total;
}

/** The longest prefix of `text` that fits in `maxTokens`, and whether anything was cut. */
export function truncateToTokens(text: string, maxTokens: number): { text: string; truncated: boolean } {
  const tokens: number[] = [];
  for (const piece of tokenizerPieces(text)) {
    for (const token of encode(piece, AS_PLAIN_TEXT)) tokens.push(token);
    if (tokens.length > maxTokens) break;
  }
  if (tokens.length <= maxTokens) return { text, truncated: false };
  return { text: decode(tokens.slice(0, Math.max(0, maxTokens))), truncated: true };
}

function partTokens(part: { type: string; text?: string; url?: string; name?: string; arguments?: string; id?: string }): number {
  switch (part.type) {
    case "image":
      return IMAGE_TOKEN_ESTIMATE;
    case "tool_call":
      return countTextTokens(part.name ?? "") + countTextTokens(part.arguments ?? "") + TOKENS_PER_MESSAGE;
    default:
      return countTextTokens(part.text ?? "");
  }
}

/** What the request's prompt costs in tokens: messages, tool definitions and the output schema. */
export function countRequestTokens(request: CanonicalRequest): number {
  let total = REPLY_PRIMING_TOKENS;
  for (const message of request.messages) {
    total += TOKENS_PER_MESSAGE;
    for (const part of message.content) total += partTokens(part);
  }
  for (const tool of request.tools) {
    total += countTextTokens(tool.name) + countTextTokens(tool.description ?? "") + countTextTokens(JSON.stringify(tool.parameters));
  }
  if (request.outputFormat.type === "json_schema") total += countTextTokens(JSON.stringify(request.outputFormat.schema));
  return total;
}

export function countAnswerTokens(content: readonly AssistantPart[]): number {
  let total = 0;
  for (const part of content) total += partTokens(part);
  return total;
}

/** What a provider reported, before normalising. */
export interface ReportedUsage {
  input?: number | undefined;
  output?: number | undefined;
  cached?: number | undefined;
  cacheWrite?: number | undefined;
  reasoning?: number | undefined;
}

/** Provider-reported counts where present; the rest estimated, and then marked as such. */
export function normaliseUsage(reported: ReportedUsage | null | undefined, request: CanonicalRequest, answer: readonly AssistantPart[]): Usage {
  const input = reported?.input;
  const output = reported?.output;
  return {
    inputTokens: input ?? countRequestTokens(request),
    outputTokens: output ?? countAnswerTokens(answer),
    cachedInputTokens: reported?.cached ?? 0,
    cacheWriteTokens: reported?.cacheWrite ?? 0,
    reasoningTokens: reported?.reasoning ?? 0,
    estimated: input === undefined || output === undefined,
  };
}
