import { Worker } from 'node:worker_threads';
import type { WriteOperation } from '../write-behind/write-operation.js';
import {
  type BatchApplier,
  type DeadLetter,
  type EnqueueOptions,
  QueueBackpressureError,
  type WriteQueue,
  type WriteQueueStats,
  type WriteQueueTuning,
} from '../write-behind/write-queue.js';
import type { FromWriter, ToWriter, WriterConfig, WriterStats } from './writer-protocol.js';

/** Options of {@link SqliteWriteQueue}. */
export interface SqliteWriteQueueOptions extends WriteQueueTuning {
  /** The queue's own SQLite file (`:memory:` for a queue that need not survive its process). */
  readonly file: string;
  /**
   * The store file the writer thread applies batches to itself ({@link SqliteWriteQueue.startWriting}).
   * Without it, batches come back to this thread's applier ({@link SqliteWriteQueue.start}).
   */
  readonly storeFile?: string;
  /** How often an idle writer looks for work another process added (a `dlq replay`). */
  readonly pollMs?: number;
  /** How long queued operations gather before the writer writes them to the store (off the ack path). */
  readonly storeLingerMs?: number;
  /** The least time between two hand-overs of appends, each one commit (see {@link COMMIT_GAP_MS}). */
  readonly commitGapMs?: number;
  /** Hears a writer thread that failed (its waiting enqueues are refused). */
  readonly onError?: (error: Error) => void;
}

/**
 * How long queued operations gather before the writer thread writes them to the store file. Store
 * writes are off every acknowledgement's path (pending writes answer reads meanwhile), and bigger
 * batches write each B-tree page they touch once for many operations: at 1,000 hugs/s, 100 ms
 * instead of 10 ms took the writer thread from 358 to 303 µs of CPU per hug and the
 * bytes written from 57 to 45 MB/s.
 */
const STORE_LINGER_MS = 100;

/**
 * The least time between two hand-overs of appends to the writer, each one commit and one fsync
 * (group commit). An append after a quiet spell is handed over at the end of its event-loop turn;
 * under load appends gather for at most this long. At 1,000 hugs/s the writer committed 520–850
 * times a second with none (an fsync costs 190–350 µs of CPU on our VM) and 150–250 times with 3–6 ms.
 */
const COMMIT_GAP_MS = 4;

/** What {@link SqliteWriteQueue.startWriting} reports for each batch the writer thread wrote. */
export type WrittenObserver = (written: readonly WriteOperation[], failed: number, ms: number) => void;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * The writer thread. Compiled (`npm run build`, `node dist/…`), it is `writer-thread.js` beside
 * this file; from the TypeScript sources (under tsx) a boot file registers tsx in the thread first,
 * since worker threads do not inherit the main thread's loader hooks.
 */
function startWriterThread(config: WriterConfig): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./writer-thread.js', import.meta.url), { workerData: { config } });
  const boot = new URL('./writer-thread-boot.mjs', import.meta.url);
  return new Worker(boot, { workerData: { entry: new URL('./writer-thread.ts', import.meta.url).href, config } });
}

/**
 * The embedded shape's {@link WriteQueue}: a queue file (SQLite, WAL) owned by one writer on a
 * thread of its own ({@link QueueWriter}). This thread only hands operations over, one message per
 * event-loop turn (or `lingerMs`), and resolves each enqueue once the writer's transaction holding
 * it is fsynced: neither a `kill -9` nor a power loss after the ack loses it. The writer applies
 * batches in queue order, to the store file itself in production (no fsync, no checkpoint and no
 * store write ever runs on this thread) or through {@link start}'s applier here; whatever it had
 * not settled is applied again after a restart (operations are idempotent).
 */
export class SqliteWriteQueue implements WriteQueue {
  private readonly worker: Worker;
  private readonly lagBoundMs: number;
  private readonly lingerMs: number;
  private readonly commitGapMs: number;
  /** When the last append was handed over (performance.now()). */
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private readonly maxBatch: number;
  private readonly now: () => number;
  private buffer: WriteOperation[] = [];
  private bufferWaiters: Waiter[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | null = null;
  private nextId = 1;
  private readonly appends = new Map<number, Waiter[]>();
  private readonly replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private apply: BatchApplier | null = null;
  private observer: WrittenObserver | null = null;
  private started = false;
  private closed = false;
  private failure: Error | null = null;
  private counts: WriterStats = { depth: 0, oldestAt: null, dead: 0, firstSeq: 1, lastAppend: 0, commits: { queue: 0, store: 0 } };
  /** The last append handed over: figures that do not include it are not trusted to say "empty". */
  private lastAppendSent = 0;
  /** Highest queue position acknowledged to anyone. */
  private lastSeq = 0;
  private seqWaiters: { readonly seq: number; readonly resolve: (settled: boolean) => void }[] = [];
  private drainWaiters: (() => void)[] = [];
  private readonly ready: Promise<void>;

  constructor(private readonly options: SqliteWriteQueueOptions) {
    this.maxBatch = options.maxBatch ?? 256;
    this.lingerMs = options.lingerMs ?? 0;
    this.commitGapMs = options.commitGapMs ?? COMMIT_GAP_MS;
    this.lagBoundMs = options.lagBoundMs ?? 5000;
    this.now = options.now ?? Date.now;
    const config: WriterConfig = {
      queueFile: options.file,
      storeFile: options.storeFile ?? null,
      maxBatch: this.maxBatch,
      lingerMs: 0,
      storeLingerMs: options.storeLingerMs ?? STORE_LINGER_MS,
      maxAttempts: options.maxAttempts ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 100,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      pollMs: options.pollMs ?? 500,
    };
    this.worker = startWriterThread(config);
    let ready = () => undefined as void;
    this.ready = new Promise<void>((resolve) => (ready = resolve));
    this.worker.on('message', (message: FromWriter) => {
      if (message.t === 'stats') ready();
      this.onMessage(message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`the write-behind writer thread exited (code ${code})`));
    });
  }

  /** Resolves once the writer thread has read the queue file (the stats are real from then on). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  enqueue(operations: readonly WriteOperation[], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) return Promise.reject(new Error('write queue is closed'));
    if (this.failure) return Promise.reject(this.failure);
    if (operations.length === 0) return Promise.resolve();
    if (options.deferrable) {
      const lag = this.stats().lagMs;
      if (lag > this.lagBoundMs) return Promise.reject(new QueueBackpressureError(Math.min(10_000, Math.max(250, Math.round(lag - this.lagBoundMs))), lag));
    }
    return new Promise<void>((resolve, reject) => {
      this.buffer.push(...operations);
      this.bufferWaiters.push({ resolve, reject });
      if (this.buffer.length >= this.maxBatch) this.flush();
      else this.scheduleFlush();
    });
  }

  /** Batches come back to this thread, to `apply` (tests, and stores other than the writer's file). */
  start(apply: BatchApplier): void {
    if (this.started) throw new Error('write queue already started');
    if (this.options.storeFile !== undefined) throw new Error('this queue writes to its store file itself: use startWriting');
    this.started = true;
    this.apply = apply;
    this.send({ t: 'start' });
  }

  /** The writer thread writes batches to `storeFile` itself; `observer` hears each batch written. */
  startWriting(observer: WrittenObserver): void {
    if (this.started) throw new Error('write queue already started');
    if (this.options.storeFile === undefined) throw new Error('this queue has no store file: use start');
    this.started = true;
    this.observer = observer;
    this.send({ t: 'start' });
  }

  settled(timeoutMs: number): Promise<boolean> {
    // Only committed operations were acknowledged to anyone: buffered ones are not waited for.
    const seq = this.lastSeq;
    if (this.counts.firstSeq > seq) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.seqWaiters = this.seqWaiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs);
      timer.unref();
      const waiter = {
        seq,
        resolve: (settled: boolean) => {
          clearTimeout(timer);
          resolve(settled);
        },
      };
      this.seqWaiters.push(waiter);
    });
  }

  async drain(): Promise<void> {
    await this.ready;
    this.flush();
    if (this.isEmpty()) return;
    await new Promise<void>((resolve) => this.drainWaiters.push(resolve));
  }

  stats(): WriteQueueStats {
    const depth = this.counts.depth + this.buffer.length;
    const lagMs = this.counts.oldestAt === null ? 0 : Math.max(0, this.now() - this.counts.oldestAt);
    return { depth, deadLetters: this.counts.dead, lagMs };
  }

  /** Commits since the writer started, each one fsync: of the queue file, and of store batches. */
  commits(): { readonly queue: number; readonly store: number } {
    return this.counts.commits;
  }

  async deadLetters(limit = 1000): Promise<readonly DeadLetter[]> {
    return (await this.request({ t: 'dead-letters', id: this.nextId++, limit })) as DeadLetter[];
  }

  async replayDeadLetters(ids?: readonly string[]): Promise<number> {
    return (await this.request({ t: 'move-dead', id: this.nextId++, kind: 'replay', ids: ids ? ids.map(Number) : null })) as number;
  }

  async dropDeadLetters(ids?: readonly string[]): Promise<number> {
    return (await this.request({ t: 'move-dead', id: this.nextId++, kind: 'drop', ids: ids ? ids.map(Number) : null })) as number;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    if (!this.failure) await this.request({ t: 'close', id: this.nextId++ }).catch(() => undefined);
    this.closed = true;
    for (const w of this.seqWaiters.splice(0)) w.resolve(false);
    await this.worker.terminate();
  }

  private isEmpty(): boolean {
    return this.counts.depth === 0 && this.counts.lastAppend >= this.lastAppendSent && this.buffer.length === 0 && this.appends.size === 0;
  }

  /**
   * Hands the buffer over at the end of this event-loop turn (or after `lingerMs`), and no sooner
   * than `commitGapMs` after the last hand-over: each hand-over is one commit, one fsync.
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const waitMs = Math.max(this.lingerMs, this.lastSentAt + this.commitGapMs - performance.now());
    this.flushTimer = waitMs <= 0 ? setImmediate(() => this.flush()) : setTimeout(() => this.flush(), waitMs);
  }

  /** Hands everything buffered over to the writer, as one message: the writer commits it at once. */
  private flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer as ReturnType<typeof setTimeout>);
      clearImmediate(this.flushTimer as ReturnType<typeof setImmediate>);
    }
    this.flushTimer = null;
    if (this.buffer.length === 0) return;
    const id = this.nextId++;
    this.appends.set(id, this.bufferWaiters);
    const ops = this.buffer;
    this.buffer = [];
    this.bufferWaiters = [];
    this.counts = { ...this.counts, depth: this.counts.depth + ops.length, oldestAt: this.counts.oldestAt ?? this.now() };
    this.lastAppendSent = id;
    this.lastSentAt = performance.now();
    this.send({ t: 'append', id, ops });
  }

  private onMessage(message: FromWriter): void {
    switch (message.t) {
      case 'appended':
        this.lastSeq = Math.max(this.lastSeq, message.lastSeq);
        this.counts = message.stats;
        for (const w of this.takeAppends(message.ids)) w.resolve();
        this.wake();
        return;
      case 'append-failed': {
        const error = new Error(`the write queue could not commit: ${message.error}`);
        for (const w of this.takeAppends(message.ids)) w.reject(error);
        this.wake();
        return;
      }
      case 'apply':
        void this.applyHere(message.batch, message.ops);
        return;
      case 'written':
        this.observer?.(message.ops, message.failed, message.ms);
        return;
      case 'stats':
        this.counts = message.stats;
        this.wake();
        return;
      case 'reply': {
        const waiter = this.replies.get(message.id);
        this.replies.delete(message.id);
        if (message.error !== null) waiter?.reject(new Error(message.error));
        else waiter?.resolve(message.value);
        return;
      }
    }
  }

  private takeAppends(ids: readonly number[]): Waiter[] {
    return ids.flatMap((id) => {
      const waiters = this.appends.get(id) ?? [];
      this.appends.delete(id);
      return waiters;
    });
  }

  private async applyHere(batch: number, ops: readonly WriteOperation[]): Promise<void> {
    const apply = this.apply;
    try {
      if (!apply) throw new Error('no applier');
      const outcome = await apply(ops);
      this.send({ t: 'applied', batch, failed: [...outcome.failed].map(([id, error]) => [id, error.message] as const), error: null });
    } catch (error) {
      this.send({ t: 'applied', batch, failed: [], error: error instanceof Error ? error.message : String(error) });
    }
  }

  private wake(): void {
    const done = this.seqWaiters.filter((w) => w.seq < this.counts.firstSeq);
    if (done.length > 0) {
      this.seqWaiters = this.seqWaiters.filter((w) => w.seq >= this.counts.firstSeq);
      for (const w of done) w.resolve(true);
    }
    if (this.isEmpty()) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  private request(message: ToWriter & { id: number }): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.replies.set(message.id, { resolve, reject });
      this.send(message);
    });
  }

  private send(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private fail(error: Error): void {
    this.failure = error;
    this.options.onError?.(error);
    for (const waiters of this.appends.values()) for (const w of waiters) w.reject(error);
    this.appends.clear();
    for (const w of this.bufferWaiters.splice(0)) w.reject(error);
    this.buffer = [];
    for (const r of this.replies.values()) r.reject(error);
    this.replies.clear();
  }
}
