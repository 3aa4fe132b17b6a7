// What-if, end to end: load the policy, read the window's decision records page by page and
// replay them (lib/replay/replay.ts, pure). Used by the console's What-if page and the CLI.
import "server-only";
import { env } from "@/lib/env";
import { checkedKeywordsOf, estimateRecords, recordSlices, spendBefore } from "./load-records";
import { loadReplayPolicy, type PolicySource, type ReplayPolicy } from "./policy-source";
import { Replay } from "./replay";
import { policyKeywords } from "./rebuild-analysis";
import type { WhatIfResultData } from "./result";

/** Beyond this many records in the window a sample of about this many is replayed. */
export const MAX_REPLAYED = 1_000_000;
/** Hours per read: short enough for progress and for short synchronous stretches (the console shares its process with the gateway). */
const SLICE_HOURS = 6;
const DAY_MS = 86_400_000;

export interface WhatIfRequest {
  /** Where the policy comes from, or the policy already loaded (so a caller can answer its errors first). */
  source: PolicySource | ReplayPolicy;
  days: number;
  /** End of the window (now). */
  now?: Date;
  /** Start of the window, overriding `days` (the benchmark picks windows by record count). */
  from?: Date;
}

export interface WhatIfProgress {
  done: number;
  total: number;
}

export type WhatIfResult = WhatIfResultData;

/** The longest window: raw records older than the retention are gone. */
export function maxWhatIfDays(): number {
  return env.DECISION_RETENTION_DAYS;
}

export async function runWhatIf(request: WhatIfRequest, onProgress?: (progress: WhatIfProgress) => void | Promise<void>): Promise<WhatIfResult> {
  const started = performance.now();
  const to = request.now ?? new Date();
  const days = Math.min(Math.max(request.days, 1), maxWhatIfDays());
  const from = request.from ?? new Date(to.getTime() - days * DAY_MS);
  const policy = "snapshot" in request.source ? request.source : await loadReplayPolicy(request.source);
  const [estimated, spent] = await Promise.all([estimateRecords({ from, to }), spendBefore(from)]);
  const every = Math.max(1, Math.ceil(estimated / MAX_REPLAYED));
  const total = Math.round(estimated / every);

  const keywords = new Map<number, Set<string>>();
  const replay = new Replay(policy.snapshot, {
    checkedKeywords: (version) => (version === null ? null : (keywords.get(version) ?? null)),
    spendBefore: spent,
  });
  const withPrompt = policyKeywords(policy.snapshot).length > 0;
  let done = 0;
  await onProgress?.({ done, total });
  const dials = new Map(policy.snapshot.features.flatMap((feature) => (feature.difficultyEstimator ? [[feature.key, feature.difficultyEstimator.threshold] as const] : [])));
  const priceThresholds = policy.snapshot.models.flatMap((model) => (model.longContext ? [model.longContext.thresholdTokens] : []));
  for await (const page of recordSlices({ from, to, every }, { withPrompt, priceThresholds, sliceHours: SLICE_HOURS, dials })) {
    const unseen = [...new Set(page.map((record) => record.policyVersion))].filter((version): version is number => version !== null && !keywords.has(version));
    for (const [version, set] of await checkedKeywordsOf(unseen)) keywords.set(version, set);
    for (const version of unseen) if (!keywords.has(version)) keywords.set(version, new Set());
    replay.add(page);
    done += page.reduce((sum, record) => sum + record.count, 0);
    await onProgress?.({ done, total: Math.max(total, done) });
  }
  const summary = replay.summary();
  return {
    policy: { label: policy.label, version: policy.snapshot.version, baselineModelAlias: policy.snapshot.baselineModelAlias },
    window: { from: from.toISOString(), to: to.toISOString(), days },
    sample: every > 1 ? { every, recordsInWindow: Math.round(estimated) } : null,
    summary,
    elapsedMs: Math.round(performance.now() - started),
  };
}
