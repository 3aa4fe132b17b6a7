"use client";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import type { ProviderHealthView, ProvidersHealthResponse } from "@/console/providers/provider-health-view";
import { providerQueryKeys } from "@/components/query-keys";

const POLL_MS = 5_000;

async function fetchHealth(): Promise<ProvidersHealthResponse> {
  const response = await fetch("/api/console/providers/health", { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Health check answered ${response.status}.`);
  }
  return (await response.json()) as ProvidersHealthResponse;
}

/** One shared poll for the whole page; every row reads its provider from it. */
export function useProviderHealth() {
  return useQuery({ queryKey: providerQueryKeys.health(), queryFn: fetchHealth, refetchInterval: POLL_MS, staleTime: POLL_MS / 2, retry: 1 });
}

const time = (iso: string) => new Date(iso).toISOString().slice(11, 19) + " UTC";

function StateBadge({ health }: { health: ProviderHealthView }) {
  switch (health.state) {
    case "closed":
      return <Badge tone="success">healthy</Badge>;
    case "idle":
      return <Badge title="The gateway has not called this provider since the server started.">no calls yet</Badge>;
    case "half_open":
      return <Badge tone="warning" title="The next request probes the provider.">probing</Badge>;
    case "open":
      return <Badge tone="danger">circuit open</Badge>;
  }
}

/** Live circuit state for one provider: fixed height, so polling never moves the table. */
export function ProviderHealthCell({ providerKey }: { providerKey: string }) {
  const { data, error, isPending } = useProviderHealth();
  const health = data?.providers.find((entry) => entry.key === providerKey);
  return (
    <div className="min-h-[3.25rem] w-56 text-xs" data-testid={`health-${providerKey}`} aria-live="polite">
      {isPending ? (
        <span className="text-slate-400">Checking health…</span>
      ) : error && !data ? (
        <span className="text-red-700" title={error.message}>
          Health unavailable; retrying every {POLL_MS / 1000} s.
        </span>
      ) : !health ? (
        <span className="text-slate-400">Not known yet; refreshes in a few seconds.</span>
      ) : (
        <>
          <StateBadge health={health} />
          {health.reopensAt ? <span className="ml-1.5 text-slate-500">until {time(health.reopensAt)}</span> : null}
          <p className="mt-1 text-slate-500">
            {health.recentCalls === 0 ? "No recent calls" : `${Math.round(health.recentErrorRate * 100)}% errors in the last ${health.recentCalls} calls`}
          </p>
          {health.lastError ? (
            <p className="truncate text-slate-500" title={health.lastError.message}>
              Last error {time(health.lastError.at)}: {health.lastError.kind}
              {health.lastError.status ? ` (${health.lastError.status})` : ""}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
