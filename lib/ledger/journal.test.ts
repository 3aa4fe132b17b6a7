import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DecisionJournal } from "./journal";
import type { DecisionRecordInput } from "./record";

const record = (n: number) => ({ id: `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`, createdAt: new Date(Date.UTC(2026, 11, 3, 0, 0, n)), costUsd: n / 100 }) as unknown as DecisionRecordInput;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "journal-test-"));
  dirs.push(dir);
  return dir;
};
const segmentFiles = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith(".ndjson"));

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("DecisionJournal", () => {
  it("gives a new process every record an earlier one journaled and did not see drained, dates revived", () => {
    const dir = tempDir();
    const first = new DecisionJournal({ dir, maxRecords: 100 });
    expect(first.open()).toEqual([]);
    for (let n = 1; n <= 5; n++) first.append(record(n));
    first.drained([record(2), record(4)]);
    // The process dies here: no close().
    const second = new DecisionJournal({ dir, maxRecords: 100 });
    const replay = second.open();
    // Records 2 and 4 are replayed too (their segment was still open); inserts are idempotent by id.
    expect(replay.map((entry) => entry.id)).toEqual([1, 2, 3, 4, 5].map((n) => record(n).id));
    expect(replay[0]!.createdAt).toEqual(record(1).createdAt);
    expect(second.stats().waiting).toBe(5);
  });

  it("skips a torn last line (the write the process died in the middle of)", () => {
    const dir = tempDir();
    const journal = new DecisionJournal({ dir, maxRecords: 100 });
    journal.open();
    journal.append(record(1));
    fs.appendFileSync(path.join(dir, segmentFiles(dir)[0]!), '{"id":"00000000-0000-7000-8000-0000000');
    expect(new DecisionJournal({ dir, maxRecords: 100 }).open().map((entry) => entry.id)).toEqual([record(1).id]);
  });

  it("deletes a finished segment once every record in it is in the database", () => {
    const dir = tempDir();
    const journal = new DecisionJournal({ dir, maxRecords: 100, segmentRecords: 2 });
    journal.open();
    for (let n = 1; n <= 5; n++) journal.append(record(n));
    expect(segmentFiles(dir)).toHaveLength(3);
    journal.drained([record(1)]);
    expect(segmentFiles(dir)).toHaveLength(3);
    journal.drained([record(2), record(3)]);
    expect(segmentFiles(dir)).toHaveLength(2);
    journal.drained([record(4), record(5)]);
    // The open segment stays (appends continue there) until close.
    expect(segmentFiles(dir)).toHaveLength(1);
    journal.close();
    expect(segmentFiles(dir)).toHaveLength(0);
  });

  it("replayed segments are deleted when the replayed records are drained", () => {
    const dir = tempDir();
    const first = new DecisionJournal({ dir, maxRecords: 100 });
    first.open();
    first.append(record(1));
    first.append(record(2));
    const second = new DecisionJournal({ dir, maxRecords: 100 });
    const replay = second.open();
    second.append(record(3));
    second.drained(replay);
    expect(segmentFiles(dir)).toHaveLength(1);
    expect(new DecisionJournal({ dir, maxRecords: 100 }).open().map((entry) => entry.id)).toEqual([record(3).id]);
  });

  it("is full at its bound of records not yet in the database, and has room again once they are", () => {
    const dir = tempDir();
    const journal = new DecisionJournal({ dir, maxRecords: 3 });
    journal.open();
    journal.append(record(1));
    journal.append(record(2));
    expect(journal.full).toBe(false);
    journal.append(record(3));
    expect(journal.full).toBe(true);
    journal.drained([record(1)]);
    expect(journal.full).toBe(false);
  });

  it("keeps a record the database refused in a file of its own, never replayed", () => {
    const dir = tempDir();
    const journal = new DecisionJournal({ dir, maxRecords: 10 });
    journal.open();
    journal.append(record(1));
    journal.setAside(record(1), "invalid input syntax for type uuid");
    journal.drained([record(1)]);
    journal.close();
    const kept = fs.readFileSync(path.join(dir, "rejected.ndjson.txt"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { reason: string; record: { id: string } });
    expect(kept).toEqual([{ reason: "invalid input syntax for type uuid", record: expect.objectContaining({ id: record(1).id }) }]);
    expect(new DecisionJournal({ dir, maxRecords: 10 }).open()).toEqual([]);
  });
});
