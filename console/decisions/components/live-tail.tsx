"use client";
// The live tail: polls the newest decisions (GET /api/console/decisions/tail) every few seconds
// while it is running, and counts the rows that arrived since the previous poll.
import { useQuery } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { DecisionTailResponse } from "@/lib/analytics/decisions/decision-tail";
import { DecisionsTable } from "./decisions-table";
import { decisionQueryKeys } from "@/components/query-keys";

const POLL_MS = 2_000;

async function fetchTail(search: string): Promise<DecisionTailResponse> {
  const response = await fetch(`/api/console/decisions/tail${search ? `?${search}` : ""}`, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The tail answered ${response.status}.`);
  }
  return (await response.json()) as DecisionTailResponse;
}

export function LiveTail({ search }: { search: string }) {
  const [running, setRunning] = useState(true);
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState(0);
  const query = useQuery({
    queryKey: decisionQueryKeys.tail({ search }),
    queryFn: () => fetchTail(search),
    refetchInterval: running ? POLL_MS : false,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  const rows = query.data?.rows;
  useEffect(() => {
    if (!rows) return;
    const ids = new Set(rows.map((row) => row.id));
    // The first answer is the baseline; afterwards count what was not on screen before.
    setFresh(seen.current === null ? 0 : rows.filter((row) => !seen.current!.has(row.id)).length);
    seen.current = ids;
  }, [rows]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={() => setRunning((value) => !value)} aria-pressed={!running}>
          {running ? <Pause className="size-4" aria-hidden /> : <Play className="size-4" aria-hidden />}
          {running ? "Pause" : "Resume"}
        </Button>
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="tail-status">
          {query.isError
            ? `Could not refresh: ${query.error.message}`
            : query.data
              ? `${running ? `Refreshing every ${POLL_MS / 1000} s` : "Paused"} · last read ${new Date(query.data.polledAt).toLocaleTimeString("en-US", { timeZone: "UTC", hour12: false })} UTC${fresh > 0 ? ` · ${fresh} new` : ""}`
              : "Loading…"}
        </p>
      </div>
      {rows && rows.length === 0 ? <EmptyState title="No decisions yet for this view">New requests appear here within a few seconds.</EmptyState> : null}
      {rows && rows.length > 0 ? <DecisionsTable decisions={rows} caption="Newest decisions, live" /> : null}
    </div>
  );
}
