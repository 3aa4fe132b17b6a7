// What the traffic generator's month looks like: each seeded feature's share, prompt sizes,
// findings and streaming; the rare cases (oversized prompts, pins, fallbacks, failures, dry runs)
// and their rates; each tier's speed. Data only: ./shapes.ts and ./outcomes.ts combine it.
import type { CallerPin, Difficulty } from "@/lib/routing/types";

/** The alias of the hosted-open model the generator pretends was enabled for a while without a price. */
export const UNPRICED_TRIAL_ALIAS = "kimi-k2-trial";

export interface FeatureProfile {
  share: number;
  outputMedian: number;
  streamShare: number;
  sizes: Array<[number, number]>;
  findings: Array<[number, Array<[string, number]>]>;
  keywordShare: number;
}

/** What each seeded feature's traffic looks like; features not listed get DEFAULT_PROFILE. */
export const PROFILES: Record<string, FeatureProfile> = {
  "support-summaries": {
    share: 0.46,
    outputMedian: 160,
    streamShare: 0.1,
    sizes: [[0.74, 450], [0.2, 1_800], [0.06, 9_500]],
    findings: [[0.7, []], [0.18, [["email", 1]]], [0.05, [["phone", 1]]], [0.04, [["email", 2], ["phone", 1]]], [0.03, [["payment_card", 1]]]],
    keywordShare: 0.001,
  },
  "code-assist": {
    share: 0.3,
    outputMedian: 380,
    streamShare: 0.75,
    sizes: [[0.38, 700], [0.45, 3_200], [0.16, 14_000], [0.01, 140_000]],
    findings: [[0.93, []], [0.07, [["secret", 1]]]],
    keywordShare: 0.004,
  },
  "contract-review": {
    share: 0.1,
    outputMedian: 900,
    streamShare: 0.2,
    sizes: [[0.1, 900], [0.3, 4_500], [0.5, 24_000], [0.1, 90_000]],
    findings: [[0.55, []], [0.37, [["email", 2]]], [0.05, [["iban", 1]]], [0.03, [["us_ssn", 1]]]],
    keywordShare: 0.08,
  },
  "research-notebook": {
    share: 0.08,
    outputMedian: 600,
    streamShare: 0.4,
    sizes: [[0.4, 800], [0.4, 3_000], [0.2, 11_000]],
    findings: [[0.97, []], [0.03, [["email", 1]]]],
    keywordShare: 0.03,
  },
};

export const DEFAULT_PROFILE: FeatureProfile = {
  share: 0.04,
  outputMedian: 300,
  streamShare: 0.3,
  sizes: [[0.6, 600], [0.3, 2_500], [0.1, 10_000]],
  findings: [[0.9, []], [0.1, [["email", 1]]]],
  keywordShare: 0.005,
};

/** Requests that name no feature (the key has no default): a small, unattributed share. */
export const NO_FEATURE_SHARE = 0.02;
/** A prompt larger than every context window: refused with "context_window". */
export const OVERSIZED = { share: 0.0004, tokens: 240_000 };

export const DIFFICULTIES: Array<[number, Difficulty | null]> = [[0.7, null], [0.1, "routine"], [0.1, "standard"], [0.1, "hard"]];

export type Pin = { weight: number; pin: CallerPin; requested: string };
export type Live = { weight: number; name: "normal" | "local_down" | "hosted_limited"; over_budget: boolean };

/** Gateway-side latency figures per tier (ms): time to first token and per output token. */
export const TIER_SPEED: Record<string, { ttft: number; perToken: number }> = {
  local: { ttft: 220, perToken: 22 },
  "hosted-open": { ttft: 420, perToken: 11 },
  frontier: { ttft: 850, perToken: 16 },
};

/** Why an attempt failed before the first byte (AttemptRecord.errorKind) and how long it took. */
export const FALLBACK_CAUSES: Array<[number, string, number, string]> = [
  [0.45, "rate_limited", 180, "429 Too Many Requests"],
  [0.25, "timeout", 30_000, "no answer within the attempt timeout"],
  [0.25, "unavailable", 900, "503 Service Unavailable"],
  [0.05, "circuit_open", 0, "circuit open"],
];

export const FALLBACK_RATE = 0.025;
export const ALL_FAILED_RATE = 0.002;
export const STREAM_INTERRUPTED_RATE = 0.01;
export const DRY_RUN_RATE = 0.004;
export const KEY_RATE_LIMITED_SHARE = 0.002;
