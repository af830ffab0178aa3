import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { retryDelay, selectBatch } from '../write-behind/batch-selection.js';
import { type WriteOperation, writeOperationSchema } from '../write-behind/write-operation.js';
import {
  type BatchApplier,
  type DeadLetter,
  type EnqueueOptions,
  QueueBackpressureError,
  type WriteQueue,
  type WriteQueueStats,
} from '../write-behind/write-queue.js';
import { QUEUE_MIGRATIONS } from './queue-migrations.js';
import { migrate } from './sqlite-migrator.js';

/** Options of {@link SqliteWriteQueue}. */
export interface SqliteWriteQueueOptions {
  /** The queue's own SQLite file (`:memory:` for a queue that need not survive its process). */
  readonly file: string;
  /** Most operations per store batch. */
  readonly maxBatch?: number;
  /** Group commit: how long the first enqueue waits for others to share its disk write. */
  readonly lingerMs?: number;
  readonly maxAttempts?: number;
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Past this lag, deferrable enqueues are refused (backpressure). */
  readonly lagBoundMs?: number;
  /** How often an idle worker looks for work another process added (a `dlq replay`). */
  readonly pollMs?: number;
  readonly now?: () => number;
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

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** Reads a queued body back; a body that is not a valid operation is poison. */
function parseOperation(body: string): { op: WriteOperation } | { poison: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { poison: `malformed operation: ${asError(error).message}` };
  }
  const parsed = writeOperationSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { poison: `malformed operation: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}` };
  }
  return { op: parsed.data };
}

/**
 * The embedded shape's {@link WriteQueue}: a table in its own SQLite file (WAL, `synchronous =
 * FULL`). Enqueues are group-committed: those arriving within `lingerMs` share one transaction,
 * and each resolves only after that transaction is on disk, so a `kill -9` after the ack loses
 * nothing. One in-process worker applies batches in queue order and deletes what it applied;
 * whatever it had not deleted is applied again after a restart (operations are idempotent).
 */
export class SqliteWriteQueue implements WriteQueue {
  private readonly db: Database;
  private readonly insertOp: Statement;
  private readonly headOps: Statement<[number], OpRow>;
  private readonly deleteOp: Statement<[number]>;
  private readonly retryOp: Statement<[number, number, string, number]>;
  private readonly insertDead: Statement;
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
  private commitTimer: ReturnType<typeof setTimeout> | null = null;
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
    this.lingerMs = options.lingerMs ?? 2;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseBackoffMs = options.baseBackoffMs ?? 100;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.lagBoundMs = options.lagBoundMs ?? 5000;
    this.pollMs = options.pollMs ?? 500;
    this.now = options.now ?? Date.now;
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new BetterSqlite3(options.file);
    try {
      this.db.pragma('journal_mode = WAL');
      // FULL: a commit is fsynced before the enqueue resolves, so acks survive even a power loss.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db, QUEUE_MIGRATIONS);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.insertOp = this.db.prepare('INSERT INTO queue_ops (op_id, key, body, enqueued_at) VALUES (?, ?, ?, ?)');
    this.headOps = this.db.prepare('SELECT seq, op_id, key, body, enqueued_at, attempts, not_before FROM queue_ops ORDER BY seq LIMIT ?');
    this.deleteOp = this.db.prepare('DELETE FROM queue_ops WHERE seq = ?');
    this.retryOp = this.db.prepare('UPDATE queue_ops SET attempts = ?, not_before = ?, last_error = ? WHERE seq = ?');
    this.insertDead = this.db.prepare(
      'INSERT INTO dead_letters (op_id, key, body, error, attempts, enqueued_at, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
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
      else this.commitTimer ??= setTimeout(() => this.commit(), this.lingerMs);
    });
  }

  start(apply: BatchApplier): void {
    if (this.apply) throw new Error('write queue already started');
    this.apply = apply;
    this.kick(0);
  }

  settled(timeoutMs: number): Promise<boolean> {
    this.commit();
    const seq = this.lastSeq;
    if (this.firstSeq > seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: SeqWaiter = { seq, resolve };
      this.seqWaiters.push(waiter);
      setTimeout(() => {
        this.seqWaiters = this.seqWaiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
    });
  }

  drain(): Promise<void> {
    this.commit();
    if (this.depth === 0) return Promise.resolve();
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
    const move = this.db.transaction(() => {
      const rows = this.selectDead(ids);
      const at = this.now();
      for (const r of rows) {
        this.insertOp.run(r.op_id, r.key, r.body, at);
        this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(r.id);
      }
      return rows.length;
    });
    const n = move.immediate();
    this.refreshCounts();
    this.kick(0);
    return Promise.resolve(n);
  }

  dropDeadLetters(ids?: readonly string[]): Promise<number> {
    const drop = this.db.transaction(() => {
      const rows = this.selectDead(ids);
      for (const r of rows) this.db.prepare('DELETE FROM dead_letters WHERE id = ?').run(r.id);
      return rows.length;
    });
    const n = drop.immediate();
    this.refreshCounts();
    return Promise.resolve(n);
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

  private selectDead(ids: readonly string[] | undefined): DeadRow[] {
    if (ids === undefined) return this.db.prepare<[], DeadRow>('SELECT * FROM dead_letters ORDER BY id').all();
    const byId = this.db.prepare<[number], DeadRow>('SELECT * FROM dead_letters WHERE id = ?');
    return ids.map((id) => byId.get(Number(id))).filter((r): r is DeadRow => r !== undefined);
  }

  /** Writes every buffered enqueue in one transaction, then resolves them (or rejects them all). */
  private commit(): void {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = null;
    if (this.buffer.length === 0 || !this.db.open) return;
    const pending = this.buffer;
    this.buffer = [];
    this.bufferedOps = 0;
    const at = this.now();
    try {
      const write = this.db.transaction(() => {
        let last = 0;
        for (const p of pending) {
          for (const op of p.operations) last = Number(this.insertOp.run(op.id, op.key, JSON.stringify(op), at).lastInsertRowid);
        }
        return last;
      });
      const last = write.immediate();
      const count = pending.reduce((n, p) => n + p.operations.length, 0);
      if (this.depth === 0) this.firstSeq = last - count + 1;
      this.lastSeq = last;
      this.depth += count;
      this.oldestAt ??= at;
    } catch (error) {
      for (const p of pending) p.reject(asError(error));
      return;
    }
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
    if (!this.db.open) return;
    const at = this.now();
    const settle = this.db.transaction(() => {
      for (const row of rows) {
        const poisonError = poison.get(row.seq);
        const error = poisonError ?? failed.get(row.op_id)?.message;
        if (error === undefined) {
          this.deleteOp.run(row.seq);
          continue;
        }
        const attempts = row.attempts + 1;
        if (poisonError !== undefined || attempts >= this.maxAttempts) {
          this.insertDead.run(row.op_id, row.key, row.body, error, attempts, row.enqueued_at, at);
          this.deleteOp.run(row.seq);
        } else {
          this.retryOp.run(attempts, at + retryDelay(attempts, this.baseBackoffMs, this.maxBackoffMs), error, row.seq);
        }
      }
    });
    settle.immediate();
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
    if (this.depth === 0 && this.bufferedOps === 0) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}
