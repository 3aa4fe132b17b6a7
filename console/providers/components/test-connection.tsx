"use client";
import { useTransition } from "react";
import { testConnectionAction } from "@/console/providers/actions";
import { Button } from "@/components/ui/button";
import type { ConnectionTestResult } from "@/console/providers/server/test-provider-connection";

export type TestOutcome = { result: ConnectionTestResult } | { error: string };

/** One real call through the provider layer; the outcome shows under the row. */
export function TestConnectionButton({ providerKey, providerName, disabled, onOutcome }: { providerKey: string; providerName: string; disabled: boolean; onOutcome: (outcome: TestOutcome | "pending") => void }) {
  const [pending, startTransition] = useTransition();
  function run() {
    onOutcome("pending");
    startTransition(async () => {
      try {
        const answer = await testConnectionAction({ providerKey, modelAlias: null });
        onOutcome(answer.ok ? { result: answer.data } : { error: answer.error });
      } catch {
        onOutcome({ error: "The server could not be reached. Try again." });
      }
    });
  }
  return (
    <Button variant="secondary" className="px-2.5 py-1 whitespace-nowrap" disabled={pending || disabled} onClick={run} aria-label={`Test connection to ${providerName}`}>
      {pending ? "Testing…" : "Test connection"}
    </Button>
  );
}

export function TestOutcomeLine({ outcome }: { outcome: TestOutcome | "pending" }) {
  if (outcome === "pending") return <p className="text-sm text-slate-500">Calling the provider with a tiny prompt…</p>;
  if ("error" in outcome) return <p className="text-sm text-red-700">{outcome.error}</p>;
  const { result } = outcome;
  if (result.ok) {
    return (
      <p className="text-sm text-emerald-800">
        Connected: {result.modelAlias} answered in {result.latencyMs} ms{result.simulated ? " (Simulated — no network call)" : ""}. <span className="text-slate-500">“{result.reply}”</span>
      </p>
    );
  }
  return (
    <p className="text-sm text-red-800">
      Failed after {result.latencyMs} ms calling {result.modelAlias}: <strong className="font-semibold">{result.kind}</strong>
      {result.status ? ` (HTTP ${result.status})` : ""} — {result.message}
    </p>
  );
}
