import { type BackoffOptions, fullJitterDelay } from '../connection/backoff.js';
import type { ConnectionState } from '../connection/connection-state.js';
import type { Emitter } from '../emitter.js';
import { ClientClosedError, HugMoodError, TimeoutError, UnavailableError } from '../errors.js';
import type { StoredSend } from '../storage/persisted-state.js';

/** Limits of the {@link Outbox}. */
export interface OutboxOptions {
  /** Most sends waiting or in flight at once; more are refused at once with `unavailable`. */
  readonly maxPending: number;
  /** How long a send may wait for a connection, in all. */
  readonly maxWaitMs: number;
  /** Attempts per send before its last temporary error is returned. */
  readonly maxAttempts: number;
  readonly backoff: BackoffOptions;
  readonly random?: () => number;
  /** Called with the sends still to go, as data, whenever that list changes: persist them to resume after a restart. */
  readonly onChange?: (sends: readonly StoredSend[]) => void;
}

/** A send described as data: what the outbox persists and replays. */
export interface QueuedSend {
  readonly name: string;
  readonly payload: unknown;
}

/** What the outbox needs of the connection: its state, and word when it changes. */
export interface OutboxConnection {
  readonly state: ConnectionState;
  readonly closedBy: HugMoodError | null;
  readonly events: Pick<Emitter<{ state: [state: ConnectionState, previous: ConnectionState] }>, 'on'>;
}

/**
 * Whether a failed attempt uses up one of a send's `maxAttempts`. An answer that the same
 * `clientId` is still being handled (`unavailable`, reason `in_progress`: a retry that overtook the
 * first try) does not: it says to wait for that try, which the server bounds, and the send's
 * deadline bounds the wait.
 */
function countsAsAttempt(error: unknown): boolean {
  return !(error instanceof HugMoodError && error.code === 'unavailable' && error.details?.['reason'] === 'in_progress');
}

/** One send, from `run` until it settles. */
interface Entry {
  readonly attempt: () => Promise<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly deadline: number;
  /** The send as data, when it may be replayed after a restart. */
  readonly send: QueuedSend | null;
  /** Attempts that count against `maxAttempts` (see {@link countsAsAttempt}). */
  attempts: number;
  inFlight: boolean;
  /** Not to be sent again before this (epoch ms): a server's `retryAfterMs`, or backoff. */
  notBefore: number;
  lastError: unknown;
  expiry: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Carries idempotent sends (each with its `clientId`) through disconnects, in the order the app
 * made them. A send made offline waits, bounded in count and time, and goes out once connected;
 * a send that fails with a temporary error (timeout, a dropped connection, `unavailable`,
 * `rate_limited`) is retried, after the server's `retryAfterMs` or a backoff. Retrying is safe
 * because the server deduplicates by `clientId`.
 *
 * Order: sends go out in the order `run` was called, pipelined (many may be in flight at once).
 * A send that must be retried goes out again before every later send that has not gone out yet:
 * after a reconnect the sends that failed with the connection go first, then those made offline.
 * A later send already in flight when an earlier one fails is not recalled.
 */
export class Outbox {
  private readonly entries: Entry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly connection: OutboxConnection,
    private readonly options: OutboxOptions,
  ) {
    connection.events.on('state', (state) => {
      if (state === 'connected') this.pump();
      else if (state === 'closed') this.closeAll();
    });
  }

  /** Sends waiting or in flight. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Runs `attempt` until it succeeds, fails for good, or runs out of attempts or time. A `send`
   * (the same command as data) is reported to `onChange` while it waits, so that it can be
   * replayed by {@link resume} after a restart.
   */
  run<T>(attempt: () => Promise<T>, send: QueuedSend | null = null): Promise<T> {
    if (this.connection.state === 'closed') return Promise.reject(this.closedError());
    if (this.entries.length >= this.options.maxPending) {
      return Promise.reject(new UnavailableError('unavailable', `${this.entries.length} sends are already waiting; try again later`, { reason: 'offline_queue_full' }));
    }
    return this.enqueue(attempt, send, Date.now() + this.options.maxWaitMs, 'last');
  }

  /**
   * Takes back the sends a previous run of the app left waiting (see `onChange`), ahead of any
   * made since, each until its original deadline. Answers one promise per send, settled as
   * {@link run}'s would be; a send whose deadline has passed is rejected with a timeout.
   */
  resume(sends: readonly StoredSend[], attemptFor: (send: QueuedSend) => Promise<unknown>): Promise<unknown>[] {
    const now = Date.now();
    return [...sends].reverse().map((stored) => {
      const send = { name: stored.name, payload: stored.payload };
      if (stored.deadline <= now) return Promise.reject(new TimeoutError('timeout', `${stored.name}: not sent before its deadline (the app was closed)`));
      return this.enqueue(() => attemptFor(send), send, stored.deadline, 'first');
    }).reverse();
  }

  private enqueue<T>(attempt: () => Promise<T>, send: QueuedSend | null, deadline: number, at: 'first' | 'last'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        attempt,
        resolve: resolve as (value: unknown) => void,
        reject,
        deadline,
        send,
        attempts: 0,
        inFlight: false,
        notBefore: 0,
        lastError: undefined,
        expiry: undefined,
      };
      entry.expiry = setTimeout(() => this.expire(entry), Math.max(0, deadline - Date.now()));
      if (at === 'first') this.entries.unshift(entry);
      else this.entries.push(entry);
      this.changed();
      this.pump();
    });
  }

  /** Tells `onChange` which replayable sends are still to go. */
  private changed(): void {
    this.options.onChange?.(this.entries.flatMap((e) => (e.send ? [{ ...e.send, deadline: e.deadline }] : [])));
  }

  /** Sends, in order, every waiting entry that may go now; stops at the first that must wait. */
  private pump(): void {
    if (this.connection.state !== 'connected') return;
    const now = Date.now();
    for (const entry of this.entries) {
      if (entry.inFlight) continue;
      if (entry.notBefore > now) {
        // Everything after it waits too: nothing overtakes a send that is to be retried.
        this.wakeAt(entry.notBefore);
        return;
      }
      this.dispatch(entry);
    }
  }

  private dispatch(entry: Entry): void {
    entry.inFlight = true;
    entry.attempt().then(
      (value) => {
        this.settle(entry);
        entry.resolve(value);
      },
      (error: unknown) => {
        entry.inFlight = false;
        entry.lastError = error;
        if (countsAsAttempt(error)) entry.attempts += 1;
        if (this.connection.state === 'closed') {
          // Cut off by close(): it may not have reached the server, so it stays persisted for the next start.
          this.settle(entry, false);
          entry.reject(error);
          return;
        }
        const now = Date.now();
        if (!(error instanceof HugMoodError) || !error.temporary || entry.attempts >= this.options.maxAttempts || now >= entry.deadline) {
          this.settle(entry);
          entry.reject(error);
          return;
        }
        entry.notBefore = now + this.retryDelay(error, Math.max(1, entry.attempts));
        if (entry.notBefore > entry.deadline) {
          this.settle(entry);
          entry.reject(error);
          return;
        }
        this.pump();
      },
    );
  }

  /** How long a send that failed with `error` waits: the server's word, none after a dropped connection (the reconnect is the wait), else backoff. */
  private retryDelay(error: HugMoodError, attempts: number): number {
    if (error.retryAfterMs !== undefined) return error.retryAfterMs;
    if (this.connection.state !== 'connected') return 0;
    return fullJitterDelay(attempts, this.options.backoff, this.options.random);
  }

  private expire(entry: Entry): void {
    // One in flight settles by its own answer; the deadline is checked when it fails.
    if (entry.inFlight) return;
    this.settle(entry);
    entry.reject(entry.lastError ?? new TimeoutError('timeout', `not sent within its deadline (still offline)`));
    this.pump();
  }

  /** Takes a settled entry out; `report: false` when closing, so the persisted sends survive for the next start. */
  private settle(entry: Entry, report = true): void {
    clearTimeout(entry.expiry);
    const at = this.entries.indexOf(entry);
    if (at < 0) return;
    this.entries.splice(at, 1);
    if (entry.send && report) this.changed();
  }

  private wakeAt(at: number): void {
    if (at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      this.pump();
    }, Math.max(0, at - Date.now()));
  }

  private closeAll(): void {
    clearTimeout(this.timer);
    this.timerAt = Infinity;
    for (const entry of [...this.entries]) {
      if (entry.inFlight) continue;
      // A closed client's waiting sends stay persisted: the app's next start resumes them.
      this.settle(entry, false);
      entry.reject(this.closedError());
    }
  }

  private closedError(): HugMoodError {
    return this.connection.closedBy ?? new ClientClosedError('closed', 'the client is closed');
  }
}
