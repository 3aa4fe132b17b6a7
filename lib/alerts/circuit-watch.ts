import "server-only";
// Circuit openings, from the breaker's onOpen hook: only the instance whose own calls opened the
// circuit fires (the others adopt the opening over Redis and stay quiet).
import type { OpenedCircuit } from "@/lib/providers/resilience/circuit-breaker";
import { dueCircuitAlerts } from "./evaluate";
import { fireAlerts, loadEnabledRules } from "./fire";

/** Fires the circuit rules covering this provider; returns the alerts recorded. */
export async function evaluateCircuitOpened(providerKey: string, opened: OpenedCircuit, now: Date = new Date()): Promise<string[]> {
  const rules = await loadEnabledRules("circuit_open");
  if (rules.length === 0) return [];
  const lastError = opened.lastError ? `${opened.lastError.kind}${opened.lastError.status ? ` (HTTP ${opened.lastError.status})` : ""}: ${opened.lastError.message}`.slice(0, 300) : null;
  return fireAlerts(dueCircuitAlerts(rules, providerKey, now, new Date(opened.until), lastError), rules, now);
}

/** The breaker's hook: in the background, never throwing into the request that opened the circuit. */
export function circuitOpened(providerKey: string, opened: OpenedCircuit): void {
  evaluateCircuitOpened(providerKey, opened).catch((error: unknown) => console.error(`[switchyard] circuit alert for ${providerKey} could not be recorded`, error instanceof Error ? error.message : error));
}
