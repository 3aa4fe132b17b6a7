import { describe, expect, it } from "vitest";
import { WriteBehindQueue } from "./queue";
import type { DecisionRecordInput } from "./record";

const record = (n: number) => ({ id: String(n) }) as unknown as DecisionRecordInput;

describe("WriteBehindQueue", () => {
  it("writes records in batches without the caller waiting", async () => {
    const batches: string[][] = [];
    const queue = new WriteBehindQueue(async (records) => void batches.push(records.map((r) => r.id)), { maxBatch: 3, flushIntervalMs: 5 });
    for (let i = 0; i < 7; i++) expect(queue.enqueue(record(i))).toBeUndefined();
    await queue.flush();
    expect(batches.flat()).toEqual(["0", "1", "2", "3", "4", "5", "6"]);
    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(queue.stats.written).toBe(7);
  });

  it("keeps records through failed writes and retries them in order", async () => {
    let calls = 0;
    const written: string[] = [];
    const errors: number[] = [];
    const queue = new WriteBehindQueue(
      async (records) => {
        calls += 1;
        if (calls <= 2) throw new Error("database down");
        written.push(...records.map((r) => r.id));
      },
      { maxBatch: 10, flushIntervalMs: 1, onWriteError: (_, attempt) => errors.push(attempt) },
    );
    queue.enqueue(record(1));
    queue.enqueue(record(2));
    await queue.flush(10_000);
    expect(written).toEqual(["1", "2"]);
    expect(errors).toEqual([1, 2]);
    expect(queue.stats.failedWrites).toBe(2);
  });

  it("makes callers wait, rather than drop records, when full", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new WriteBehindQueue(async () => gate, { maxBatch: 2, capacity: 3, flushIntervalMs: 1 });
    expect(queue.enqueue(record(1))).toBeUndefined();
    expect(queue.enqueue(record(2))).toBeUndefined();
    const waiting = queue.enqueue(record(3));
    expect(waiting).toBeInstanceOf(Promise);
    let resolved = false;
    void waiting!.then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    release();
    await queue.flush();
    expect(resolved).toBe(true);
    expect(queue.stats.written).toBe(3);
  });
});
