// Provider health as the console shows it: the gateway's circuit breaker joined with the
// configured providers. Pure, so the route handler stays thin and the joining is tested.
import type { ProviderHealth } from "@/lib/providers/resilience/circuit-breaker";

export interface ProviderHealthView {
  key: string;
  /** "idle" = the gateway has not called this provider since the server started. */
  state: "closed" | "open" | "half_open" | "idle";
  recentCalls: number;
  /** 0..1 over the breaker's window of recent calls. */
  recentErrorRate: number;
  consecutiveFailures: number;
  lastError: { kind: string; message: string; status: number | null; at: string } | null;
  /** ISO times; null unless the circuit is open. */
  openedAt: string | null;
  reopensAt: string | null;
}

export interface ProvidersHealthResponse {
  checkedAt: string;
  providers: ProviderHealthView[];
}

const iso = (epochMs: number | null) => (epochMs === null ? null : new Date(epochMs).toISOString());

export function providerHealthViews(providerKeys: readonly string[], snapshot: readonly ProviderHealth[], now: Date): ProvidersHealthResponse {
  const byKey = new Map(snapshot.map((health) => [health.providerKey, health]));
  return {
    checkedAt: now.toISOString(),
    providers: providerKeys.map((key) => {
      const health = byKey.get(key);
      if (!health) return { key, state: "idle", recentCalls: 0, recentErrorRate: 0, consecutiveFailures: 0, lastError: null, openedAt: null, reopensAt: null };
      return {
        key,
        state: health.state === "closed" && health.recentCalls === 0 && health.lastError === null ? "idle" : health.state,
        recentCalls: health.recentCalls,
        recentErrorRate: health.recentErrorRate,
        consecutiveFailures: health.consecutiveFailures,
        lastError: health.lastError ? { kind: health.lastError.kind, message: health.lastError.message, status: health.lastError.status ?? null, at: new Date(health.lastError.at).toISOString() } : null,
        openedAt: iso(health.openedAt),
        reopensAt: iso(health.reopensAt),
      };
    }),
  };
}
