import { retryDelay } from '../write-behind/batch-selection.js';
import { asError, parseOperation } from '../write-behind/operation-body.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { BatchApplier, DeadLetter } from '../write-behind/write-queue.js';

/** A job as the producer adds it: the batch's operations as JSON bodies (kept raw: a malformed one is dead-lettered). */
export interface JobBatchData {
  readonly ops: readonly string[];
  readonly enqueuedAt: number;
}

/** How {@link runJobBatch} retries. */
export interface JobBatchOptions {
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly now: () => number;
  /** Stop retrying (the worker is shutting down): the job is left unfinished for another worker. */
  readonly abandoned: () => boolean;

}

/** What became of a job's batch. */
export type JobBatchOutcome = { readonly done: true; readonly dead: readonly DeadLetter[] } | { readonly done: false };

interface Pending {
  readonly index: number;
  readonly op: WriteOperation;
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes one job's batch to the store. Failed operations are retried inside the job with
 * exponential backoff, so the job's partition (concurrency 1 across the cluster) waits for them:
 * later operations of the same key can never overtake a retried one. An operation that fails
 * `maxAttempts` times, or is malformed, becomes a dead letter alone; its batch-mates are written.
 * Dead-letter ids derive from the job and position, so a job processed twice letters each once.
 */
export async function runJobBatch(jobId: string, data: JobBatchData, apply: BatchApplier, options: JobBatchOptions): Promise<JobBatchOutcome> {
  const dead: DeadLetter[] = [];
  const letter = (index: number, body: string, op: WriteOperation | null, error: string, attempts: number): DeadLetter => ({
    id: `${jobId}.${index}`,
    opId: op?.id ?? `unreadable:${jobId}.${index}`,
    key: op?.key ?? 'unreadable',
    body,
    error,
    attempts,
    enqueuedAt: data.enqueuedAt,
    failedAt: options.now(),
  });
  let pending: Pending[] = [];
  data.ops.forEach((body, index) => {
    const parsed = parseOperation(body);
    if ('op' in parsed) pending.push({ index, op: parsed.op, attempts: 0 });
    else dead.push(letter(index, body, null, parsed.poison, 1));
  });
  while (pending.length > 0) {
    if (options.abandoned()) return { done: false };
    let failed: ReadonlyMap<string, Error>;
    try {
      failed = (await apply(pending.map((p) => p.op))).failed;
    } catch (error) {
      const err = asError(error);
      failed = new Map(pending.map((p) => [p.op.id, err]));
    }
    const retry: Pending[] = [];
    for (const p of pending) {
      const error = failed.get(p.op.id);
      if (!error) continue;
      p.attempts += 1;
      if (p.attempts >= options.maxAttempts) dead.push(letter(p.index, data.ops[p.index] ?? '', p.op, error.message, p.attempts));
      else retry.push(p);
    }
    pending = retry;
    if (pending.length > 0) await sleep(retryDelay(Math.max(...pending.map((p) => p.attempts)), options.baseBackoffMs, options.maxBackoffMs));
  }
  return { done: true, dead };
}
