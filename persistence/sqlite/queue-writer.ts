import type { Database } from 'better-sqlite3';
import { retryDelay, selectBatch } from '../write-behind/batch-selection.js';
import { asError, parseOperation } from '../write-behind/operation-body.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchOutcome, DeadLetter } from '../write-behind/write-queue.js';
import { type DeadRowWrite, openQueueFile, QueueFileWriter, type RetryRow } from './queue-file.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import type { FromWriter, WriterConfig, WriterStats } from './writer-protocol.js';

/** A queued operation as the writer holds it: read once (at start) or handed over, never re-read. */
interface Item {
  readonly seq: number;
  /** Null when the stored body is not a valid operation (it is dead-lettered at once). */
  readonly op: WriteOperation | null;
  readonly body: string;
  readonly opId: string;
  readonly key: string;
  readonly enqueuedAt: number;
  readonly poison: string | null;
  attempts: number;
  notBefore: number;
}

interface Settles {
  applied: number[];
  retries: RetryRow[];
  dead: DeadRowWrite[];
}

/** Applies a batch somewhere other than this thread's own store (the main thread, in tests). */
export type RemoteApply = (ops: readonly WriteOperation[]) => Promise<BatchOutcome>;

/**
 * The one writer of the embedded shape, on its own thread: it owns the queue file and (when given)
 * the store file. Each cycle commits what was handed over since the last one together with the
 * outcome of the last batch, in one transaction with `synchronous = FULL` (one fsync), and only
 * then lets those appends be acknowledged; then it writes the next batch to the store straight
 * from the operations it holds (the queue is read from disk only at start) and the store's own
 * checkpoints run here too. So the request loop never waits on the disk.
 */
export class QueueWriter {
  private readonly db: Database;
  private readonly file: QueueFileWriter;
  private readonly store: SqliteStore | null;
  private readonly deadCount: () => number;
  private readonly queuedCount: () => number;
  private items: Item[] = [];
  private incoming: { readonly id: number; readonly ops: readonly WriteOperation[] }[] = [];
  private settles: Settles = { applied: [], retries: [], dead: [] };
  private started = false;
  private cycling = false;
  private closed = false;
  private timer: { readonly cancel: () => void; readonly delayMs: number } | null = null;
  private lastSeq = 0;
  private lastStoreWrite = 0;
  private readonly commits = { queue: 0, store: 0 };
  /** The last append handed over (its id). */
  private lastAppend = 0;

  constructor(
    private readonly config: WriterConfig,
    private readonly post: (message: FromWriter) => void,
    private readonly remote: RemoteApply | null,
  ) {
    this.db = openQueueFile(config.queueFile);
    this.file = new QueueFileWriter(this.db);
    // The store's commits are fsynced too: a batch in the store leaves the queue file at the next commit.
    this.store = config.storeFile === null ? null : openSqliteStore({ file: config.storeFile, fsyncEveryCommit: true });
    const count = this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM dead_letters');
    this.deadCount = () => count.get()?.n ?? 0;
    const queuedCount = this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM queue_ops');
    this.queuedCount = () => queuedCount.get()?.n ?? 0;
    this.reload();
    this.post({ t: 'stats', stats: this.stats() });
  }

  append(id: number, ops: readonly WriteOperation[]): void {
    this.incoming.push({ id, ops });
    this.lastAppend = Math.max(this.lastAppend, id);
    this.schedule(this.config.lingerMs);
  }

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  deadLetters(limit: number): DeadLetter[] {
    return this.file.deadLetters(limit);
  }

  /** Moves dead letters back into the queue (`replay`) or deletes them (`drop`); returns how many. */
  moveDead(kind: 'replay' | 'drop', ids: readonly number[] | null): number {
    const moved = this.file.moveDeadLetters(kind, ids, Date.now());
    if (kind === 'replay') this.reload();
    this.post({ t: 'stats', stats: this.stats() });
    this.schedule(0);
    return moved;
  }

  /** Commits what is handed over, writes nothing more, and closes both files. */
  async close(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    while (this.cycling) await new Promise((resolve) => setTimeout(resolve, 2));
    this.commit();
    this.db.close();
    await this.store?.close();
  }

  /** Runs a cycle after `delayMs` (0: right after the messages now waiting, without a timer's 1 ms floor). */
  private schedule(delayMs: number): void {
    if (this.closed || this.cycling) return;
    if (this.timer) {
      if (delayMs >= this.timer.delayMs) return;
      this.timer.cancel();
    }
    const run = () => {
      this.timer = null;
      void this.cycle();
    };
    if (delayMs <= 0) {
      const handle = setImmediate(run);
      this.timer = { cancel: () => clearImmediate(handle), delayMs: 0 };
    } else {
      const handle = setTimeout(run, delayMs);
      this.timer = { cancel: () => clearTimeout(handle), delayMs };
    }
  }

  private async cycle(): Promise<void> {
    this.cycling = true;
    let nextDue: number | null = null;
    try {
      // Work another process put in the file (`npm run dlq -- replay`) is picked up when idle:
      // with nothing handed over or unsettled, the file holds exactly what this writer holds.
      if (this.incoming.length === 0 && this.settleCount() === 0 && this.queuedCount() !== this.items.length) this.reload();
      for (;;) {
        // A batch's outcome is committed with the appends that came meanwhile (or alone), and only
        // committed figures are reported: "empty" is never said before the outcome is on disk.
        if (!this.commit()) this.post({ t: 'stats', stats: this.stats() });
        if (!this.started || this.closed) break;
        if (this.incoming.length > 0) continue;
        const now = Date.now();
        const waitMs = this.lastStoreWrite + this.config.storeLingerMs - now;
        if (waitMs > 0 && this.items.length < this.config.maxBatch) {
          nextDue = this.items.length > 0 ? now + waitMs : null;
          break;
        }
        const picked = selectBatch(this.items, now, this.config.maxBatch);
        nextDue = picked.nextDueAt;
        if (picked.batch.length === 0) break;
        this.lastStoreWrite = now;
        await this.write(picked.batch);
      }
    } finally {
      this.cycling = false;
    }
    if (this.incoming.length > 0) this.schedule(0);
    else if (nextDue !== null) this.schedule(Math.max(1, nextDue - Date.now()));
    else if (this.started) this.schedule(this.config.pollMs);
  }

  private settleCount(): number {
    return this.settles.applied.length + this.settles.retries.length + this.settles.dead.length;
  }

  /**
   * One transaction, one fsync: the handed-over operations and the outcome of the last batch.
   * Returns whether it reported appends (`appended` carries the figures after the commit).
   */
  private commit(): boolean {
    const incoming = this.incoming;
    const settles = this.settles;
    if (incoming.length === 0 && settles.applied.length + settles.retries.length + settles.dead.length === 0) return false;
    this.incoming = [];
    this.settles = { applied: [], retries: [], dead: [] };
    const at = Date.now();
    const ops = incoming.flatMap((i) => i.ops);
    const bodies = ops.map((op) => JSON.stringify(op));
    let seqs: number[];
    try {
      seqs = this.file.commit(
        ops.map((op, i) => ({ opId: op.id, key: op.key, body: bodies[i] ?? '', enqueuedAt: at })),
        settles,
      );
    } catch (error) {
      if (incoming.length > 0) this.post({ t: 'append-failed', ids: incoming.map((i) => i.id), error: asError(error).message });
      // The outcome is kept for the next try; the refused appends were never acknowledged.
      this.settles = settles;
      return false;
    }
    this.commits.queue += 1;
    ops.forEach((op, i) => {
      const seq = seqs[i] ?? 0;
      this.items.push({ seq, op, body: bodies[i] ?? '', opId: op.id, key: op.key, enqueuedAt: at, poison: null, attempts: 0, notBefore: 0 });
    });
    this.lastSeq = seqs.at(-1) ?? this.lastSeq;
    if (incoming.length === 0) return false;
    this.post({ t: 'appended', ids: incoming.map((i) => i.id), lastSeq: this.lastSeq, stats: this.stats() });
    return true;
  }

  /** Writes one batch to the store and records its outcome for the next commit. */
  private async write(batch: readonly Item[]): Promise<void> {
    const ops = batch.flatMap((item) => (item.op ? [item.op] : []));
    const started = performance.now();
    let failed: ReadonlyMap<string, Error>;
    try {
      failed = ops.length === 0 ? new Map<string, Error>() : (await this.applyBatch(ops)).failed;
      if (ops.length > 0 && this.store) this.commits.store += 1;
    } catch (error) {
      const err = asError(error);
      failed = new Map(ops.map((op) => [op.id, err]));
    }
    const at = Date.now();
    const done = new Set<number>();
    for (const item of batch) {
      const error = item.poison ?? (item.op ? failed.get(item.op.id)?.message : undefined);
      if (error === undefined) {
        this.settles.applied.push(item.seq);
        done.add(item.seq);
        continue;
      }
      item.attempts += 1;
      if (item.poison !== null || item.attempts >= this.config.maxAttempts) {
        this.settles.dead.push({ seq: item.seq, opId: item.opId, key: item.key, body: item.body, error, attempts: item.attempts, enqueuedAt: item.enqueuedAt, failedAt: at });
        done.add(item.seq);
      } else {
        item.notBefore = at + retryDelay(item.attempts, this.config.baseBackoffMs, this.config.maxBackoffMs);
        this.settles.retries.push({ seq: item.seq, attempts: item.attempts, notBefore: item.notBefore, error });
      }
    }
    this.items = this.items.filter((item) => !done.has(item.seq));
    if (this.store) this.post({ t: 'written', ops: ops.filter((op) => !failed.has(op.id)), failed: failed.size, ms: performance.now() - started });
  }

  private applyBatch(ops: readonly WriteOperation[]): Promise<BatchOutcome> {
    if (this.store) return this.store.applyWrites(ops);
    if (!this.remote) throw new Error('the writer has neither a store nor a main-thread applier');
    return this.remote(ops);
  }

  /** Reads the whole queue back (at start, and after a replay put dead letters back into it). */
  private reload(): void {
    const known = new Map(this.items.map((item) => [item.seq, item]));
    this.items = this.file.queued().map((row) => {
      const held = known.get(row.seq);
      if (held) return held;
      const parsed = parseOperation(row.body);
      return {
        seq: row.seq,
        op: 'op' in parsed ? parsed.op : null,
        body: row.body,
        opId: row.op_id,
        key: row.key,
        enqueuedAt: row.enqueued_at,
        poison: 'op' in parsed ? null : parsed.poison,
        attempts: row.attempts,
        notBefore: row.not_before,
      };
    });
    this.lastSeq = Math.max(this.lastSeq, this.items.at(-1)?.seq ?? 0);
  }

  private stats(): WriterStats {
    const oldest = this.items.reduce<number | null>((min, item) => (min === null || item.enqueuedAt < min ? item.enqueuedAt : min), null);
    const waiting = this.incoming.reduce((n, i) => n + i.ops.length, 0);
    return {
      depth: this.items.length + waiting,
      oldestAt: oldest,
      dead: this.deadCount(),
      firstSeq: this.items[0]?.seq ?? this.lastSeq + 1,
      lastAppend: this.lastAppend,
      commits: { ...this.commits },
    };
  }
}
