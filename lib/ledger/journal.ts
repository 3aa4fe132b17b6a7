// The local decision journal: every decision record is appended to a file on this machine's
// disk before its answer completes, so kill -9, a crash or a database outage loses nothing that
// was answered. Records are appended as JSON lines to segment files; once the write-behind queue
// has put every record of a finished segment into PostgreSQL, the segment is deleted. On start,
// the segments a previous process left are replayed (inserts are idempotent by record id, so a
// record that did reach the database before the crash is not counted twice).
//
// Durability: each append is one write(2) into the page cache — it survives the process dying at
// any point. It survives the machine losing power only once fdatasync has run, which happens
// every SYNC_INTERVAL_MS (off the event loop, one at a time); that window is the documented
// exposure (bench/RELIABILITY.md).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { DecisionRecordInput } from "./record";
import { recordJson } from "./record-json";

const SEGMENT_SUFFIX = ".ndjson";
/** Records per segment before a new one is started (so drained ones can be deleted). */
const SEGMENT_RECORDS = 5_000;
const SYNC_INTERVAL_MS = 1_000;
/** Not a segment (not replayed): records the database refused for their content. */
const REJECTED_FILE = "rejected.ndjson.txt";

interface Segment {
  file: string;
  fd: number | null;
  appended: number;
  drained: number;
}

export interface JournalOptions {
  dir: string;
  /** Records held that are not in the database yet; at the bound `full` is true. */
  maxRecords: number;
  segmentRecords?: number;
}

export interface JournalStats {
  /** Records journaled but not yet confirmed in the database. */
  waiting: number;
  maxRecords: number;
  segments: number;
  dir: string;
}

/** A record as JSON: dates as ISO strings, revived on replay. */
function reviveRecord(line: string): DecisionRecordInput | null {
  try {
    const value = JSON.parse(line) as DecisionRecordInput & { createdAt: string };
    if (typeof value?.id !== "string" || typeof value.createdAt !== "string") return null;
    return { ...value, createdAt: new Date(value.createdAt) };
  } catch {
    // The last line of a segment written when the process died may be torn: it was never answered.
    return null;
  }
}

export class DecisionJournal {
  private readonly segments: Segment[] = [];
  private readonly segmentOf = new Map<string, Segment>();
  private readonly segmentRecords: number;
  private sequence = 0;
  private syncTimer: ReturnType<typeof setInterval> | null = null;
  private dirty = false;
  private syncing = false;

  constructor(private readonly options: JournalOptions) {
    this.segmentRecords = options.segmentRecords ?? SEGMENT_RECORDS;
  }

  /**
   * Opens the folder and returns the records earlier processes journaled but may not have
   * written to the database; they stay tracked until `drained` confirms them.
   */
  open(): DecisionRecordInput[] {
    fs.mkdirSync(this.options.dir, { recursive: true });
    const files = fs.readdirSync(this.options.dir).filter((name) => name.endsWith(SEGMENT_SUFFIX)).sort();
    const replay: DecisionRecordInput[] = [];
    for (const name of files) {
      const file = path.join(this.options.dir, name);
      const records = fs.readFileSync(file, "utf8").split("\n").filter(Boolean).map(reviveRecord).filter((record): record is DecisionRecordInput => record !== null);
      if (records.length === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      const segment: Segment = { file, fd: null, appended: records.length, drained: 0 };
      this.segments.push(segment);
      for (const record of records) {
        // A record journaled twice (never by this code, but a copied file) is tracked once.
        if (this.segmentOf.has(record.id)) {
          segment.appended -= 1;
          continue;
        }
        this.segmentOf.set(record.id, segment);
        replay.push(record);
      }
    }
    this.syncTimer = setInterval(() => this.sync(), SYNC_INTERVAL_MS);
    this.syncTimer.unref?.();
    return replay;
  }

  /** True when the journal holds its bound of records not yet in the database. */
  get full(): boolean {
    return this.segmentOf.size >= this.options.maxRecords;
  }

  /**
   * Appends the record (one write; throws if the disk refuses, so the caller does not answer).
   * The line is the record's storable JSON, which the batch writer sends to PostgreSQL as it is.
   */
  append(record: DecisionRecordInput): void {
    const segment = this.writableSegment();
    fs.writeSync(segment.fd!, `${recordJson(record)}\n`);
    segment.appended += 1;
    this.segmentOf.set(record.id, segment);
    this.dirty = true;
  }

  /** The records are in PostgreSQL: segments whose every record is there are deleted. */
  drained(records: readonly DecisionRecordInput[]): void {
    for (const record of records) {
      const segment = this.segmentOf.get(record.id);
      if (!segment) continue;
      this.segmentOf.delete(record.id);
      segment.drained += 1;
    }
    this.removeDrainedSegments();
  }

  /**
   * A record PostgreSQL refuses for its content (it can never be written as it is): kept in
   * rejected.ndjson next to the segments, with the reason, for an operator to look at.
   */
  setAside(record: DecisionRecordInput, reason: string): void {
    fs.appendFileSync(path.join(this.options.dir, REJECTED_FILE), `${JSON.stringify({ reason, record })}\n`);
  }

  stats(): JournalStats {
    return { waiting: this.segmentOf.size, maxRecords: this.options.maxRecords, segments: this.segments.length, dir: this.options.dir };
  }

  /** Flushes to disk and closes the open segment (after the queue was flushed on shutdown). */
  close(): void {
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = null;
    // Each open segment is synced as it is closed.
    for (const segment of this.segments) this.closeSegment(segment);
    this.removeDrainedSegments();
  }

  private writableSegment(): Segment {
    const last = this.segments.at(-1);
    if (last?.fd != null && last.appended < this.segmentRecords) return last;
    if (last) this.closeSegment(last);
    // Names sort in creation order, so replay keeps the order requests were answered in.
    // A random part too: a restarted process may get the same pid (every container is pid 1).
    const name = `${Date.now().toString().padStart(15, "0")}-${String(this.sequence++).padStart(6, "0")}-${randomUUID().slice(0, 8)}${SEGMENT_SUFFIX}`;
    const file = path.join(this.options.dir, name);
    const segment: Segment = { file, fd: fs.openSync(file, "a"), appended: 0, drained: 0 };
    this.segments.push(segment);
    this.removeDrainedSegments();
    return segment;
  }

  private closeSegment(segment: Segment) {
    if (segment.fd === null) return;
    try {
      fs.fdatasyncSync(segment.fd);
    } catch {
      // Best effort: the data is in the page cache either way.
    }
    fs.closeSync(segment.fd);
    segment.fd = null;
  }

  private removeDrainedSegments() {
    for (let index = this.segments.length - 1; index >= 0; index--) {
      const segment = this.segments[index]!;
      // The open segment stays until it is full: it is still being appended to.
      if (segment.fd !== null || segment.drained < segment.appended) continue;
      fs.rmSync(segment.file, { force: true });
      this.segments.splice(index, 1);
    }
  }

  /**
   * On libuv's thread pool, not the event loop: a sync waits milliseconds for the disk, which
   * every request queued behind it would wait too. One at a time; a segment closed meanwhile was
   * synced by closeSegment itself.
   */
  private sync() {
    if (!this.dirty || this.syncing) return;
    this.dirty = false;
    const open = this.segments.at(-1);
    if (open?.fd == null) return;
    this.syncing = true;
    fs.fdatasync(open.fd, (error) => {
      this.syncing = false;
      if (error && error.code !== "EBADF") console.error("[switchyard] could not sync the decision journal to disk", error);
    });
  }
}
