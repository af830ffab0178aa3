import { WRITTEN_STAYS_PENDING_MS } from '../write-behind/delayed-forget.js';
import { randomUUID } from 'node:crypto';
import { connectRedisTarget, type RedisClient, type RedisTarget } from '../redis/redis-client.js';
import { RedisDeadLetters } from '../redis/redis-dead-letters.js';
import type { PendingChange } from '../redis/pending-keys.js';
import { replyArray, replyNumber } from '../redis/redis-script.js';
import { parseOperation } from '../write-behind/operation-body.js';
import { partitionOf, routeOf } from '../write-behind/partition.js';
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
import { PartitionLeases } from './partition-leases.js';
import { createWritersGroup, PartitionWriter } from './partition-writer.js';
import { compareStreamIds, streamIdTime, type StreamKeys, streamKeys, WRITERS_GROUP } from './stream-keys.js';
import { APPEND, HEAD } from './stream-scripts.js';

/** Options of {@link RedisStreamWriteQueue}. */
export interface RedisStreamWriteQueueOptions extends WriteQueueTuning, RedisTarget {
  /** Prefix of every key (`{prefix}:{p3}:log`, …). */
  readonly prefix?: string;
  /** Partitions of the log (keys hash onto them); each is written by one writer at a time, in order. */
  readonly partitions?: number;
  /** How often depth, lag and dead letters are re-read from Redis. */
  readonly statsPollMs?: number;
  /** A writer that stops renewing its lease for this long loses its partitions to another. */
  readonly leaseMs?: number;
  /** How long an idle writer's blocking read waits before it looks again. */
  readonly blockMs?: number;
  /** When a read brings a small batch, how long a writer lets more entries gather before writing (off the ack path). */
  readonly writerLingerMs?: number;
  /** Forgets a written batch's pending writes in a later call that acknowledges (instead of one more call). */
  readonly forget?: (written: readonly WriteOperation[]) => readonly PendingChange[];
  /** How long written operations stay pending at least before `forget` (a receipt within it finds its hug in its own step). */
  readonly forgetAfterMs?: number;
  /** Sweeps a partition's pending keys of what no writer forgot (see `PartitionWriterDeps.sweep`). */
  readonly sweep?: (redis: RedisClient, partition: number) => Promise<unknown>;
  /** How often each writer sweeps its partition (60 s). */
  readonly sweepEveryMs?: number;
  /** Names this process's connections in `CLIENT LIST`. */
  readonly clientName?: string;
  /** Hears errors that no caller sees (a writer's connection, the stats poll). */
  readonly onError?: (error: Error, where: string) => void;
}

/** The newest entry this process appended to each partition, for `settled`. */
type Appended = Map<number, string>;

/**
 * {@link WriteQueue} on Redis Streams: the cluster's write-behind log.
 *
 * - One stream per partition (a key always hashes to the same one), one entry per operation.
 *   `enqueue` appends a partition's operations with one script call and resolves once Redis has
 *   them (durable as Redis is: AOF everysec). Nothing lingers: the call goes out at once, and
 *   concurrent calls share the connection's pipeline.
 * - Writers read through one consumer group. Each partition has one owner at a time
 *   ({@link PartitionLeases}); the owner writes batches in stream order and acknowledges and
 *   deletes each batch in one step fenced by its lease, so per-key order holds.
 * - A dead writer stops renewing its leases; within one lease and a round (1.2 s + 0.4 s by default) another writer
 *   takes its partitions, claims the entries it had read (`XAUTOCLAIM`) and writes them again,
 *   first. Writes are idempotent, so that is harmless, and no other partition waits meanwhile.
 * - Written entries are deleted, so a stream's length is its depth and its first entry the
 *   oldest unwritten one (the lag). Dead letters live in Redis ({@link RedisDeadLetters}).
 */
export class RedisStreamWriteQueue implements WriteQueue {
  private readonly keys: StreamKeys;
  private readonly dead: RedisDeadLetters;
  /** This process as a writer: its lease value and consumer name, e.g. `hugmood:node-2:5f1c09ab`. */
  private readonly writerName: string;
  private readonly writers = new Map<number, PartitionWriter>();
  private readonly appended: Appended = new Map();
  private readonly now: () => number;
  /** When each partition was last swept of what no writer forgot (by a writer of this process). */
  private readonly sweptAt = new Map<number, number>();
  private readonly o: Required<Omit<RedisStreamWriteQueueOptions, keyof RedisTarget | 'onError' | 'now' | 'clientName' | 'forget' | 'sweep'>>;
  private leases: PartitionLeases | null = null;
  private cached = { depth: 0, oldestAt: null as number | null, deadLetters: 0 };
  private statsAsked = 0;
  private statsApplied = 0;
  private statsTimer: ReturnType<typeof setInterval> | null = null;
  private closed = false;
  /** Enqueues whose append has not returned yet. */
  private readonly inFlight = new Set<Promise<unknown>>();

  private constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisStreamWriteQueueOptions,
  ) {
    this.o = {
      prefix: options.prefix ?? 'hm:wb',
      partitions: options.partitions ?? 4,
      maxBatch: options.maxBatch ?? 256,
      lingerMs: options.lingerMs ?? 0,
      maxAttempts: options.maxAttempts ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 100,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      lagBoundMs: options.lagBoundMs ?? 5000,
      statsPollMs: options.statsPollMs ?? 250,
      leaseMs: options.leaseMs ?? 1200,
      blockMs: options.blockMs ?? 1000,
      writerLingerMs: options.writerLingerMs ?? 20,
      forgetAfterMs: options.forgetAfterMs ?? WRITTEN_STAYS_PENDING_MS,
      sweepEveryMs: options.sweepEveryMs ?? 60_000,
    };
    this.now = options.now ?? Date.now;
    this.writerName = `${options.clientName ?? 'hugmood'}:${randomUUID().slice(0, 8)}`;
    this.keys = streamKeys(this.o.prefix);
    this.dead = new RedisDeadLetters(redis, this.keys.deadBase);
  }

  /** Connects, creates each partition's stream and writers' group, and reads the current stats. */
  static async open(options: RedisStreamWriteQueueOptions): Promise<RedisStreamWriteQueue> {
    const redis = await connectRedisTarget(options, {
      name: `${options.clientName ?? 'hugmood'}:log`,
      onError: (error) => options.onError?.(error, 'connection'),
    });
    const queue = new RedisStreamWriteQueue(redis, options);
    try {
      await Promise.all(queue.partitions().map((p) => createWritersGroup(redis, queue.keys.log(p), WRITERS_GROUP)));
      await queue.refreshStats();
    } catch (error) {
      redis.disconnect();
      throw error;
    }
    queue.statsTimer = setInterval(() => void queue.refreshStats().catch((error: unknown) => queue.report(error, 'stats')), queue.o.statsPollMs);
    queue.statsTimer.unref();
    return queue;
  }

  async enqueue(operations: readonly WriteOperation[], options: EnqueueOptions = {}): Promise<void> {
    if (this.closed) throw new Error('the write queue is closed');
    if (operations.length === 0) return;
    if (options.deferrable) {
      const refusal = this.backpressure();
      if (refusal) throw refusal;
    }
    const byPartition = new Map<number, string[]>();
    for (const op of operations) {
      const p = partitionOf(routeOf(op), this.o.partitions);
      const bodies = byPartition.get(p);
      if (bodies) bodies.push(JSON.stringify(op));
      else byPartition.set(p, [JSON.stringify(op)]);
    }
    await Promise.all([...byPartition].map(([p, bodies]) => this.append(p, bodies)));
  }

  start(apply: BatchApplier): void {
    if (this.leases) throw new Error('the write queue is already started');
    const leases = new PartitionLeases(this.redis, {
      keys: this.keys,
      partitions: this.o.partitions,
      writer: this.writerName,
      leaseMs: this.o.leaseMs,
      now: this.now,
      onAcquired: (p) => void this.startWriter(p, apply).catch((error: unknown) => this.report(error, 'writer start')),
      onLost: (p) => void this.writers.get(p)?.stop(),
      onError: (error) => this.report(error, 'leases'),
    });
    this.leases = leases;
    leases.start();
  }

  async settled(timeoutMs: number): Promise<boolean> {
    const deadline = this.now() + timeoutMs;
    await Promise.all(this.inFlight);
    const waiting = new Map(this.appended);
    while (waiting.size > 0) {
      for (const [p, last] of waiting) {
        const head = await this.head(p);
        // Written entries are deleted: once the oldest left is newer than ours (or none is left), ours are written.
        if (head.first === null || compareStreamIds(head.first, last) > 0) {
          waiting.delete(p);
          if (this.appended.get(p) === last) this.appended.delete(p);
        }
      }
      if (waiting.size === 0) break;
      if (this.now() >= deadline) return false;
      await sleep(10);
    }
    return true;
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    for (;;) {
      await this.refreshStats();
      if (this.cached.depth === 0) return;
      await sleep(20);
    }
  }

  /** The stream a command step appends the operations of `route` to (see {@link routeOf}). */
  logOf(route: string): { readonly partition: number; readonly key: string } {
    const partition = partitionOf(route, this.o.partitions);
    return { partition, key: this.keys.log(partition) };
  }

  /** A command step appended `count` entries to `partition`, the last with id `lastId`: counted for depth, lag and `settled`. */
  appendedByStep(partition: number, lastId: string, count: number): void {
    this.noteAppended(partition, lastId, count);
  }

  /** The refusal a deferrable write gets now (the log is past its lag bound), or null. */
  backpressure(): QueueBackpressureError | null {
    const lagMs = this.lagMs();
    return lagMs > this.o.lagBoundMs ? new QueueBackpressureError(Math.min(5000, Math.max(100, Math.round(lagMs - this.o.lagBoundMs))), lagMs) : null;
  }

  /** The partitions this process is writing now (its share of the cluster's). */
  writing(): number[] {
    return [...this.writers.keys()].sort((a, b) => a - b);
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
      const parsed = parseOperation(letter.body);
      const p = partitionOf('op' in parsed ? routeOf(parsed.op) : letter.key, this.o.partitions);
      byPartition.set(p, [...(byPartition.get(p) ?? []), letter.body]);
    }
    await Promise.all([...byPartition].map(([p, bodies]) => this.append(p, bodies)));
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
    this.closed = true;
    if (this.statsTimer) clearInterval(this.statsTimer);
    await Promise.all(this.inFlight);
    // Writers finish the batch they are on (milliseconds) and acknowledge it; a batch waiting out
    // a retry is abandoned unacknowledged, and the next owner writes it again, in order.
    await Promise.all([...this.writers.values()].map((w) => w.stop()));
    await this.leases?.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private partitions(): number[] {
    return Array.from({ length: this.o.partitions }, (_, p) => p);
  }

  private append(p: number, bodies: readonly string[]): Promise<void> {
    const call = APPEND.run(this.redis, [this.keys.log(p)], bodies).then((reply) => {
      const ids = replyArray(reply, APPEND.name).map(String);
      const last = ids.at(-1);
      if (last !== undefined) this.noteAppended(p, last, ids.length);
    });
    this.inFlight.add(call);
    return call.finally(() => this.inFlight.delete(call));
  }

  private noteAppended(p: number, last: string, count: number): void {
    const known = this.appended.get(p);
    if (known === undefined || compareStreamIds(last, known) > 0) this.appended.set(p, last);
    this.cached.oldestAt ??= this.now();
    this.cached.depth += count;
  }

  private async startWriter(p: number, apply: BatchApplier): Promise<void> {
    await this.writers.get(p)?.stop();
    const leases = this.leases;
    if (this.closed || !leases) return;
    // The lease looks lapsed (a round running late): give it back rather than hold it with no
    // writer, which left the partition unwritten for good while the rounds kept renewing it.
    if (!leases.owns(p)) return leases.release(p);
    let reader: RedisClient;
    try {
      reader = await connectRedisTarget(this.options, {
        name: `${this.options.clientName ?? 'hugmood'}:writer-${p}`,
        failFast: false,
        onError: (error) => this.report(error, `writer ${p} connection`),
      });
    } catch (error) {
      // No writer without its connection: the partition goes back, and a later round takes it again.
      await leases.release(p);
      throw error;
    }
    const writer = new PartitionWriter({
      partition: p,
      keys: this.keys,
      group: WRITERS_GROUP,
      writer: this.writerName,
      redis: this.redis,
      reader,
      deadLetters: this.dead,
      apply,
      maxBatch: this.o.maxBatch,
      blockMs: this.o.blockMs,
      lingerMs: this.o.writerLingerMs,
      forgetAfterMs: this.o.forgetAfterMs,
      now: this.now,
      ...(this.options.forget ? { forget: this.options.forget } : {}),
      ...(this.options.sweep ? { sweep: this.sweepWhenDue(this.options.sweep) } : {}),
      retry: { maxAttempts: this.o.maxAttempts, baseBackoffMs: this.o.baseBackoffMs, maxBackoffMs: this.o.maxBackoffMs, now: this.now },
      owns: () => leases.owns(p),
      onWritten: (written, dead) => {
        this.cached.depth = Math.max(0, this.cached.depth - written - dead.length);
        // Nothing left that this process knows of: no lag (a later poll corrects it if others appended).
        if (this.cached.depth === 0) this.cached.oldestAt = null;
        // Counted from Redis (rare): adding here could count a letter the last poll already saw.
        if (dead.length > 0) void this.dead.count().then((n) => (this.cached.deadLetters = n), (error: unknown) => this.report(error, 'stats'));
      },
      onError: (error) => this.report(error, `writer ${p}`),
    });
    this.writers.set(p, writer);
    const ended = await writer.finished();
    if (this.writers.get(p) === writer) this.writers.delete(p);
    // A writer that found its partition gone (a fenced acknowledgement while the local lease still
    // looked valid) gives the lease up, so the next round sees the truth. One that was stopped (lease
    // lost, a newer writer, close) leaves the lease to whoever holds it now.
    if (ended === 'lost' && !this.closed) await leases.release(p);
  }

  /** `sweep`, run for a partition at most once per `sweepEveryMs` by this process, whichever of its writers asks. */
  private sweepWhenDue(sweep: NonNullable<RedisStreamWriteQueueOptions['sweep']>): NonNullable<RedisStreamWriteQueueOptions['sweep']> {
    return (redis, p) => {
      const now = this.now();
      if (now - (this.sweptAt.get(p) ?? Number.NEGATIVE_INFINITY) < this.o.sweepEveryMs) return Promise.resolve();
      this.sweptAt.set(p, now);
      return sweep(redis, p);
    };
  }

  private async head(p: number): Promise<{ depth: number; first: string | null; redisNowMs: number }> {
    const reply = replyArray(await HEAD.run(this.redis, [this.keys.log(p)], []), HEAD.name);
    const first = reply[1];
    return {
      depth: replyNumber(reply[0], HEAD.name),
      first: typeof first === 'string' ? first : null,
      redisNowMs: replyNumber(reply[2], HEAD.name) * 1000 + Math.floor(replyNumber(reply[3], HEAD.name) / 1000),
    };
  }

  private async refreshStats(): Promise<void> {
    const seq = ++this.statsAsked;
    const [heads, deadLetters] = await Promise.all([Promise.all(this.partitions().map((p) => this.head(p))), this.dead.count()]);
    // Polls overlap (the timer and drain()): an older answer never overwrites a newer one.
    if (seq < this.statsApplied) return;
    this.statsApplied = seq;
    let oldestAgeMs: number | null = null;
    for (const h of heads) {
      if (h.first === null) continue;
      const age = Math.max(0, h.redisNowMs - streamIdTime(h.first));
      oldestAgeMs = oldestAgeMs === null ? age : Math.max(oldestAgeMs, age);
    }
    this.cached = {
      depth: heads.reduce((sum, h) => sum + h.depth, 0),
      // Ages are measured on Redis's clock, then placed on ours: clocks of nodes and Redis need not agree.
      oldestAt: oldestAgeMs === null ? null : this.now() - oldestAgeMs,
      deadLetters,
    };
  }

  private lagMs(): number {
    return this.cached.oldestAt === null ? 0 : Math.max(0, this.now() - this.cached.oldestAt);
  }

  private report(error: unknown, where: string): void {
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)), where);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
