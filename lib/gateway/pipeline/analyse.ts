// The analysis step of the request path: everything decide() needs to know about the
// request itself — its size in tokens, what the detectors found in every part of it, what it
// needs from a model, what the caller asked for. Pure apart from hashing; the raw text never
// leaves this step except as a keyed hash (and, where the feature and the class allow it, the
// stored prompt).
import { promptHash } from "@/lib/auth/prompt-hash";
import { openaiOnlyFields, requiredCapabilities } from "@/lib/canonical/capabilities";
import { scannedRequest } from "@/lib/canonical/scanned-text";
import type { CanonicalRequest } from "@/lib/canonical/types";
import { detect, type CompiledRules } from "@/lib/detectors";
import { countRequestTokens } from "@/lib/providers/token-count";
import type { Analysis, CallerPin } from "@/lib/routing/decision-types";
import type { DataClassKey, Difficulty, Finding } from "@/lib/routing/types";

/** Output allowance assumed for the context check when the caller sets no max_tokens. */
export const DEFAULT_OUTPUT_ALLOWANCE = 1024;

/** The finding an image raises: its content cannot be read, so the class comes from the data rules. */
export const UNSCANNABLE_IMAGE = "unscannable_image";

export interface AnalysisInput {
  request: CanonicalRequest;
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

/** The conversation's depth and its last question, for the difficulty estimator (lib/routing/difficulty/estimate.ts). */
function conversationOf(request: CanonicalRequest): { userTurns: number; lastUserText: string } {
  let userTurns = 0;
  let lastUserText = "";
  for (const message of request.messages) {
    if (message.role !== "user") continue;
    userTurns += 1;
    lastUserText = message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
  }
  return { userTurns, lastUserText };
}

export function analyseRequest(input: AnalysisInput, detectors: CompiledRules, unscannableDataClass: DataClassKey): AnalysedRequest {
  const scanned = scannedRequest(input.request);
  const findings: Finding[] = detect(scanned.text, detectors, { echoes: scanned.echoes });
  if (scanned.unscannable.images > 0) {
    findings.push({ type: UNSCANNABLE_IMAGE, count: scanned.unscannable.images, positions: [], dataClass: unscannableDataClass });
  }
  const declaredOutputTokens = input.request.parameters.maxOutputTokens ?? null;
  return {
    promptText: scanned.text,
    promptSha256: promptHash(scanned.text),
    analysis: {
      estimatedPromptTokens: countRequestTokens(input.request),
      requestedOutputTokens: declaredOutputTokens ?? DEFAULT_OUTPUT_ALLOWANCE,
      findings,
      declaredDataClass: input.declaredDataClass,
      featureKey: input.featureKey,
      declaredDifficulty: input.declaredDifficulty,
      pin: parsePin(input.requestedModel),
      promptText: scanned.text,
      requiredCapabilities: requiredCapabilities(input.request),
      openaiOnlyFields: openaiOnlyFields(input.request),
      declaredOutputTokens,
      conversation: conversationOf(input.request),
    },
  };
}
