import type { WriteOperation } from '../write-behind/write-operation.js';
import type { DeadLetter } from '../write-behind/write-queue.js';

/** What the writer thread is started with. */
export interface WriterConfig {
  /** The queue file (`:memory:` for one that need not survive its process). */
  readonly queueFile: string;
  /** The store file the writer applies batches to itself; null when batches go back to the main thread. */
  readonly storeFile: string | null;
  readonly maxBatch: number;
  /** How long appends gather before one commit (0: what arrived while the last commit ran). */
  readonly lingerMs: number;
  /**
   * How long queued operations gather before a store write (unless `maxBatch` are waiting): store
   * writes are off every client's path, and fewer, bigger ones leave the writer free to commit
   * appends (which clients do wait for) as soon as they arrive.
   */
  readonly storeLingerMs: number;
  readonly maxAttempts: number;
  readonly baseBackoffMs: number;
  readonly maxBackoffMs: number;
  /** How often an idle writer looks for work another process added (a `dlq replay`). */
  readonly pollMs: number;
}

/** Main thread → writer. */
export type ToWriter =
  /** Queue `ops` durably; answered by `appended` with the same id. */
  | { readonly t: 'append'; readonly id: number; readonly ops: readonly WriteOperation[] }
  /** Start writing batches (to the store file, or back to the main thread as `apply`). */
  | { readonly t: 'start' }
  /** The main thread's outcome of an `apply`: failed operation ids with their errors, or an error for the whole batch. */
  | { readonly t: 'applied'; readonly batch: number; readonly failed: readonly (readonly [string, string])[]; readonly error: string | null }
  | { readonly t: 'dead-letters'; readonly id: number; readonly limit: number }
  | { readonly t: 'move-dead'; readonly id: number; readonly kind: 'replay' | 'drop'; readonly ids: readonly number[] | null }
  | { readonly t: 'close'; readonly id: number };

/** Writer → main thread. */
export type FromWriter =
  /** Appends committed (fsynced) up to queue position `lastSeq`, with the figures after the commit. */
  | { readonly t: 'appended'; readonly ids: readonly number[]; readonly lastSeq: number; readonly stats: WriterStats }
  /** Appends refused: their commit failed with `error` (nothing of them is queued). */
  | { readonly t: 'append-failed'; readonly ids: readonly number[]; readonly error: string }
  /** Write this batch (only when the writer has no store file); answer with `applied`. */
  | { readonly t: 'apply'; readonly batch: number; readonly ops: readonly WriteOperation[] }
  /** A batch was written to the store by the writer: these operations are in it now. */
  | { readonly t: 'written'; readonly ops: readonly WriteOperation[]; readonly failed: number; readonly ms: number }
  /** The writer's figures, when they changed without an append (a batch settled, a start, a replay). */
  | { readonly t: 'stats'; readonly stats: WriterStats }
  | { readonly t: 'reply'; readonly id: number; readonly value: readonly DeadLetter[] | number | null; readonly error: string | null };

/** What the writer reports after each commit. */
export interface WriterStats {
  /** Operations queued and not yet settled (handed over and not yet committed included). */
  readonly depth: number;
  readonly oldestAt: number | null;
  readonly dead: number;
  /** The lowest queue position not yet settled. */
  readonly firstSeq: number;
  /** The last append handed over that these figures include. */
  readonly lastAppend: number;
  /** Commits since the writer started, each one fsync: of the queue file, and of store batches. */
  readonly commits: { readonly queue: number; readonly store: number };
}
