import "server-only";
import { analyseRequest } from "@/lib/gateway/pipeline/analyse";
import { liveStateFrom } from "@/lib/gateway/pipeline/live-state";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import { decide } from "@/lib/routing";
import type { DataClassKey, Decision } from "@/lib/routing/types";
import type { PlaygroundInput } from "../schema";
import { playgroundRequest } from "../messages";

export interface PlaygroundDryRun {
  policyVersion: number;
  estimatedPromptTokens: number;
  requestedOutputTokens: number;
  /** Types and counts only, as decision records keep them. */
  findings: Array<{ type: string; count: number; dataClass: DataClassKey }>;
  decision: Decision;
  /** Providers of the candidates that are simulators (their answers are generated locally). */
  simulatedProviderKeys: string[];
}

/**
 * What the gateway would decide for this request right now: the same analysis and the same
 * engine, against the published policy and the live provider health and budget counters.
 * No model is called and nothing is recorded — trying things out is not traffic.
 */
export async function dryRunPlayground(input: PlaygroundInput, now = new Date()): Promise<PlaygroundDryRun> {
  const runtime = gatewayRuntime();
  const policy = await runtime.policy.current();
  const { analysis } = analyseRequest(
    {
      request: playgroundRequest(input),
      requestedModel: input.model,
      featureKey: input.featureKey,
      declaredDifficulty: input.difficulty,
      declaredDataClass: input.dataClass,
    },
    policy.detectors,
    policy.snapshot.unscannableDataClass,
  );
  await runtime.spend.ensureRead(now);
  const live = liveStateFrom(runtime.breaker.snapshot(), runtime.spend.snapshot(now), now);
  const decision = decide(analysis, policy.prepared, live);
  return {
    policyVersion: policy.snapshot.version,
    estimatedPromptTokens: analysis.estimatedPromptTokens,
    requestedOutputTokens: analysis.requestedOutputTokens,
    findings: analysis.findings.map(({ type, count, dataClass }) => ({ type, count, dataClass })),
    decision,
    simulatedProviderKeys: policy.snapshot.providers.filter((provider) => provider.kind === "simulator").map((provider) => provider.key),
  };
}
