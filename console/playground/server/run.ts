import "server-only";
import { textOf, toolCallsOf } from "@/lib/canonical/text";
import { consoleGatewayCall } from "@/lib/gateway/pipeline/console-call";
import { decisionView, type DecisionView } from "@/lib/gateway/records/decision-view";
import { executeCall } from "@/lib/gateway/pipeline/serve-call";
import { gatewayRuntime } from "@/lib/gateway/instance/runtime";
import type { Candidate, Rejection } from "@/lib/routing/types";
import type { PlaygroundInput } from "../schema";
import { playgroundRequest } from "../messages";

export type PlaygroundRun =
  | {
      kind: "answer";
      decisionId: string;
      text: string;
      /** Tools the model asked the caller to run (the playground runs none). */
      toolCalls: Array<{ id: string; name: string; arguments: string }>;
      finishReason: string;
      served: { alias: string; tierKey: string; providerKey: string; simulated: boolean };
      usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; estimated: boolean };
      decision: DecisionView;
      /** Providers in the policy that are simulators, to label candidates. */
      simulatedProviderKeys: string[];
    }
  | {
      kind: "refused";
      decisionId: string;
      status: number;
      code: string;
      message: string;
      /** Null when the request was refused before the engine decided (e.g. the console's rate limit). */
      decision: { candidates: Candidate[]; rejected: Rejection[]; trace: string[] } | null;
      simulatedProviderKeys: string[];
    };

/**
 * Sends the request through the gateway pipeline for real — the same analysis, decision,
 * fallback and ledger as an app's request — as the signed-in person (lib/gateway/pipeline/console-call).
 */
export async function runPlayground(input: PlaygroundInput, user: { id: string; email: string }): Promise<PlaygroundRun> {
  const call = consoleGatewayCall({
    user,
    featureKey: input.featureKey,
    model: input.model,
    difficulty: input.difficulty,
    dataClass: input.dataClass,
    request: playgroundRequest(input),
    dryRun: false,
  });
  const outcome = await executeCall(call);
  const policy = await gatewayRuntime().policy.current().catch(() => null);
  const simulatedProviderKeys = policy?.snapshot.providers.filter((provider) => provider.kind === "simulator").map((provider) => provider.key) ?? [];
  if (outcome.kind === "answer") {
    const { result, served, record } = outcome;
    return {
      kind: "answer",
      decisionId: record.id,
      text: textOf(result.content),
      toolCalls: toolCallsOf(result.content).map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
      finishReason: result.finishReason,
      served: { alias: served.alias, tierKey: served.tierKey, providerKey: served.providerKey, simulated: policy?.providers.get(served.providerKey)?.kind === "simulator" },
      usage: { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens, cachedInputTokens: result.usage.cachedInputTokens, estimated: result.usage.estimated },
      decision: decisionView(record),
      simulatedProviderKeys,
    };
  }
  if (outcome.kind === "dry_run") throw new Error("The playground asked for a completion and got a dry run.");
  const decision = outcome.draft.facts.decision;
  return {
    kind: "refused",
    decisionId: outcome.record.id,
    status: outcome.error.status,
    code: outcome.error.code,
    message: outcome.error.message,
    decision: decision ? { candidates: decision.candidates, rejected: decision.rejected, trace: outcome.record.trace } : null,
    simulatedProviderKeys,
  };
}
