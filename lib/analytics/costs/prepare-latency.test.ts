import { describe, expect, it } from "vitest";
import { bucketIndex, emptyBuckets } from "@/lib/ledger/histogram";
import { prepareLatency } from "./prepare-latency";
import { FEATURES, TIERS, group } from "./usage-fixtures";

function buckets(values: Array<[number, number]>): number[] {
  const counts = emptyBuckets();
  for (const [ms, count] of values) counts[bucketIndex(ms)]! += count;
  return counts;
}

describe("prepareLatency", () => {
  it("reads p50 and p95 latency and TTFT from summed buckets per feature × tier and per tier", () => {
    const report = prepareLatency(
      [
        group({ requests: 90, inputTokens: 900, outputTokens: 90, latencyMsSum: 90 * 400, latencyBuckets: buckets([[400, 90]]), ttftBuckets: buckets([[120, 90]]) }),
        group({ modelAlias: "gemma-2-9b", requests: 10, latencyMsSum: 10 * 4000, latencyBuckets: buckets([[4000, 10]]), ttftBuckets: buckets([[900, 10]]) }),
        group({ tierKey: "frontier", modelAlias: "claude-sonnet", requests: 5, latencyBuckets: buckets([[70_000, 5]]) }),
      ],
      FEATURES,
      TIERS,
    );
    const local = report.rows.find((row) => row.tierKey === "local")!;
    expect(local).toMatchObject({ requests: 100, p50LatencyMs: 500, p95LatencyMs: 5000, p50TtftMs: 150, p95TtftMs: 1000, meanTokens: 9.9 });
    expect(local.meanLatencyMs).toBeCloseTo(760, 10);
    // Above the last bound there is no number to show; no TTFT samples means no TTFT.
    const frontier = report.rows.find((row) => row.tierKey === "frontier")!;
    expect(frontier).toMatchObject({ p50LatencyMs: null, p50TtftMs: null });
    expect(report.tiers.map((tier) => tier.tierKey)).toEqual(["local", "frontier"]);
  });
});
