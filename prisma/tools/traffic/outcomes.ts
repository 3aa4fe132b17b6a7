// What became of a decided request that was not refused: a dry run, served first time, served
// after a fallback (one per cause), every candidate failing, or a stream cut after its first byte —
// each with its share, its attempts and the trace lines the gateway would have written.
import { fallbackTraceLine } from "@/lib/routing";
import { fallbackKindOf } from "@/lib/routing/explain/trace";
import type { Decision, PolicySnapshot } from "@/lib/routing/types";
import type { DecisionStatus, FallbackAttempt } from "@/lib/ledger/record";
import { ALL_FAILED_RATE, DRY_RUN_RATE, FALLBACK_CAUSES, FALLBACK_RATE, STREAM_INTERRUPTED_RATE, TIER_SPEED } from "./profiles";

export function priceOf(snapshot: PolicySnapshot, alias: string | null): { input: number | null; output: number | null } {
  const model = snapshot.models.find((candidate) => candidate.alias === alias);
  return { input: model?.inputPricePerMTok ?? null, output: model?.outputPricePerMTok ?? null };
}

export function speedOf(tierKey: string, alias: string): { ttft: number; perToken: number } {
  const base = TIER_SPEED[tierKey] ?? { ttft: 500, perToken: 15 };
  // The biggest frontier models answer more slowly.
  const slow = /opus/i.test(alias) ? 1.5 : 1;
  return { ttft: base.ttft * slow, perToken: base.perToken * slow };
}

interface Outcome {
  weight: number;
  stream: boolean;
  dryRun: boolean;
  status: DecisionStatus;
  httpStatus: number;
  errorCode: string | null;
  served: Decision["candidates"][number] | null;
  attempts: FallbackAttempt[];
  usage: boolean;
  extraTrace: string[];
}

function attempt(candidate: Decision["candidates"][number], cause: string, latencyMs: number, message: string): FallbackAttempt {
  return { alias: candidate.alias, providerKey: candidate.providerKey, errorKind: cause, message, latencyMs };
}

function fallbackLines(attempts: FallbackAttempt[], candidates: Decision["candidates"], servedAlias: string | null): string[] {
  return attempts.map((failed, index) => {
    const from = candidates.find((candidate) => candidate.alias === failed.alias)!;
    const nextAlias = attempts[index + 1]?.alias ?? servedAlias;
    const to = nextAlias ? (candidates.find((candidate) => candidate.alias === nextAlias) ?? null) : null;
    return fallbackTraceLine(from, to, fallbackKindOf(failed.errorKind));
  });
}

export function outcomes(decision: Decision, streamShare: number): Outcome[] {
  const [first, second] = decision.candidates;
  if (!first) return [];
  const servedLine = (candidate: typeof first, stream: boolean) => `Served by ${candidate.alias} (${candidate.providerKey}, ${candidate.tierKey} tier)${stream ? ", streaming" : ""}.`;
  const list: Outcome[] = [
    {
      weight: DRY_RUN_RATE,
      stream: false,
      dryRun: true,
      status: "success",
      httpStatus: 200,
      errorCode: null,
      served: first,
      attempts: [],
      usage: false,
      extraTrace: [`Dry run: no model was called; ${first.alias} would have been tried first.`],
    },
  ];
  for (const stream of [false, true]) {
    const share = (1 - DRY_RUN_RATE) * (stream ? streamShare : 1 - streamShare);
    if (share === 0) continue;
    const fallback = second ? FALLBACK_RATE : 0;
    const interrupted = stream ? STREAM_INTERRUPTED_RATE : 0;
    list.push({ weight: share * (1 - fallback - ALL_FAILED_RATE - interrupted), stream, dryRun: false, status: "success", httpStatus: 200, errorCode: null, served: first, attempts: [], usage: true, extraTrace: [servedLine(first, stream)] });
    if (second) {
      for (const [causeWeight, cause, latency, message] of FALLBACK_CAUSES) {
        const attempts = [attempt(first, cause, latency, message)];
        list.push({
          weight: share * fallback * causeWeight,
          stream,
          dryRun: false,
          status: "fallback_success",
          httpStatus: 200,
          errorCode: null,
          served: second,
          attempts,
          usage: true,
          extraTrace: [...fallbackLines(attempts, decision.candidates, second.alias), servedLine(second, stream)],
        });
      }
    }
    const allFailed = decision.candidates.map((candidate) => attempt(candidate, "unavailable", 900, "503 Service Unavailable"));
    list.push({
      weight: share * ALL_FAILED_RATE,
      stream,
      dryRun: false,
      status: "error",
      httpStatus: 503,
      errorCode: "all_candidates_failed",
      served: null,
      attempts: allFailed,
      usage: false,
      extraTrace: fallbackLines(allFailed, decision.candidates, null),
    });
    if (stream) {
      list.push({
        weight: share * interrupted,
        stream,
        dryRun: false,
        status: "error",
        httpStatus: 200,
        errorCode: "stream_interrupted",
        served: first,
        attempts: [],
        usage: false,
        extraTrace: [servedLine(first, true), "The stream failed after the first byte (upstream connection reset); it was not switched to another model."],
      });
    }
  }
  return list;
}
