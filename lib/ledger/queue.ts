// The write-behind queue: requests hand over their decision record and move on; records are
// written in batches a few times a second. Nothing is dropped: a failed write is retried with
// back-off, and when the queue is full (the database has been down for a while) enqueue
// returns a promise that resolves once there is room, so callers slow down instead of losing
// records or exhausting memory.
import type { DecisionRecordInput } from "./record";

export type BatchWriter = (records: DecisionRecordInput[]) => Promise<void>;

export interface QueueOptions {
  /** Records per write. */
  maxBatch?: number;
  /** How long a record may wait for companions before a write starts. */
  flushIntervalMs?: number;
  /** Records held in memory before enqueue starts to wait. */
  capacity?: number;
  /** Called when a write fails (it will be retried). */
  onWriteError?: (error: unknown, attempt: number) => void;
  /** Called after each successful write. */
  onWritten?: (records: DecisionRecordInput[]) => void;
}

export interface QueueStats {
  pending: number;
  written: number;
  batches: number;
  failedWrites: number;
}

export class WriteBehindQueue {
  private readonly write: BatchWriter;
  private readonly maxBatch: number;
  private readonly flushIntervalMs: number;
  private readonly capacity: number;
  private readonly options: QueueOptions;
  private pending: DecisionRecordInput[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private waitingForRoom: Array<() => void> = [];
  private failures = 0;
  private closed = false;
  readonly stats: QueueStats = { pending: 0, written: 0, batches: 0, failedWrites: 0 };

  constructor(write: BatchWriter, options: QueueOptions = {}) {
    this.write = write;
    this.options = options;
    this.maxBatch = options.maxBatch ?? 500;
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
    this.capacity = options.capacity ?? 50_000;
  }

  /** Accepts a record. Returns a promise only when the queue is full and the caller should wait. */
  enqueue(record: DecisionRecordInput): Promise<void> | undefined {
    this.pending.push(record);
    this.stats.pending = this.pending.length;
    if (this.pending.length >= this.maxBatch) this.kick(0);
    else this.kick(this.flushIntervalMs);
    if (this.pending.length < this.capacity) return undefined;
    return new Promise((resolve) => this.waitingForRoom.push(resolve));
  }

  /** Writes everything pending now (used on shutdown and by tests). Retries until it succeeds or `deadline` passes. */
  async flush(deadlineMs = 30_000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    while ((this.pending.length > 0 || this.writing) && Date.now() < deadline) {
      if (this.writing) await this.writing;
      else await this.writeNext();
      if (this.failures > 0 && this.pending.length > 0) await sleep(Math.min(1_000, deadline - Date.now()));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private kick(delayMs: number) {
    if (this.closed || this.writing) return;
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNext();
    }, delayMs);
    // A pending flush must not keep a finished process (a CLI, a test) alive.
    this.timer.unref?.();
  }

  private writeNext(): Promise<void> {
    if (this.writing || this.pending.length === 0) return this.writing ?? Promise.resolve();
    const batch = this.pending.slice(0, this.maxBatch);
    this.writing = this.write(batch)
      .then(() => {
        this.pending.splice(0, batch.length);
        this.failures = 0;
        this.stats.written += batch.length;
        this.stats.batches += 1;
        this.options.onWritten?.(batch);
        this.releaseWaiters();
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.stats.failedWrites += 1;
        this.options.onWriteError?.(error, this.failures);
      })
      .finally(() => {
        this.writing = null;
        this.stats.pending = this.pending.length;
        if (this.pending.length > 0 && !this.closed) {
          // Back off after failures (100 ms, 200 ms, … up to 5 s); otherwise keep draining.
          const backoff = this.failures > 0 ? Math.min(5_000, 100 * 2 ** (this.failures - 1)) : this.pending.length >= this.maxBatch ? 0 : this.flushIntervalMs;
          this.kick(backoff);
        }
      });
    return this.writing;
  }

  private releaseWaiters() {
    while (this.waitingForRoom.length > 0 && this.pending.length < this.capacity) this.waitingForRoom.shift()!();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
