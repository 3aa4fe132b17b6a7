import { describe, expect, it } from "vitest";
import { BUCKET_COUNT, addBuckets, bucketIndex, emptyBuckets, quantileFromBuckets } from "./histogram";

describe("latency histogram", () => {
  it("puts values in the bucket whose upper bound holds them", () => {
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(5)).toBe(0);
    expect(bucketIndex(6)).toBe(1);
    expect(bucketIndex(1500)).toBe(13);
    expect(bucketIndex(999_999)).toBe(BUCKET_COUNT - 1);
  });

  it("reads p50 and p95 from summed buckets", () => {
    const a = emptyBuckets();
    const b = emptyBuckets();
    for (let i = 0; i < 90; i++) a[bucketIndex(40)]! += 1; // 90 fast requests
    for (let i = 0; i < 10; i++) b[bucketIndex(2500)]! += 1; // 10 slow ones
    const all = addBuckets(emptyBuckets(), a);
    addBuckets(all, b);
    expect(quantileFromBuckets(all, 0.5)).toBe(50);
    expect(quantileFromBuckets(all, 0.9)).toBe(50);
    expect(quantileFromBuckets(all, 0.95)).toBe(3000);
  });

  it("has no percentile without samples", () => {
    expect(quantileFromBuckets(emptyBuckets(), 0.5)).toBeNull();
  });
});
