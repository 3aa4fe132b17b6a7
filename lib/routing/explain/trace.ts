// Trace sentences that are not owned by a single step: rejections, the candidate list, and the
// gateway's fallback lines. Written for an auditor who does not read code.
import type { StagedRejection } from "./staged-rejection";
import type { Candidate } from "../types";
import { formatUsd, listWords } from "./wording";

/**
 * One line per rejection detail, in pipeline order. Models removed for the same reason and
 * detail share a line ("gpt-4o and claude-sonnet rejected: data class restricted may use only
 * the local tier."); context-window lines stay per model because each names its own window.
 */
export function rejectionLines(rejections: readonly StagedRejection[]): string[] {
  const lines = new Map<string, { aliases: string[]; detail: string }>();
  for (const rejection of rejections) {
    const key = rejection.reason === "context_window" ? `${rejection.alias}\u0000` : `${rejection.reason}\u0000${rejection.detail}`;
    const line = lines.get(key);
    if (line === undefined) lines.set(key, { aliases: [rejection.alias], detail: rejection.detail });
    else line.aliases.push(rejection.alias);
  }
  return [...lines.values()].map(({ aliases, detail }) => `${listWords(aliases)} rejected: ${detail}`);
}

function costWords(cost: number | null): string {
  return cost === null ? "price unknown" : `est. ${formatUsd(cost)}`;
}

export function candidatesLine(candidates: readonly Candidate[]): string {
  const list = candidates.map((candidate) => `${candidate.alias} (${candidate.tierKey}, ${costWords(candidate.estimatedCostUsd)})`);
  return `Candidates, in order: ${list.join(", ")}.`;
}

/** Error kinds a provider adapter reports; any other string is quoted as is. */
export type FallbackErrorKind =
  | "timeout"
  | "rate_limit"
  | "server_error"
  | "connection_error"
  | "circuit_open"
  | "auth_error"
  | "bad_response";

const ERROR_WORDS: Record<FallbackErrorKind, string> = {
  timeout: "it timed out",
  rate_limit: "it was rate-limited",
  server_error: "the provider returned a server error",
  connection_error: "the provider could not be reached",
  circuit_open: "its provider's circuit is open",
  auth_error: "the provider rejected our credentials",
  bad_response: "the provider's response could not be read",
};

/** A provider error kind (lib/providers) in the trace's vocabulary: the one table for it. */
const FALLBACK_KINDS: Record<string, FallbackErrorKind> = {
  rate_limited: "rate_limit",
  timeout: "timeout",
  unavailable: "server_error",
  auth: "auth_error",
  circuit_open: "circuit_open",
};

export function fallbackKindOf(providerErrorKind: string): FallbackErrorKind {
  return FALLBACK_KINDS[providerErrorKind] ?? "bad_response";
}

type Endpoint = Pick<Candidate, "alias" | "providerKey" | "tierKey">;

/**
 * The trace line the gateway appends when it moves along the candidate list. Candidates only
 * ever hold models the data class allows, so a fallback can change tier but never leave the
 * class's tiers or regions — the line says so, because an auditor will ask.
 */
export function fallbackTraceLine(from: Endpoint, to: Endpoint | null, errorKind: FallbackErrorKind | (string & {})): string {
  const why = (ERROR_WORDS as Record<string, string | undefined>)[errorKind] ?? `it failed ("${errorKind}")`;
  const failed = `${from.alias} (${from.providerKey}, ${from.tierKey} tier) failed before the first byte: ${why}`;
  if (to === null) return `${failed}; no candidates are left.`;
  const tier =
    to.tierKey === from.tierKey
      ? `on the same tier`
      : `moving from the ${from.tierKey} tier to the ${to.tierKey} tier, which this request's data class also allows`;
  return `${failed}; falling back to ${to.alias} (${to.providerKey}) ${tier}.`;
}
