import type { WriteOperation } from './write-operation.js';

/** What the worker reports for one batch: the operations that failed, with why. */
export interface BatchOutcome {
  readonly failed: ReadonlyMap<string, Error>;
}

/** Writes one batch to the store. Throwing fails the whole batch; `failed` fails single operations. */
export type BatchApplier = (batch: readonly WriteOperation[]) => Promise<BatchOutcome>;

/** An operation that failed every attempt. */
export interface DeadLetter {
  readonly operation: WriteOperation;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: number;
}

/** Counters for `/metrics`. */
export interface WriteQueueStats {
  readonly depth: number;
  readonly deadLetters: number;
  /** Age of the oldest operation not yet applied, in ms (0 when empty). */
  readonly lagMs: number;
}

/**
 * The write-behind queue between commands and the store.
 *
 * Guarantees: every enqueued operation reaches the applier at least once, or lands in the
 * dead letters after the last attempt; operations with the same `key` reach the applier in
 * enqueue order; a failing operation is retried with exponential backoff and dead-lettered alone,
 * not with its batch. How durable an enqueue is depends on the implementation and is stated on it.
 */
export interface WriteQueue {
  /** Queues `operations`; resolves when they are as durable as the implementation promises. */
  enqueue(operations: readonly WriteOperation[]): Promise<void>;
  /** Starts delivering batches to `apply`. Call once. */
  start(apply: BatchApplier): void;
  /** Resolves when every operation enqueued so far is applied or dead-lettered. */
  drain(): Promise<void>;
  stats(): WriteQueueStats;
  deadLetters(): Promise<readonly DeadLetter[]>;
  /** Stops delivering. Call `drain` first to lose nothing. */
  close(): Promise<void>;
}
