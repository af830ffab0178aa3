import type { DeadLetter, BatchApplier, WriteQueue, WriteQueueStats } from './write-queue.js';
import type { WriteOperation } from './write-operation.js';

/** Tuning for {@link MemoryWriteQueue}. */
export interface MemoryWriteQueueOptions {
  readonly maxBatch?: number;
  /** How long the first operation waits for others to join its batch. */
  readonly lingerMs?: number;
  readonly maxAttempts?: number;
  readonly baseBackoffMs?: number;
  readonly now?: () => number;
}

interface Pending {
  readonly operation: WriteOperation;
  readonly enqueuedAt: number;
  attempts: number;
}

/**
 * An in-process {@link WriteQueue}. Not durable: an enqueue survives nothing but its own process,
 * so it only carries writes whose loss on a crash is acceptable (`lastSeenAt`). One consumer
 * applies batches in order; a failed operation goes back to the head of the queue after a
 * backoff, which keeps per-key order.
 */
export class MemoryWriteQueue implements WriteQueue {
  private readonly queue: Pending[] = [];
  private readonly dead: DeadLetter[] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private apply: BatchApplier | null = null;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly maxAttempts: number;
  private readonly baseBackoffMs: number;
  private readonly now: () => number;

  constructor(options: MemoryWriteQueueOptions = {}) {
    this.maxBatch = options.maxBatch ?? 200;
    this.lingerMs = options.lingerMs ?? 5;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseBackoffMs = options.baseBackoffMs ?? 50;
    this.now = options.now ?? Date.now;
  }

  enqueue(operations: readonly WriteOperation[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('write queue is closed'));
    const at = this.now();
    for (const operation of operations) this.queue.push({ operation, enqueuedAt: at, attempts: 0 });
    this.schedule(this.lingerMs);
    return Promise.resolve();
  }

  start(apply: BatchApplier): void {
    if (this.apply) throw new Error('write queue already started');
    this.apply = apply;
    this.schedule(0);
  }

  drain(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  stats(): WriteQueueStats {
    const oldest = this.queue[0];
    return { depth: this.queue.length, deadLetters: this.dead.length, lagMs: oldest ? this.now() - oldest.enqueuedAt : 0 };
  }

  deadLetters(): Promise<readonly DeadLetter[]> {
    return Promise.resolve([...this.dead]);
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return Promise.resolve();
  }

  private schedule(delayMs: number): void {
    if (!this.apply || this.running || this.timer || this.closed || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  private async flush(): Promise<void> {
    const apply = this.apply;
    if (!apply || this.running) return;
    this.running = true;
    let retryDelay = 0;
    try {
      const batch = this.queue.splice(0, this.maxBatch);
      for (const p of batch) p.attempts += 1;
      let failed: ReadonlyMap<string, Error>;
      try {
        failed = (await apply(batch.map((p) => p.operation))).failed;
      } catch (error) {
        const err = error instanceof Error ? error : new Error(String(error));
        failed = new Map(batch.map((p) => [p.operation.id, err]));
      }
      const retry: Pending[] = [];
      for (const p of batch) {
        const error = failed.get(p.operation.id);
        if (!error) continue;
        if (p.attempts >= this.maxAttempts) {
          this.dead.push({ operation: p.operation, error: error.message, attempts: p.attempts, failedAt: this.now() });
        } else {
          retry.push(p);
          retryDelay = Math.max(retryDelay, this.baseBackoffMs * 2 ** (p.attempts - 1));
        }
      }
      this.queue.unshift(...retry);
    } finally {
      this.running = false;
    }
    if (this.queue.length === 0) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    } else {
      this.schedule(retryDelay);
    }
  }
}
