// The analysis step of the request path: everything decide() needs to know about the
// request itself — its size in tokens, what the detectors found in it, what the caller asked
// for. Pure apart from hashing; the raw text never leaves this step except as a SHA-256.
import crypto from "node:crypto";
import { detect, type CompiledRules } from "@/lib/detectors";
import { contentText } from "@/lib/providers/chat-messages";
import { countMessageTokens } from "@/lib/providers/token-count";
import type { ChatMessage } from "@/lib/providers/types";
import type { Analysis, CallerPin } from "@/lib/routing/decision-types";
import type { DataClassKey, Difficulty } from "@/lib/routing/types";

/** Output allowance assumed for the context check when the caller sets no max_tokens. */
export const DEFAULT_OUTPUT_ALLOWANCE = 1024;

export interface AnalysisInput {
  messages: ChatMessage[];
  maxOutputTokens: number | null;
  requestedModel: string;
  featureKey: string | null;
  declaredDifficulty: Difficulty | null;
  declaredDataClass: DataClassKey | null;
}

export interface AnalysedRequest {
  analysis: Analysis;
  promptText: string;
  promptSha256: string;
}

/** "auto" → the router decides; "tier:<key>" → pin a tier; anything else names a model. */
export function parsePin(model: string): CallerPin {
  const value = model.trim();
  if (value === "" || value === "auto") return { kind: "auto" };
  if (value.startsWith("tier:")) return { kind: "tier", tierKey: value.slice("tier:".length) };
  return { kind: "model", alias: value };
}

/** Every message's text, in order: whatever goes upstream is what gets classified. */
export function promptTextOf(messages: readonly ChatMessage[]): string {
  return messages
    .map((message) => {
      const text = contentText(message.content);
      const calls = message.role === "assistant" ? (message.tool_calls ?? []).map((call) => call.function.arguments).join("\n") : "";
      return calls ? `${text}\n${calls}` : text;
    })
    .join("\n");
}

export function analyseRequest(input: AnalysisInput, detectors: CompiledRules): AnalysedRequest {
  const promptText = promptTextOf(input.messages);
  return {
    promptText,
    promptSha256: crypto.createHash("sha256").update(promptText).digest("hex"),
    analysis: {
      estimatedPromptTokens: countMessageTokens(input.messages),
      requestedOutputTokens: input.maxOutputTokens ?? DEFAULT_OUTPUT_ALLOWANCE,
      findings: detect(promptText, detectors),
      declaredDataClass: input.declaredDataClass,
      featureKey: input.featureKey,
      declaredDifficulty: input.declaredDifficulty,
      pin: parsePin(input.requestedModel),
      promptText,
    },
  };
}
