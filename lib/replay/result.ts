// The shape of a finished what-if, shared by the server, the CLI and the page (pure data).
import type { ReplaySummary } from "./types";

export interface WhatIfResultData {
  policy: { label: string; version: number; baselineModelAlias: string | null };
  window: { from: string; to: string; days: number };
  /** Set when the window held more records than one run replays: one in `every` was replayed. */
  sample: { every: number; recordsInWindow: number } | null;
  summary: ReplaySummary;
  elapsedMs: number;
}
