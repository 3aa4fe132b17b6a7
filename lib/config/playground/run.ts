import "server-only";
import { consoleGatewayCall } from "@/lib/gateway/console-call";
import { decisionView, type DecisionView } from "@/lib/gateway/decision-view";
import { GatewayFailure, runPipeline } from "@/lib/gateway/run-pipeline";
import { gatewayRuntime } from "@/lib/gateway/runtime";
import type { Candidate, Rejection } from "@/lib/routing/types";
import type { PlaygroundInput } from "../schemas/playground";
import { playgroundMessages } from "./messages";

export type PlaygroundRun =
  | {
      kind: "answer";
      decisionId: string;
      text: string;
      finishReason: string;
      served: { alias: string; tierKey: string; providerKey: string; simulated: boolean };
      usage: { inputTokens: number; outputTokens: number; estimated: boolean };
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
 * fallback and ledger as an app's request — as the signed-in person (lib/gateway/console-call).
 */
export async function runPlayground(input: PlaygroundInput, user: { id: string; email: string }): Promise<PlaygroundRun> {
  const call = consoleGatewayCall({
    user,
    featureKey: input.featureKey,
    model: input.model,
    difficulty: input.difficulty,
    dataClass: input.dataClass,
    messages: playgroundMessages(input),
    maxOutputTokens: input.maxOutputTokens,
    dryRun: false,
  });
  const simulatedProviderKeys = async () => {
    const policy = await gatewayRuntime().policy.current();
    return policy.snapshot.providers.filter((provider) => provider.kind === "simulator").map((provider) => provider.key);
  };
  try {
    const result = await runPipeline(call);
    if (result.kind !== "completion") throw new Error(`The playground asked for a completion and got a ${result.kind}.`);
    const { outcome, record } = result;
    const policy = await gatewayRuntime().policy.current();
    return {
      kind: "answer",
      decisionId: record.id,
      text: outcome.result.text,
      finishReason: outcome.result.finishReason,
      served: {
        alias: outcome.served.alias,
        tierKey: outcome.served.tierKey,
        providerKey: outcome.served.providerKey,
        simulated: policy.providers.get(outcome.served.providerKey)?.kind === "simulator",
      },
      usage: outcome.result.usage,
      decision: decisionView(record),
      simulatedProviderKeys: await simulatedProviderKeys(),
    };
  } catch (error) {
    if (!(error instanceof GatewayFailure)) throw error;
    const decision = error.draft.facts.decision;
    return {
      kind: "refused",
      decisionId: error.draft.id,
      status: error.error.status,
      code: error.error.code,
      message: error.error.message,
      decision: decision ? { candidates: decision.candidates, rejected: decision.rejected, trace: decision.trace } : null,
      simulatedProviderKeys: await simulatedProviderKeys(),
    };
  }
}
