import type { Database, Statement } from 'better-sqlite3';
import { retryDelay, selectBatch } from '../write-behind/batch-selection.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import { asError, parseOperation } from '../write-behind/operation-body.js';
import {
  type BatchApplier,
  type DeadLetter,
  type EnqueueOptions,
  QueueBackpressureError,
  type WriteQueue,
  type WriteQueueStats,
  type WriteQueueTuning,
} from '../write-behind/write-queue.js';
import { type DeadRowWrite, openQueueFile, QueueFileWriter, type RetryRow } from './queue-file.js';

/** Options of {@link SqliteWriteQueue}. */
export interface SqliteWriteQueueOptions extends WriteQueueTuning {
  /** The queue's own SQLite file (`:memory:` for a queue that need not survive its process). */
  readonly file: string;
  /** How often an idle worker looks for work another process added (a `dlq replay`). */
  readonly pollMs?: number;
}

interface OpRow {
  seq: number;
  op_id: string;
  key: string;
  body: string;
  enqueued_at: number;
  attempts: number;
  not_before: number;
}

interface DeadRow {
  id: number;
  op_id: string;
  key: string;
  body: string;
  error: string;
  attempts: number;
  enqueued_at: number;
  failed_at: number;
}

interface PendingEnqueue {
  readonly operations: readonly WriteOperation[];
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface SeqWaiter {
  readonly seq: number;
  readonly resolve: (settled: boolean) => void;
}


/**
 * The embedded shape's {@link WriteQueue}: a table in its own SQLite file (WAL). Enqueues are
 * group-committed (every enqueue of one event-loop turn, or of `lingerMs`, shares a transaction)
 * with `synchronous = FULL`: each resolves only after its transaction is fsynced, so neither a
 * `kill -9` nor a power loss after the ack loses it. One in-process worker applies batches in queue
 * order and then deletes what it applied; whatever it had not deleted is applied again after a
 * restart (operations are idempotent).
 */
export class SqliteWriteQueue implements WriteQueue {
  private readonly db: Database;
  private readonly writer: QueueFileWriter;
  private readonly headOps: Statement<[number], OpRow>;
  private readonly counts: Statement<[], { depth: number; oldest: number | null; first: number | null }>;
  private readonly deadCount: Statement<[], { n: number }>;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly lagBoundMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;

  private buffer: PendingEnqueue[] = [];
  private bufferedOps = 0;
  private commitTimer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | null = null;
  /** Operations this process committed, by seq, until settled: the worker need not parse them back. */
  private readonly committed = new Map<number, WriteOperation>();
  private apply: BatchApplier | null = null;
  private workerTimer: ReturnType<typeof setTimeout> | null = null;
  private working = false;
  private closed = false;
  private lastSeq = 0;
  /** Lowest seq still queued (Infinity when empty): everything below it is settled. */
  private firstSeq = Number.POSITIVE_INFINITY;
  private depth = 0;
  private oldestAt: number | null = null;
  private dead = 0;
  private seqWaiters: SeqWaiter[] = [];
  private drainWaiters: (() => void)[] = [];

  constructor(options: SqliteWriteQueueOptions) {
    this.maxBatch = options.maxBatch ?? 256;
    this.lingerMs = options.lingerMs ?? 0;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseBackoffMs = options.baseBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.lagBoundMs = options.lagBoundMs ?? 5000;
    this.pollMs = options.pollMs ?? 500;
    this.now = options.now ?? Date.now;
    this.db = openQueueFile(options.file);
    // Measured on our 2-core machine: committing on the event loop (fsync included, about 0.2 ms)
    // beat a writer thread on latency and CPU, so the writes stay on this thread.
    this.writer = new QueueFileWriter(this.db);
    this.headOps = this.db.prepare('SELECT seq, op_id, key, body, enqueued_at, attempts, not_before FROM queue_ops ORDER BY seq LIMIT ?');
    this.counts = this.db.prepare('SELECT COUNT(*) AS depth, MIN(enqueued_at) AS oldest, MIN(seq) AS first FROM queue_ops');
    this.deadCount = this.db.prepare('SELECT COUNT(*) AS n FROM dead_letters');
    this.refreshCounts();
  }

  enqueue(operations: readonly WriteOperation[], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) return Promise.reject(new Error('write queue is closed'));
    if (operations.length === 0) return Promise.resolve();
    if (options.deferrable) {
      const lag = this.stats().lagMs;
      if (lag > this.lagBoundMs) {
        return Promise.reject(new QueueBackpressureError(Math.min(10_000, Math.max(250, Math.round(lag - this.lagBoundMs))), lag));
      }
    }
    return new Promise<void>((resolve, reject) => {
      this.buffer.push({ operations, resolve, reject });
      this.bufferedOps += operations.length;
      if (this.bufferedOps >= this.maxBatch) this.commit();
      else this.scheduleCommit();
    });
  }

  start(apply: BatchApplier): void {
    if (this.apply) throw new Error('write queue already started');
    this.apply = apply;
    this.kick(0);
  }

  settled(timeoutMs: number): Promise<boolean> {
    // Only committed operations were acknowledged to anyone: buffered ones are not waited for.
    const seq = this.lastSeq;
    if (this.firstSeq > seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.seqWaiters = this.seqWaiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      const waiter: SeqWaiter = {
        seq,
        resolve: (settled) => {
          clearTimeout(timer);
          resolve(settled);
        },
      };
      this.seqWaiters.push(waiter);
    });
  }

  drain(): Promise<void> {
    this.commit();
    if (this.isEmpty()) return Promise.resolve();
    this.kick(0);
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  stats(): WriteQueueStats {
    const depth = this.depth + this.bufferedOps;
    const lagMs = this.oldestAt === null ? 0 : Math.max(0, this.now() - this.oldestAt);
    return { depth, deadLetters: this.dead, lagMs };
  }

  deadLetters(limit = 1000): Promise<readonly DeadLetter[]> {
    const rows = this.db.prepare<[number], DeadRow>('SELECT * FROM dead_letters ORDER BY id LIMIT ?').all(limit);
    return Promise.resolve(
      rows.map((r) => ({
        id: String(r.id),
        opId: r.op_id,
        key: r.key,
        body: r.body,
        error: r.error,
        attempts: r.attempts,
        enqueuedAt: r.enqueued_at,
        failedAt: r.failed_at,
      })),
    );
  }

  replayDeadLetters(ids?: readonly string[]): Promise<number> {
    return this.moveDeadLetters('replay', ids);
  }

  dropDeadLetters(ids?: readonly string[]): Promise<number> {
    return this.moveDeadLetters('drop', ids);
  }

  async close(): Promise<void> {
    this.commit();
    this.closed = true;
    if (this.workerTimer) clearTimeout(this.workerTimer);
    this.workerTimer = null;
    while (this.working) await new Promise((r) => setTimeout(r, 5));
    for (const w of this.seqWaiters.splice(0)) w.resolve(false);
    if (this.db.open) this.db.close();
  }

  private moveDeadLetters(kind: 'replay' | 'drop', ids: readonly string[] | undefined): Promise<number> {
    try {
      const count = this.writer.moveDeadLetters(kind, ids ? ids.map(Number) : null, this.now());
      this.refreshCounts();
      if (kind === 'replay') this.kick(0);
      return Promise.resolve(count);
    } catch (error) {
      return Promise.reject(asError(error));
    }
  }

  private isEmpty(): boolean {
    return this.depth === 0 && this.bufferedOps === 0;
  }

  /**
   * Group commit: with `lingerMs` 0, at the end of this event-loop turn (every enqueue made in the
   * turn shares the write); otherwise after `lingerMs`. The writer thread further merges commits
   * that reach it while it is busy.
   */
  private scheduleCommit(): void {
    if (this.commitTimer) return;
    this.commitTimer = this.lingerMs === 0 ? setImmediate(() => this.commit()) : setTimeout(() => this.commit(), this.lingerMs);
  }

  /** Writes every buffered enqueue in one transaction, then resolves them (or rejects them all). */
  private commit(): void {
    if (this.commitTimer) {
      clearTimeout(this.commitTimer as ReturnType<typeof setTimeout>);
      clearImmediate(this.commitTimer as ReturnType<typeof setImmediate>);
    }
    this.commitTimer = null;
    if (this.buffer.length === 0 || !this.db.open) return;
    const pending = this.buffer;
    const count = this.bufferedOps;
    this.buffer = [];
    this.bufferedOps = 0;
    const at = this.now();
    const ops = pending.flatMap((p) => p.operations);
    let seqs: readonly number[];
    try {
      seqs = this.writer.append(ops.map((op) => ({ opId: op.id, key: op.key, body: JSON.stringify(op), enqueuedAt: at })));
    } catch (error) {
      for (const p of pending) p.reject(asError(error));
      return;
    }
    seqs.forEach((seq, i) => {
      const op = ops[i];
      if (op) this.committed.set(seq, op);
    });
    if (this.depth === 0) this.firstSeq = seqs[0] ?? this.firstSeq;
    this.lastSeq = seqs.at(-1) ?? this.lastSeq;
    this.depth += count;
    this.oldestAt ??= at;
    for (const p of pending) p.resolve();
    this.kick(0);
  }

  private kick(delayMs: number): void {
    if (!this.apply || this.closed || this.working) return;
    if (this.workerTimer) {
      if (delayMs > 0) return;
      clearTimeout(this.workerTimer);
    }
    this.workerTimer = setTimeout(() => {
      this.workerTimer = null;
      void this.work();
    }, delayMs);
  }

  private async work(): Promise<void> {
    const apply = this.apply;
    if (!apply || this.working || this.closed) return;
    this.working = true;
    let next: number | null = this.pollMs;
    try {
      const { batch, nextDueAt } = selectBatch(this.headOps.all(this.maxBatch * 4).map((r) => ({ ...r, notBefore: r.not_before })), this.now(), this.maxBatch);
      if (batch.length > 0) {
        await this.applyBatch(apply, batch);
        next = 0;
      } else if (nextDueAt !== null) {
        next = Math.min(this.pollMs, Math.max(1, nextDueAt - this.now()));
      }
    } catch {
      // The queue file itself failed (disk full, closed): try again after a poll interval.
      next = this.pollMs;
    } finally {
      this.working = false;
    }
    this.refreshCounts();
    if (!this.closed) this.kick(next);
  }

  private async applyBatch(apply: BatchApplier, rows: readonly OpRow[]): Promise<void> {
    const poison = new Map<number, string>();
    const ops: WriteOperation[] = [];
    for (const row of rows) {
      const known = this.committed.get(row.seq);
      if (known) {
        ops.push(known);
        continue;
      }
      const parsed = parseOperation(row.body);
      if ('op' in parsed) ops.push(parsed.op);
      else poison.set(row.seq, parsed.poison);
    }
    let failed: ReadonlyMap<string, Error>;
    try {
      failed = ops.length > 0 ? (await apply(ops)).failed : new Map<string, Error>();
    } catch (error) {
      const err = asError(error);
      failed = new Map(ops.map((op) => [op.id, err]));
    }
    const at = this.now();
    const applied: number[] = [];
    const retries: RetryRow[] = [];
    const dead: DeadRowWrite[] = [];
    for (const row of rows) {
      const poisonError = poison.get(row.seq);
      const error = poisonError ?? failed.get(row.op_id)?.message;
      if (error === undefined) {
        applied.push(row.seq);
        continue;
      }
      const attempts = row.attempts + 1;
      if (poisonError !== undefined || attempts >= this.maxAttempts) {
        dead.push({ seq: row.seq, opId: row.op_id, key: row.key, body: row.body, error, attempts, enqueuedAt: row.enqueued_at, failedAt: at });
      } else {
        retries.push({ seq: row.seq, attempts, notBefore: at + retryDelay(attempts, this.baseBackoffMs, this.maxBackoffMs), error });
      }
    }
    if (!this.db.open) return;
    this.writer.settle(applied, retries, dead);
    for (const seq of applied) this.committed.delete(seq);
    for (const d of dead) this.committed.delete(d.seq);
  }

  /** Re-reads depth, lag and the dead-letter count, and wakes waiters that are now satisfied. */
  private refreshCounts(): void {
    if (!this.db.open) return;
    const c = this.counts.get();
    this.depth = c?.depth ?? 0;
    this.oldestAt = c?.oldest ?? null;
    this.firstSeq = c?.first ?? Number.POSITIVE_INFINITY;
    this.dead = this.deadCount.get()?.n ?? 0;
    const done = this.seqWaiters.filter((w) => w.seq < this.firstSeq);
    if (done.length > 0) {
      this.seqWaiters = this.seqWaiters.filter((w) => w.seq >= this.firstSeq);
      for (const w of done) w.resolve(true);
    }
    if (this.isEmpty()) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
