import { retryDelay } from './batch-selection.js';
import { asError, parseOperation } from './operation-body.js';
import type { WriteOperation } from './write-operation.js';
import type { BatchApplier, DeadLetter } from './write-queue.js';

/** One queued operation as a log holds it: its id in the log and its body (kept raw: a malformed one is dead-lettered). */
export interface LoggedOperation {
  readonly id: string;
  readonly body: string;
  readonly enqueuedAt: number;
}

/** How {@link runRetryingBatch} retries. */
export interface RetryingBatchOptions {
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly now: () => number;
  /** Stop retrying (the writer is shutting down or lost its partition): the batch is left unfinished for another writer. */
  readonly abandoned: () => boolean;
}

/** What became of a batch: written (with its dead letters), or abandoned unfinished. */
export type RetryingBatchOutcome = { readonly done: true; readonly written: readonly WriteOperation[]; readonly dead: readonly DeadLetter[] } | { readonly done: false };

interface Attempting {
  readonly entry: LoggedOperation;
  readonly op: WriteOperation;
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes one batch of a partitioned log to the store. Failed operations are retried inside the
 * batch with exponential backoff, so the partition waits for them: later operations of the same
 * key can never overtake a retried one. An operation that fails `maxAttempts` times, or is
 * malformed, becomes a dead letter alone (its id is its log id, so a batch written twice letters
 * each once); its batch-mates are written.
 */
export async function runRetryingBatch(entries: readonly LoggedOperation[], apply: BatchApplier, options: RetryingBatchOptions): Promise<RetryingBatchOutcome> {
  const dead: DeadLetter[] = [];
  const letter = (entry: LoggedOperation, op: WriteOperation | null, error: string, attempts: number): DeadLetter => ({
    id: entry.id,
    opId: op?.id ?? `unreadable:${entry.id}`,
    key: op?.key ?? 'unreadable',
    body: entry.body,
    error,
    attempts,
    enqueuedAt: entry.enqueuedAt,
    failedAt: options.now(),
  });
  let pending: Attempting[] = [];
  const written: WriteOperation[] = [];
  for (const entry of entries) {
    const parsed = parseOperation(entry.body);
    if ('op' in parsed) pending.push({ entry, op: parsed.op, attempts: 0 });
    else dead.push(letter(entry, null, parsed.poison, 1));
  }
  while (pending.length > 0) {
    if (options.abandoned()) return { done: false };
    let failed: ReadonlyMap<string, Error>;
    try {
      failed = (await apply(pending.map((p) => p.op))).failed;
    } catch (error) {
      const err = asError(error);
      failed = new Map(pending.map((p) => [p.op.id, err]));
    }
    const retry: Attempting[] = [];
    for (const p of pending) {
      const error = failed.get(p.op.id);
      if (!error) {
        written.push(p.op);
        continue;
      }
      p.attempts += 1;
      if (p.attempts >= options.maxAttempts) dead.push(letter(p.entry, p.op, error.message, p.attempts));
      else retry.push(p);
    }
    pending = retry;
    if (pending.length > 0) await sleep(retryDelay(Math.max(...pending.map((p) => p.attempts)), options.baseBackoffMs, options.maxBackoffMs));
  }
  return { done: true, written, dead };
}
