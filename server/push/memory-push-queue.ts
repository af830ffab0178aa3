import { DEFAULT_PUSH_RETRY, type DeadPush, PUSH_DEDUPE_MS, type PushHandler, type PushJob, type PushJobResult, type PushRetryPolicy, type PushWorkQueue } from '../../rooms/notifications/push-queue.js';

/** What {@link MemoryPushQueue} is built from. */
export interface MemoryPushQueueOptions {
  readonly retry?: PushRetryPolicy;
  /** Jobs worked at once. */
  readonly concurrency?: number;
  /** Dead letters kept (the oldest go first). */
  readonly maxDeadLetters?: number;
  readonly now?: () => number;
}

interface Entry {
  readonly job: PushJob;
  /** Failed attempts so far. */
  failures: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The push queue of the embedded shape: in this process, with the same retries, delays and dead
 * letters as the cluster's BullMQ queue. It holds jobs in memory: a push queued when the process
 * dies is lost (the notification itself is durable, in the store, and shows in the app).
 */
export class MemoryPushQueue implements PushWorkQueue {
  private readonly retry: PushRetryPolicy;
  private readonly concurrency: number;
  private readonly maxDead: number;
  private readonly now: () => number;
  /** Known job ids (queued, running, or finished within the dedupe window) → when they may be added again. */
  private readonly known = new Map<string, number>();
  private readonly ready: Entry[] = [];
  private readonly delayed = new Set<Entry>();
  private readonly dead: DeadPush[] = [];
  private readonly running = new Set<Promise<void>>();
  private handler: PushHandler | null = null;
  private closed = false;

  constructor(options: MemoryPushQueueOptions = {}) {
    this.retry = options.retry ?? DEFAULT_PUSH_RETRY;
    this.concurrency = options.concurrency ?? 8;
    this.maxDead = options.maxDeadLetters ?? 1000;
    this.now = options.now ?? Date.now;
  }

  add(job: PushJob): Promise<void> {
    const at = this.now();
    const until = this.known.get(job.id);
    if (this.closed || (until !== undefined && until > at)) return Promise.resolve();
    this.known.set(job.id, Number.POSITIVE_INFINITY);
    this.forgetExpired(at);
    this.ready.push({ job, failures: 0, timer: null });
    this.pump();
    return Promise.resolve();
  }

  start(handler: PushHandler): void {
    if (this.handler) throw new Error('the push queue is started already');
    this.handler = handler;
    this.pump();
  }

  stats(): Promise<{ readonly waiting: number; readonly deadLetters: number }> {
    return Promise.resolve({ waiting: this.ready.length + this.delayed.size + this.running.size, deadLetters: this.dead.length });
  }

  deadLetters(limit: number): Promise<DeadPush[]> {
    return Promise.resolve(this.dead.slice(-limit).reverse());
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.delayed) if (entry.timer) clearTimeout(entry.timer);
    this.delayed.clear();
    await Promise.all([...this.running]);
  }

  private pump(): void {
    const handler = this.handler;
    while (handler && !this.closed && this.running.size < this.concurrency) {
      const entry = this.ready.shift();
      if (!entry) return;
      const run = this.work(handler, entry).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async work(handler: PushHandler, entry: Entry): Promise<void> {
    let result: PushJobResult;
    try {
      result = await handler(entry.job, entry.failures + 1);
    } catch (error) {
      result = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const at = this.now();
    switch (result.kind) {
      case 'done':
        return this.finish(entry.job, at);
      case 'later':
        return this.delay(entry, result.at - at);
      case 'retry':
        entry.failures += 1;
        if (entry.failures >= this.retry.attempts) return this.bury(entry, result.reason, at, entry.failures);
        return this.delay(entry, Math.max(result.afterMs ?? 0, this.retry.backoffMs * 2 ** (entry.failures - 1)));
      case 'dead':
        return this.bury(entry, result.reason, at, entry.failures + 1);
    }
  }

  private delay(entry: Entry, ms: number): void {
    if (this.closed) return;
    this.delayed.add(entry);
    entry.timer = setTimeout(
      () => {
        this.delayed.delete(entry);
        entry.timer = null;
        this.ready.push(entry);
        this.pump();
      },
      Math.max(0, Math.min(ms, 2 ** 31 - 1)),
    );
    entry.timer.unref();
  }

  private bury(entry: Entry, reason: string, at: number, attempts: number): void {
    this.dead.push({ job: entry.job, reason, attempts, at });
    if (this.dead.length > this.maxDead) this.dead.shift();
    this.finish(entry.job, at);
  }

  private finish(job: PushJob, at: number): void {
    this.known.set(job.id, at + PUSH_DEDUPE_MS);
  }

  private forgetExpired(at: number): void {
    // Amortized: a few of the oldest per add (insertion order is roughly finish order).
    let checked = 0;
    for (const [id, until] of this.known) {
      if (checked++ >= 4 || until > at) break;
      this.known.delete(id);
    }
  }
}
