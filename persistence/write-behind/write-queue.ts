import type { WriteOperation } from './write-operation.js';

/** What the store reports for one batch: the operations that failed, with why. */
export interface BatchOutcome {
  readonly failed: ReadonlyMap<string, Error>;
}

/** Writes one batch to the store. Throwing fails the whole batch; `failed` fails single operations. */
export type BatchApplier = (batch: readonly WriteOperation[]) => Promise<BatchOutcome>;

/** An operation that failed every attempt (or could not be read back at all). */
export interface DeadLetter {
  /** The dead letter's own id, for `replay` and `drop`. */
  readonly id: string;
  readonly opId: string;
  readonly key: string;
  /** The operation as queued (JSON). Kept raw: a malformed operation is dead-lettered too. */
  readonly body: string;
  readonly error: string;
  readonly attempts: number;
  readonly enqueuedAt: number;
  readonly failedAt: number;
}

/** Counters for `/metrics` and backpressure. */
export interface WriteQueueStats {
  /** Operations enqueued and not yet applied or dead-lettered. */
  readonly depth: number;
  readonly deadLetters: number;
  /** Age of the oldest operation not yet applied, in ms (0 when empty). */
  readonly lagMs: number;
}

/** How an enqueue may be refused. */
export interface EnqueueOptions {
  /**
   * The caller can retry later (a hug send, a read mark), so past the lag bound the enqueue is
   * refused with {@link QueueBackpressureError}. Writes that cannot wait (a disconnect's
   * `lastSeenAt`) leave this unset and are always taken.
   */
  readonly deferrable?: boolean;
}

/** How a queue batches, retries and pushes back: the tuning every implementation takes. */
export interface WriteQueueTuning {
  /** Most operations per batch (a store transaction, a BullMQ job). */
  readonly maxBatch?: number;
  /** Group commit: how long the first enqueue waits for others to share its write (0: until the end of the event-loop turn). */
  readonly lingerMs?: number;
  /** Attempts before an operation is dead-lettered; retries back off exponentially from `baseBackoffMs` to `maxBackoffMs`. */
  readonly maxAttempts?: number;
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Past this lag, deferrable enqueues are refused (backpressure). */
  readonly lagBoundMs?: number;
  readonly now?: () => number;
}

/** The queue is past its lag bound: try again after `retryAfterMs`. Maps to `unavailable`. */
export class QueueBackpressureError extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly lagMs: number,
  ) {
    super(`the write queue is ${Math.round(lagMs)} ms behind; try again in ${retryAfterMs} ms`);
    this.name = 'QueueBackpressureError';
  }
}

/**
 * The write-behind queue between commands and the store.
 *
 * Guarantees:
 * - `enqueue` resolves only once its operations are as durable as the implementation states
 *   (on disk for SQLite, in Redis for BullMQ); after that a crash loses none of them.
 * - Every enqueued operation reaches the applier at least once, or lands in the dead letters.
 *   Redelivery is possible (a crash between apply and acknowledge), so operations are idempotent.
 * - Operations of one `key` reach the applier in enqueue order, and a retried operation holds
 *   back the later operations of its key until it succeeds or is dead-lettered.
 * - A failing operation is retried with exponential backoff and dead-lettered alone after the
 *   last attempt; a malformed one is dead-lettered at once. Its batch-mates are written.
 */
export interface WriteQueue {
  /** Queues `operations` (in order); resolves when they are durable. */
  enqueue(operations: readonly WriteOperation[], options?: EnqueueOptions): Promise<void>;
  /** Starts delivering batches to `apply`. Call once. A queue that is never started only produces. */
  start(apply: BatchApplier): void;
  /**
   * Resolves `true` once every operation enqueued before the call is applied or dead-lettered
   * (read-your-writes for readers of the store), or `false` after `timeoutMs`.
   */
  settled(timeoutMs: number): Promise<boolean>;
  /** Resolves when the queue is empty: everything enqueued is applied or dead-lettered. */
  drain(): Promise<void>;
  stats(): WriteQueueStats;
  /** Dead letters, oldest first. */
  deadLetters(limit?: number): Promise<readonly DeadLetter[]>;
  /** Moves dead letters (all when `ids` is omitted) back into the queue; resolves with how many. */
  replayDeadLetters(ids?: readonly string[]): Promise<number>;
  /** Deletes dead letters (all when `ids` is omitted); resolves with how many. */
  dropDeadLetters(ids?: readonly string[]): Promise<number>;
  /** Stops delivering and releases resources. Call `drain` first to apply everything. */
  close(): Promise<void>;
}
