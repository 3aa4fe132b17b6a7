// The `simulator` provider kind: no network, deterministic answers, real token counts, and
// configurable latency and failure rate. It lets a fresh install, the playground, demos and
// load tests exercise routing, fallback and the ledger without any model behind them.
// Every answer starts with "[Simulated <alias>]" so it is never mistaken for a model's.
import type { ModelPolicy, ProviderPolicy } from "@/lib/routing/types";
import { lastUserText } from "@/lib/canonical/text";
import type { AssistantPart, CanonicalRequest, CanonicalResult, FinishReason, StreamPart, ToolDefinition, Usage } from "@/lib/canonical/types";
import { toProviderError } from "./map-error";
import { ProviderError } from "./provider-error";
import { exampleFor } from "./schema-example";
import { countAnswerTokens, countRequestTokens, truncateToTokens } from "./token-count";
import type { ProviderClient } from "./types";

/** The simulator counts its own tokens exactly, so its usage is never an estimate. */
function usageOf(request: CanonicalRequest, content: readonly AssistantPart[]): Usage {
  return { inputTokens: countRequestTokens(request), outputTokens: countAnswerTokens(content), cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false };
}

export interface SimulatorOptions {
  /** Uniform in [0, 1); a draw below `failureRate` fails the call. Default Math.random. */
  random?: () => number;
  /** Waits `ms`; must reject with the signal's reason when it fires. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
}

const OPENINGS = ["Understood.", "Here is a short answer.", "Good question.", "Noted.", "Sure.", "Let me summarise."];
const BODIES = [
  "The request was routed to this tier because it was the cheapest one allowed and adequate.",
  "A real model would answer here; this text only stands in for one.",
  "Routing, fallback, usage and cost are recorded exactly as for a real provider.",
  "The answer is derived from a hash of your last message, so it repeats for the same input.",
  "Token counts come from gpt-tokenizer, so cost figures are realistic.",
];
const CLOSINGS = ["Nothing was sent to any network.", "No external model was called.", "This reply is simulated."];

/** 32-bit FNV-1a: tiny, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function pick<T>(items: readonly T[], seed: number): T {
  return items[seed % items.length] as T;
}

/** The simulator's text answer: a pure function of the alias and the last user message. */
export function simulatedReply(alias: string, messages: CanonicalRequest["messages"]): string {
  const prompt = lastUserText(messages);
  const hash = fnv1a(prompt);
  const words = prompt.split(/\s+/).filter(Boolean).length;
  return [
    `[Simulated ${alias}]`,
    pick(OPENINGS, hash),
    pick(BODIES, hash >>> 8),
    pick(CLOSINGS, hash >>> 16),
    `(prompt #${hash.toString(16).padStart(8, "0")}, ${words} ${words === 1 ? "word" : "words"})`,
  ].join(" ");
}

// Words of three letters or more: "a", "an", "is" would make every tool look relevant.
const wordsOf = (text: string) => new Set((text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((word) => word.length >= 3));

/**
 * How well a tool fits the prompt: a word of its name in the prompt counts most ("Read the file"
 * → Read), then the share of its description's words the prompt has — a share, not a count, or
 * the tool with the longest description (coding agents ship some of several hundred words) would
 * win every prompt.
 */
function toolScore(tool: ToolDefinition, prompt: ReadonlySet<string>): number {
  const nameWords = [...wordsOf(tool.name.replace(/[_.-]/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2"))];
  const described = [...wordsOf(tool.description ?? "")];
  const inName = nameWords.filter((word) => prompt.has(word)).length;
  const inDescription = described.filter((word) => prompt.has(word)).length;
  return inName + (described.length === 0 ? 0 : inDescription / Math.sqrt(described.length));
}

/** The tool the conversation calls for: the one named by tool_choice, else the best fit to the prompt. */
function chosenTool(request: CanonicalRequest): ToolDefinition | undefined {
  const choice = request.toolChoice;
  if (choice?.type === "tool") return request.tools.find((tool) => tool.name === choice.name);
  const prompt = wordsOf(lastUserText(request.messages));
  let best: ToolDefinition | undefined;
  let bestScore = -1;
  for (const tool of request.tools) {
    const score = toolScore(tool, prompt);
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The turn the answer follows: the last message that is not a system one. Clients append
 * instructions after the user's turn (Claude Code 2.1 sends a mid-conversation system message
 * last), and those do not change whose turn it is.
 */
function lastTurn(request: CanonicalRequest): CanonicalRequest["messages"][number] | undefined {
  return request.messages.findLast((message) => message.role !== "system");
}

/**
 * Whether this turn should call a tool: tools are offered and allowed, and the last turn is
 * the user's (after a tool result the simulator answers in words, so agent loops end).
 */
function callsTool(request: CanonicalRequest): boolean {
  if (request.tools.length === 0 || request.toolChoice?.type === "none") return false;
  if (request.toolChoice?.type === "required" || request.toolChoice?.type === "tool") return lastTurn(request)?.role !== "tool";
  return lastTurn(request)?.role === "user";
}

/** The simulator's whole answer, before stop sequences and the token limit. */
export function simulatedContent(alias: string, request: CanonicalRequest): AssistantPart[] {
  const hash = fnv1a(lastUserText(request.messages)).toString(16).padStart(8, "0");
  if (callsTool(request)) {
    const tool = chosenTool(request);
    if (tool) {
      const args = exampleFor(tool.parameters, lastUserText(request.messages).slice(0, 200) || "Simulated");
      return [{ type: "tool_call", id: `call_sim_${hash}_0`, name: tool.name, arguments: JSON.stringify(args ?? {}) }];
    }
  }
  const format = request.outputFormat;
  if (format.type === "json_schema") return [{ type: "text", text: JSON.stringify(exampleFor(format.schema, `Simulated ${alias}`)) }];
  if (format.type === "json_object") return [{ type: "text", text: JSON.stringify({ simulated: true, model: alias, answer: simulatedReply(alias, request.messages) }) }];

  const last = lastTurn(request);
  if (last?.role === "tool") {
    const result = last.content.map((part) => (part.type === "text" ? part.text : "[image]")).join(" ").slice(0, 200);
    const call = request.messages.flatMap((message) => (message.role === "assistant" ? message.content : [])).find((part) => part.type === "tool_call" && part.id === last.toolCallId);
    const name = call?.type === "tool_call" ? call.name : "the tool";
    return [{ type: "text", text: `[Simulated ${alias}] ${name} returned: ${result}. That is the answer to your request (simulated; no model read it).` }];
  }
  const images = request.messages.reduce((count, message) => count + (message.role === "user" ? message.content.filter((part) => part.type === "image").length : 0), 0);
  const reply = simulatedReply(alias, request.messages);
  return [{ type: "text", text: images > 0 ? `${reply} It received ${images} ${images === 1 ? "image" : "images"} and did not look at ${images === 1 ? "it" : "them"}: no model saw the picture.` : reply }];
}

/** A few words per chunk, so streams arrive in several pieces like a model's. */
function chunk(text: string): string[] {
  return text.match(/(?:\S+\s*){1,3}|\s+/g) ?? [text];
}

/** Waits `ms`, rejecting with the signal's reason when it fires (the simulators' latency). */
export function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function createSimulatorClient(provider: ProviderPolicy, model: ModelPolicy, options: SimulatorOptions = {}): ProviderClient {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? timerSleep;
  const now = options.now ?? (() => performance.now());
  const latencyMs = Math.max(0, provider.simulator?.latencyMs ?? 0);
  const failureRate = provider.simulator?.failureRate ?? 0;
  // Streams spend `latencyMs` before the first chunk, then a tenth of it between chunks.
  const chunkDelayMs = Math.round(latencyMs / 10);

  function answer(request: CanonicalRequest): { content: AssistantPart[]; finishReason: FinishReason; usage: Usage } {
    const content = simulatedContent(model.alias, request);
    const [first] = content;
    if (first?.type === "tool_call") {
      return { content, finishReason: "tool_calls", usage: usageOf(request, content) };
    }
    let full = first?.type === "text" ? first.text : "";
    // Stop sequences end the answer where they first occur, as a model's would.
    for (const stop of request.parameters.stop ?? []) {
      const at = stop === "" ? -1 : full.indexOf(stop);
      if (at >= 0) full = full.slice(0, at);
    }
    const limit = request.parameters.maxOutputTokens;
    const { text, truncated } = limit === undefined ? { text: full, truncated: false } : truncateToTokens(full, limit);
    const parts: AssistantPart[] = text === "" ? [] : [{ type: "text", text }];
    return { content: parts, finishReason: truncated ? "length" : "stop", usage: usageOf(request, parts) };
  }

  function rollForFailure(): void {
    if (failureRate > 0 && random() < failureRate) {
      throw new ProviderError({
        kind: "unavailable",
        status: 503,
        message: `Simulated outage at provider "${provider.key}" (failure rate ${Math.round(failureRate * 100)}%)`,
      });
    }
  }

  async function generate(request: CanonicalRequest, signal?: AbortSignal): Promise<CanonicalResult> {
    const started = now();
    try {
      if (signal?.aborted) throw signal.reason;
      rollForFailure();
      await sleep(latencyMs, signal);
      const latency = now() - started;
      return { ...answer(request), ttftMs: latency, latencyMs: latency };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  async function* stream(request: CanonicalRequest, signal?: AbortSignal): AsyncGenerator<StreamPart> {
    try {
      if (signal?.aborted) throw signal.reason;
      rollForFailure();
      const { content, finishReason, usage } = answer(request);
      await sleep(latencyMs, signal);
      let sent = 0;
      for (const [index, part] of content.entries()) {
        const pieces = part.type === "tool_call" ? chunk(part.arguments) : chunk(part.type === "text" ? part.text : "");
        if (part.type === "tool_call") yield { type: "tool_call_start", index, id: part.id, name: part.name };
        for (const piece of pieces) {
          if (piece === "") continue;
          if (sent > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs, signal);
          sent += 1;
          yield part.type === "tool_call" ? { type: "tool_call_delta", index, arguments: piece } : { type: "text", text: piece };
        }
      }
      yield { type: "finish", finishReason, usage };
    } catch (error) {
      throw toProviderError(error, signal);
    }
  }

  return { kind: "simulator", providerKey: provider.key, modelAlias: model.alias, generate, stream };
}
