import type { WriteOperation } from '../../persistence/write-behind/write-operation.js';
import type { Claim } from '../idempotency/idempotency-keys.js';

/** A token bucket a step charges: `rule` applied to bucket `key` (a user id). */
export interface StepCharge {
  readonly key: string;
  readonly rule: { readonly name: string; readonly capacity: number; readonly refillPerSecond: number };
}

/**
 * What one command needs done atomically in one user's state (in a cluster: one Redis script in
 * that user's hash slot). Every part is optional; they run in this order, and the first refusal
 * ends the step:
 * 1. `claim`: if the idempotency key is taken, the step stops and reports it (nothing is charged).
 * 2. `charges`: each bucket in turn; a refused one stops the step (earlier ones stay spent).
 * 3. `claim` is taken (it lives `ttlMs`, until released).
 * 4. `append`: unless its `once` marker exists (or its operation is pending already), reserves the user's next inbox cursors (one
 *    per `inbox.append`, whose cursor is then set), queues the operations durably on
 *    the user's partition of the write-behind log and records them as pending (read-your-writes),
 *    all at once: a cursor is never visible without its entry. A marker that exists makes the
 *    step a replay: nothing is appended and the first append's cursor and `online` come back.
 */
export interface CommandStep {
  /** Whose state the step runs in (the user whose inbox, buckets and keys it touches). */
  readonly userId: string;
  readonly claim?: { readonly key: string; readonly fingerprint: string; readonly ttlMs: number };
  readonly charges?: readonly StepCharge[];
  readonly append?: StepAppend;
}

/** The durable part of a step. */
export interface StepAppend {
  /**
   * Queued in order. Inbox entries (`inbox.append`) are the step's user's only; the step gives them
   * consecutive cursors in order.
   */
  readonly operations: readonly WriteOperation[];
  /**
   * Makes the append happen once: for this key (kept `ttlMs`), or (`'while-pending'`, for an append
   * whose first operation is on a hug: its creation, receipt or read) while that operation is
   * pending: a step that finds it (by id) among the hug's pending writes replays instead of
   * appending (with no cursor, and `online` as it is now). That costs no marker of its own. Past
   * that the store has the operation, so a caller looks there first; a written operation stays
   * pending a second more (`WRITTEN_STAYS_PENDING_MS`), which covers the time between that look and
   * the step.
   */
  readonly once?: { readonly key: string; readonly ttlMs: number } | 'while-pending';
  /**
   * The hug this append concerns, read from the pending writes in the same step (before anything is
   * charged or claimed): a hug pending to another user stops the step (`hug-of-another`), a hug not
   * pending stops it too (`hug-not-pending`: it is in the store, or unknown, or, where each user's
   * state holds only the hugs sent to them, someone else's), and a pending one is reported with the
   * outcome.
   */
  readonly hugId?: string;
  /** Report whether the step's user has a live device (`online`), read in the same step. */
  readonly reportOnline?: boolean;
  /**
   * Writes that can wait (a hug, a read) are refused with `unavailable` while the log is past its
   * lag bound; others (`false`) are always taken.
   */
  readonly deferrable?: boolean;
}

/** What a step did. */
export type StepOutcome =
  /** The claim was taken before: nothing else ran. */
  | { readonly kind: 'claimed-before'; readonly claim: Extract<Claim, { fresh: false }> }
  /** A charge was refused: nothing after it ran. */
  | { readonly kind: 'rate-limited'; readonly rule: string; readonly retryAfterMs: number }
  /**
   * The step ran: `cursor` is the inbox cursor of the append's first entry (the next entries have
   * the next cursors; on a replay, the first append's; null without an inbox entry), `replayed` whether the `once` marker existed, `online` whether
   * the user had a live device (false unless asked).
   */
  | { readonly kind: 'done'; readonly cursor: number | null; readonly replayed: boolean; readonly online: boolean; readonly hug?: PendingHug }
  /** The append's hug (`hugId`) is pending, to another user: nothing ran. */
  | { readonly kind: 'hug-of-another' }
  /** The append's hug (`hugId`) is not pending: nothing ran; look in the store. */
  | { readonly kind: 'hug-not-pending' };

/** The parties of a pending hug, as a step reads them. */
export interface PendingHug {
  readonly from: string;
  readonly to: string;
  readonly sentAt: number;
}

/**
 * Runs {@link CommandStep}s: the one place a command's hot state changes. A memory
 * implementation serves one node (atomic because one process runs it, one step per user at a
 * time); the Redis one serves a cluster with one script call per step, so a command costs one
 * round trip per user it touches.
 *
 * Guarantees: a step is atomic; for one user, appends are queued, recorded pending and given
 * cursors in the same order, so a sync never sees a later cursor while an earlier one is missing;
 * a step resolves only once its append is durable (as the write-behind log states).
 */
export interface CommandSteps {
  run(step: CommandStep): Promise<StepOutcome>;
  /** Forgets a claim whose command was refused before anything became durable, so a retry runs afresh. */
  release(userId: string, claimKey: string): Promise<void>;
}
