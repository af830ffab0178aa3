import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { DEFAULT_PUSH_RETRY, type DeadPush, PUSH_DEDUPE_MS, type PushHandler, type PushJob, type PushRetryPolicy, type PushWorkQueue } from '../../rooms/notifications/push-queue.js';

/** The queue's name; its keys live under {@link PUSH_QUEUE_PREFIX}. */
export const PUSH_QUEUE_NAME = 'push';
/** BullMQ's key prefix: one hash tag, so every key of the queue lives in one slot of a Redis Cluster. */
export const PUSH_QUEUE_PREFIX = '{hm-push}';

/** What {@link BullmqPushQueue} is built from. */
export interface BullmqPushQueueOptions {
  /** For adding jobs and reading counts (commands may fail fast). */
  readonly commands: RedisClient;
  /** For the worker: BullMQ blocks on it, so it must not fail fast (`maxRetriesPerRequest: null`). */
  readonly worker: RedisClient;
  readonly retry?: PushRetryPolicy;
  readonly concurrency?: number;
  /**
   * How long a worker's lock on a job lasts without renewal: a worker that died (`kill -9`) leaves
   * its jobs to another after about this long (BullMQ's stalled-job check).
   */
  readonly lockMs?: number;
  /** Dead letters kept. */
  readonly maxDeadLetters?: number;
  readonly prefix?: string;
}

/**
 * The push queue of a cluster, on BullMQ: any node's worker takes any job; retries back off
 * exponentially; a job that used its attempts (or failed for good) stays in the failed set, the
 * dead letters; a job id is kept an hour after it completes, so adding it again is ignored; a
 * job held back (quiet hours, the user's push rate) moves to the delayed set without spending an
 * attempt; a worker that dies mid-job leaves it to the next worker once its lock expires.
 */
export class BullmqPushQueue implements PushWorkQueue {
  private readonly queue: Queue<PushJob>;
  private readonly retry: PushRetryPolicy;
  private worker: Worker<PushJob> | null = null;

  constructor(private readonly options: BullmqPushQueueOptions) {
    this.retry = options.retry ?? DEFAULT_PUSH_RETRY;
    this.queue = new Queue<PushJob>(PUSH_QUEUE_NAME, { connection: options.commands, prefix: options.prefix ?? PUSH_QUEUE_PREFIX });
  }

  async add(job: PushJob): Promise<void> {
    await this.queue.add(PUSH_QUEUE_NAME, job, {
      jobId: job.id,
      attempts: this.retry.attempts,
      backoff: { type: 'exponential', delay: this.retry.backoffMs },
      removeOnComplete: { age: Math.ceil(PUSH_DEDUPE_MS / 1000) },
      removeOnFail: { count: this.options.maxDeadLetters ?? 1000 },
    });
  }

  start(handler: PushHandler): void {
    if (this.worker) throw new Error('the push queue is started already');
    const lockDuration = this.options.lockMs ?? 30_000;
    this.worker = new Worker<PushJob>(PUSH_QUEUE_NAME, (job, token) => this.work(handler, job, token), {
      connection: this.options.worker,
      prefix: this.options.prefix ?? PUSH_QUEUE_PREFIX,
      concurrency: this.options.concurrency ?? 8,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      // A job whose worker died twice in a row is failed (a push that crashes its worker), not retried forever.
      maxStalledCount: 2,
    });
    // Errors of the worker's own connection: it reconnects by itself.
    this.worker.on('error', () => undefined);
  }

  async stats(): Promise<{ readonly waiting: number; readonly deadLetters: number }> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'failed');
    const { failed = 0, ...rest } = counts;
    return { waiting: Object.values(rest).reduce((a, b) => a + b, 0), deadLetters: failed };
  }

  async deadLetters(limit: number): Promise<DeadPush[]> {
    const jobs = await this.queue.getFailed(0, Math.max(0, limit - 1));
    return jobs.flatMap((job) => (job ? [{ job: job.data, reason: job.failedReason, attempts: job.attemptsMade, at: job.finishedOn ?? job.timestamp }] : []));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async work(handler: PushHandler, job: Job<PushJob>, token: string | undefined): Promise<void> {
    const result = await handler(job.data, job.attemptsMade + 1);
    switch (result.kind) {
      case 'done':
        return;
      case 'later':
        await job.moveToDelayed(result.at, token);
        throw new DelayedError();
      case 'retry':
        // BullMQ backs off exponentially, then fails the job into the dead letters.
        throw new Error(result.reason);
      case 'dead':
        throw new UnrecoverableError(result.reason);
    }
  }
}
