import { randomUUID } from 'node:crypto';
import { type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectRedis } from '../redis/redis-connection.js';
import { type WriteOperation } from '../write-behind/write-operation.js';
import {
  type BatchApplier,
  type DeadLetter,
  type EnqueueOptions,
  QueueBackpressureError,
  type WriteQueue,
  type WriteQueueStats,
  type WriteQueueTuning,
} from '../write-behind/write-queue.js';
import { type JobBatchData, runJobBatch } from './job-batch.js';
import { partitionOf } from './partition.js';
import { type LedgerJob, QueueLedger } from './queue-ledger.js';
import { RedisDeadLetters } from './redis-dead-letters.js';

/** Options of {@link BullMqWriteQueue}. */
export interface BullMqWriteQueueOptions extends WriteQueueTuning {
  readonly url: string;
  /** Names this queue's keys: BullMQ's `{prefix}:{name}-{partition}:*` and the ledger's `{prefix}:{name}:*`. */
  readonly prefix?: string;
  readonly name?: string;
  /** Independent FIFO partitions (keys are hashed onto them); each runs one job at a time cluster-wide. */
  readonly partitions?: number;
  /** How often depth, lag and dead letters are re-read from Redis. */
  readonly statsPollMs?: number;
  /** A worker that stops renewing its lock for this long is presumed dead; its job runs again. */
  readonly lockDurationMs?: number;
  /** Names this process's connections in `CLIENT LIST`. */
  readonly clientName?: string;
  /** Hears errors that no caller sees (a worker's connection, the stats poll). */
  readonly onError?: (error: Error, where: string) => void;
}

interface Buffered {
  readonly body: string;
  readonly done: { resolve: () => void; reject: (error: Error) => void };
}

const JOB = 'batch';
/** A ledger entry this old whose job BullMQ does not know was never added (a crash between the two): drop it. */
const ORPHAN_AFTER_MS = 30_000;

/**
 * {@link WriteQueue} on BullMQ: the cluster's write-behind queue.
 *
 * - Producers micro-batch operations into one job per partition (a key always hashes to the same
 *   partition); `enqueue` resolves once the job is in Redis (durable as Redis is: AOF everysec).
 * - Each partition is a BullMQ queue with a global concurrency of 1, so its jobs run one at a time,
 *   in order, on whichever worker takes them. Failed operations are retried inside the job
 *   ({@link runJobBatch}), holding back the partition, so per-key order holds across workers.
 * - A worker killed mid-job stops renewing its lock; BullMQ moves the job back to the head of its
 *   partition and another worker runs it again. Apply is idempotent, so that is harmless.
 * - Depth and lag come from a ledger beside BullMQ's keys ({@link QueueLedger}); dead letters live
 *   in Redis ({@link RedisDeadLetters}).
 */
export class BullMqWriteQueue implements WriteQueue {
  private readonly base: string;
  private readonly prefix: string;
  private readonly queueNames: readonly string[];
  private readonly queues: Queue[];
  private readonly workers: Worker[] = [];
  private readonly buffers: Buffered[][];
  private readonly flushing: Promise<void>[];
  private readonly scheduled: boolean[];
  /** An add of partition p is in flight. */
  private readonly adding: boolean[];
  private readonly ledger: QueueLedger;
  private readonly dead: RedisDeadLetters;
  /** Jobs this process added that may not be finished yet (read-your-writes through `settled`). */
  private readonly mine = new Map<string, LedgerJob>();
  private readonly now: () => number;
  private readonly o: Required<Omit<BullMqWriteQueueOptions, 'url' | 'onError' | 'now' | 'clientName'>>;
  private workerRedis: Redis | null = null;
  private cached: { depth: number; oldestAt: number | null; deadLetters: number } = { depth: 0, oldestAt: null, deadLetters: 0 };
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  private closing = false;
  /** Jobs this process's workers are on: each settles when its job is finished or abandoned. */
  private readonly active = new Map<string, Promise<void>>();

  private constructor(
    private readonly redis: Redis,
    private readonly options: BullMqWriteQueueOptions,
  ) {
    this.o = {
      prefix: options.prefix ?? 'hm',
      name: options.name ?? 'writes',
      partitions: options.partitions ?? 4,
      maxBatch: options.maxBatch ?? 256,
      lingerMs: options.lingerMs ?? 0,
      maxAttempts: options.maxAttempts ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 100,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      lagBoundMs: options.lagBoundMs ?? 5000,
      statsPollMs: options.statsPollMs ?? 250,
      lockDurationMs: options.lockDurationMs ?? 5000,
    };
    this.now = options.now ?? Date.now;
    this.prefix = this.o.prefix;
    this.base = `${this.o.prefix}:${this.o.name}`;
    this.queueNames = Array.from({ length: this.o.partitions }, (_, i) => `${this.o.name}-${i}`);
    this.queues = this.queueNames.map((name) => new Queue(name, { connection: redis, prefix: this.prefix }));
    for (const q of this.queues) q.on('error', (error) => this.options.onError?.(error, 'queue'));
    this.buffers = this.queueNames.map(() => []);
    this.flushing = this.queueNames.map(() => Promise.resolve());
    this.scheduled = this.queueNames.map(() => false);
    this.adding = this.queueNames.map(() => false);
    this.ledger = new QueueLedger(redis, this.base);
    this.dead = new RedisDeadLetters(redis, this.base);
  }

  /** Connects, sets each partition's global concurrency to 1, and reads the current stats. */
  static async open(options: BullMqWriteQueueOptions): Promise<BullMqWriteQueue> {
    const redis = await connectRedis(options.url, {
      name: `${options.clientName ?? 'hugmood'}:queue`,
      onError: (error) => options.onError?.(error, 'connection'),
    });
    const queue = new BullMqWriteQueue(redis, options);
    await Promise.all(queue.queues.map((q) => q.setGlobalConcurrency(1)));
    await queue.refreshStats();
    queue.statsTimer = setInterval(() => void queue.refreshStats().catch((error: unknown) => queue.report(error, 'stats')), queue.o.statsPollMs);
    queue.statsTimer.unref();
    return queue;
  }

  async enqueue(operations: readonly WriteOperation[], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the write queue is closed');
    if (operations.length === 0) return;
    if (options.deferrable) {
      const lagMs = this.lagMs();
      if (lagMs > this.o.lagBoundMs) throw new QueueBackpressureError(Math.min(5000, Math.max(100, Math.round(lagMs - this.o.lagBoundMs))), lagMs);
    }
    const waits: Promise<void>[] = [];
    for (const op of operations) {
      const p = partitionOf(op.key, this.o.partitions);
      waits.push(
        new Promise<void>((resolve, reject) => {
          this.buffers[p]?.push({ body: JSON.stringify(op), done: { resolve, reject } });
        }),
      );
      this.schedule(p);
    }
    await Promise.all(waits);
  }

  start(apply: BatchApplier): void {
    if (this.workers.length > 0) throw new Error('the write queue is already started');
    void this.startWorkers(apply).catch((error: unknown) => this.report(error, 'worker start'));
  }

  async settled(timeoutMs: number): Promise<boolean> {
    const deadline = this.now() + timeoutMs;
    await this.flushed();
    let waiting = [...this.mine.values()];
    while (waiting.length > 0) {
      const unfinished = await this.ledger.unfinished(waiting);
      const left = new Set(unfinished.map((j) => j.id));
      for (const job of waiting) if (!left.has(job.id)) this.mine.delete(job.id);
      waiting = unfinished;
      if (waiting.length === 0) break;
      if (this.now() >= deadline) return false;
      await sleep(10);
    }
    return true;
  }

  async drain(): Promise<void> {
    await this.flushed();
    for (;;) {
      await this.refreshStats();
      if (this.cached.oldestAt === null) return;
      await sleep(20);
    }
  }

  stats(): WriteQueueStats {
    return { depth: this.cached.depth, deadLetters: this.cached.deadLetters, lagMs: this.lagMs() };
  }

  deadLetters(limit?: number): Promise<readonly DeadLetter[]> {
    return this.dead.list(limit);
  }

  async replayDeadLetters(ids?: readonly string[]): Promise<number> {
    const letters = await this.dead.take(ids);
    // Bodies go back as they were: a still-malformed one is dead-lettered again.
    const byPartition = new Map<number, string[]>();
    for (const letter of letters) {
      const p = partitionOf(letter.key, this.o.partitions);
      byPartition.set(p, [...(byPartition.get(p) ?? []), letter.body]);
    }
    await Promise.all([...byPartition].map(([p, bodies]) => this.addJob(p, bodies)));
    await this.refreshStats();
    return letters.length;
  }

  async dropDeadLetters(ids?: readonly string[]): Promise<number> {
    const taken = await this.dead.take(ids);
    await this.refreshStats();
    return taken.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    await this.flushed();
    this.closed = true;
    if (this.statsTimer) clearInterval(this.statsTimer);
    // Jobs being written (milliseconds each) finish first; a job waiting to retry is abandoned at
    // its next attempt: its lock lapses and another worker runs it again, in order.
    await Promise.race([Promise.all(this.active.values()), sleep(5000)]);
    await Promise.all(this.workers.map((w) => w.close(true)));
    await Promise.all(this.queues.map((q) => q.close()));
    await this.workerRedis?.quit().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }

  private lagMs(): number {
    return this.cached.oldestAt === null ? 0 : Math.max(0, this.now() - this.cached.oldestAt);
  }

  private schedule(p: number): void {
    const buffer = this.buffers[p] ?? [];
    if (buffer.length >= this.o.maxBatch) {
      this.flush(p);
      return;
    }
    if (this.scheduled[p]) return;
    this.scheduled[p] = true;
    const run = () => {
      this.scheduled[p] = false;
      this.flush(p);
    };
    if (this.o.lingerMs > 0) setTimeout(run, this.o.lingerMs);
    else setImmediate(run);
  }

  /**
   * Adds the partition's buffer as one job, unless an add of this partition is in flight: then the
   * buffer keeps filling and is scheduled again when that add returns. Jobs of one partition are
   * added strictly in order, one at a time.
   */
  private flush(p: number): void {
    const buffer = this.buffers[p];
    if (!buffer || buffer.length === 0 || this.adding[p]) return;
    this.adding[p] = true;
    const batch = buffer.splice(0, this.o.maxBatch);
    this.flushing[p] = this.addJob(
      p,
      batch.map((b) => b.body),
    ).then(
      () => {
        for (const b of batch) b.done.resolve();
      },
      (error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        for (const b of batch) b.done.reject(err);
      },
    ).finally(() => {
      this.adding[p] = false;
      // What came in meanwhile waits for its own linger (a timer may already be armed).
      if ((this.buffers[p]?.length ?? 0) > 0) this.schedule(p);
    });
  }

  /** Resolves once nothing buffered or being added remains. */
  private async flushed(): Promise<void> {
    while (this.adding.some(Boolean) || this.buffers.some((b) => b.length > 0)) await this.flushed();
  }

  private async addJob(p: number, bodies: readonly string[]): Promise<void> {
    const queue = this.queues[p];
    if (!queue || bodies.length === 0) return;
    const jobId = randomUUID();
    const job: LedgerJob = { id: jobId, size: bodies.length };
    const enqueuedAt = this.now();
    await this.ledger.enter(job, enqueuedAt);
    const data: JobBatchData = { ops: bodies, enqueuedAt };
    try {
      await queue.add(JOB, data, {
        jobId,
        removeOnComplete: true,
        removeOnFail: false,
        // The processor throws only when Redis fails after the store write; then the job runs again.
        attempts: 1000,
        backoff: { type: 'exponential', delay: 200 },
      });
    } catch (error) {
      await this.ledger.settle(job).catch(() => undefined);
      throw error;
    }
    this.mine.set(jobId, job);
    if (this.cached.oldestAt === null || enqueuedAt < this.cached.oldestAt) this.cached.oldestAt = enqueuedAt;
    this.cached.depth += bodies.length;
  }

  private async startWorkers(apply: BatchApplier): Promise<void> {
    // Workers block on Redis: their connection waits out outages instead of failing fast.
    this.workerRedis = await connectRedis(this.options.url, {
      name: `${this.options.clientName ?? 'hugmood'}:worker`,
      failFast: false,
      onError: (error) => this.options.onError?.(error, 'worker connection'),
    });
    for (const name of this.queueNames) {
      const worker = new Worker<JobBatchData>(name, (job) => this.process(job, apply), {
        connection: this.workerRedis,
        prefix: this.prefix,
        concurrency: 1,
        lockDuration: this.o.lockDurationMs,
        stalledInterval: Math.max(500, Math.floor(this.o.lockDurationMs / 2)),
        // A job that stalls (its worker died) always runs again: apply is idempotent.
        maxStalledCount: 1_000_000,
      });
      worker.on('error', (error) => this.options.onError?.(error, 'worker'));
      this.workers.push(worker);
    }
  }

  private process(job: Job<JobBatchData>, apply: BatchApplier): Promise<void> {
    const jobId = job.id ?? '';
    let settle = () => undefined as void;
    this.active.set(jobId, new Promise<void>((resolve) => (settle = resolve)));
    const run = async (): Promise<void> => {
      const outcome = await runJobBatch(jobId, job.data, apply, {
        maxAttempts: this.o.maxAttempts,
        baseBackoffMs: this.o.baseBackoffMs,
        maxBackoffMs: this.o.maxBackoffMs,
        now: this.now,
        abandoned: () => this.closing,
      });
      if (!outcome.done) {
        settle();
        // Never resolves: the worker is force-closed, the lock lapses and the job runs again elsewhere.
        return new Promise<never>(() => undefined);
      }
      await this.dead.add(outcome.dead);
      await this.ledger.settle({ id: jobId, size: job.data.ops.length });
      this.mine.delete(jobId);
      if (outcome.dead.length > 0) this.cached.deadLetters += outcome.dead.length;
    };
    return run().finally(() => {
      this.active.delete(jobId);
      settle();
    });
  }

  private async refreshStats(): Promise<void> {
    const [snapshot, deadLetters] = await Promise.all([this.ledger.snapshot(), this.dead.count()]);
    if (snapshot.oldest && this.now() - snapshot.oldest.enqueuedAt > ORPHAN_AFTER_MS) await this.clearOrphan(snapshot.oldest.job);
    this.cached = { depth: snapshot.depth, oldestAt: snapshot.oldest?.enqueuedAt ?? null, deadLetters };
  }

  /** A ledger entry whose job BullMQ never got (the producer died between the two) is dropped. */
  private async clearOrphan(job: LedgerJob): Promise<void> {
    for (const queue of this.queues) if (await queue.getJob(job.id)) return;
    await this.ledger.settle(job);
  }

  private report(error: unknown, where: string): void {
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)), where);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
