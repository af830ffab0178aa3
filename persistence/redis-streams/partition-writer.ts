import type { RedisClient } from '../redis/redis-client.js';
import type { RedisDeadLetters } from '../redis/redis-dead-letters.js';
import { forgetArguments, mergeForgets, type PendingChange } from '../redis/pending-keys.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import { replyArray, replyNumber } from '../redis/redis-script.js';
import { asError } from '../write-behind/operation-body.js';
import { type LoggedOperation, runRetryingBatch, type RetryingBatchOptions } from '../write-behind/retrying-batch.js';
import type { BatchApplier, DeadLetter } from '../write-behind/write-queue.js';
import { compareStreamIds, type StreamKeys, streamIdTime } from './stream-keys.js';
import { ACKNOWLEDGE, READ } from './stream-scripts.js';

/** What one {@link PartitionWriter} works with. */
export interface PartitionWriterDeps {
  readonly partition: number;
  readonly keys: StreamKeys;
  readonly group: string;
  /** This writer's consumer name (its lease value). */
  readonly writer: string;
  /** For reads, claims and acknowledgements (all fenced by the lease). */
  readonly redis: RedisClient;
  /** A connection of this partition's own: it blocks waiting for new entries (and takes none). */
  readonly reader: RedisClient;
  readonly deadLetters: RedisDeadLetters;
  readonly apply: BatchApplier;
  readonly maxBatch: number;
  /** How long one blocking read waits for new entries. */
  readonly blockMs: number;
  /**
   * When a read brings fewer than `maxBatch` entries, how long to let more gather before writing:
   * the writer is off the acknowledgement path (commands are answered once their entries are
   * appended, and reads see them as pending), so waiting costs no client anything, makes batches
   * bigger and every per-batch call rarer, and lets a receipt find its hug still pending.
   */
  readonly lingerMs: number;
  /** The pending-write changes that forget a written batch, made in a later acknowledging call. */
  readonly forget?: (written: readonly WriteOperation[]) => readonly PendingChange[];
  /**
   * How long written operations stay pending at least before they are forgotten: a receipt that
   * comes within this finds its hug in its own step instead of asking the store. They are
   * forgotten together once the oldest has waited twice this (so each stays between once and twice
   * this): one command per pending key for all of them.
   */
  readonly forgetAfterMs: number;
  /**
   * Removes what this partition's pending keys hold past their TTL (what a writer that died could
   * not forget). Called before each read; it sweeps only when due (its owner keeps the time per
   * partition, so a writer that restarts does not sweep again).
   */
  readonly sweep?: (redis: RedisClient, partition: number) => Promise<unknown>;
  readonly now: () => number;
  readonly retry: Omit<RetryingBatchOptions, 'abandoned'>;
  /** Whether this writer still holds the partition's lease. */
  readonly owns: () => boolean;
  /** Hears a batch written and acknowledged. */
  readonly onWritten: (written: number, dead: readonly DeadLetter[]) => void;
  readonly onError: (error: Error) => void;
}

type Entry = readonly [id: string, fields: readonly string[] | null];

/**
 * Writes one partition of the log to the store while this writer owns it. First it claims what a
 * previous owner read but never acknowledged (`XAUTOCLAIM`) and writes that, oldest first; then it
 * reads new entries in batches (`XREADGROUP`), waiting on a plain `XREAD` while idle. Every claim
 * and read is one script fenced by the lease, so entries reach only the owner's pending list: a
 * writer that lost its lease (a stall, a Redis outage) cannot take entries that the new owner,
 * which claims once when it starts, would never write. Each batch is written with
 * retries inside it ({@link runRetryingBatch}), so the partition waits for a failing operation and
 * per-key order holds, then acknowledged and deleted in one fenced step.
 */
export class PartitionWriter {
  private stopped = false;
  /** Written batches' pending writes, oldest first, each forgotten `forgetAfterMs` after it was written. */
  private forgets: { readonly at: number; readonly changes: readonly PendingChange[] }[] = [];
  private readonly done: Promise<'stopped' | 'lost'>;
  /** The newest entry id this writer has read or been woken by: it waits for entries after it. */
  private seen = '0-0';

  constructor(private readonly d: PartitionWriterDeps) {
    this.done = this.run()
      .then(() => this.forgetRest())
      .catch((error: unknown) => this.d.onError(asError(error)))
      .then(() => (this.stopped ? 'stopped' : 'lost'))
      .finally(() => this.d.reader.disconnect(false));
  }

  /** Stops after the batch being written (if any); resolves once stopped. */
  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      // Ends a blocking read at once; a batch being written still finishes and is acknowledged.
      this.d.reader.disconnect(false);
    }
    await this.done;
  }

  /**
   * Resolves once the writer has ended: `stopped` when {@link stop} was called, `lost` when it found
   * the partition no longer its own (its lease lapsed, or an acknowledgement was fenced off).
   */
  finished(): Promise<'stopped' | 'lost'> {
    return this.done;
  }

  private active(): boolean {
    return !this.stopped && this.d.owns();
  }

  private async run(): Promise<void> {
    let backlog = true;
    /** Whether the last read filled a batch (the writer is behind: it reads again at once). */
    let full = false;
    while (this.active()) {
      try {
        await this.d.sweep?.(this.d.redis, this.d.partition);
        if (!backlog && !full && this.d.lingerMs > 0) {
          // Let a batch fill before reading it: the store write is off every client's path.
          await sleep(this.d.lingerMs);
          if (!this.active()) return;
        }
        // The backlog: what earlier owners (and this writer, before an error) read but never acknowledged.
        const entries = await this.read(backlog ? '0' : '>', this.d.maxBatch, backlog);
        if (entries === null) return;
        full = entries.length >= this.d.maxBatch;
        if (entries.length === 0) {
          if (backlog) {
            backlog = false;
            full = true;
            continue;
          }
          if (this.dueForgets(false).length > 0 && !(await this.acknowledge([]))) return;
          await this.waitForEntries();
          continue;
        }
        if (!(await this.write(entries))) return;
      } catch (error) {
        if (!this.active()) return;
        const err = asError(error);
        if (err.message.includes('NOGROUP')) await this.createGroup();
        else {
          this.d.onError(err);
          await sleep(200);
        }
        backlog = true;
      }
    }
  }

  /**
   * Reads this writer's unacknowledged entries (`0`) or new ones (`>`), having first taken over the
   * entries other consumers left (`claim`), all fenced by the lease; null once it is someone else's.
   */
  private async read(from: '0' | '>', max: number, claim = false): Promise<Entry[] | null> {
    const reply = replyArray(await READ.run(this.d.redis, [this.log, this.d.keys.owner(this.d.partition)], [this.d.group, this.d.writer, max, from, claim ? 1 : 0]), READ.name);
    if (replyNumber(reply[0], READ.name) !== 1) return null;
    const entries = (reply[1] ?? []) as Entry[];
    const last = entries.at(-1);
    if (last && compareStreamIds(last[0], this.seen) > 0) this.seen = last[0];
    return entries;
  }

  /**
   * Waits (up to `blockMs`) for entries newer than any this writer has seen. A plain `XREAD` on
   * its own connection: waking up takes nothing, so a writer that lost its lease while waiting
   * cannot take entries the new owner will never see; the fenced read that follows does.
   */
  private async waitForEntries(): Promise<void> {
    // Checked right before the call: once stop() has closed the reader, a command sent on it would never settle.
    if (this.stopped) return;
    const reply = (await this.d.reader.xread('COUNT', 100, 'BLOCK', this.d.blockMs, 'STREAMS', this.log, this.seen)) as [string, Entry[]][] | null;
    const last = reply?.[0]?.[1].at(-1);
    if (last && compareStreamIds(last[0], this.seen) > 0) this.seen = last[0];
  }

  /** Writes one batch and acknowledges it; false once the partition is no longer this writer's. */
  private async write(entries: readonly Entry[]): Promise<boolean> {
    const logged: LoggedOperation[] = [];
    for (const [id, fields] of entries) {
      // An entry deleted from the stream while still unacknowledged (by an operator) has no fields.
      const body = fields ? bodyOf(fields) : undefined;
      if (body !== undefined) logged.push({ id, body, enqueuedAt: streamIdTime(id) });
    }
    const outcome = await runRetryingBatch(logged, this.d.apply, { ...this.d.retry, abandoned: () => !this.active() });
    if (!outcome.done) return false;
    await this.d.deadLetters.add(outcome.dead);
    const forget = this.d.forget?.(outcome.written) ?? [];
    if (forget.length > 0) this.forgets.push({ at: this.d.now(), changes: forget });
    if (!(await this.acknowledge(entries.map(([id]) => id)))) return false;
    this.d.onWritten(logged.length - outcome.dead.length, outcome.dead);
    return true;
  }

  /** Acknowledges and deletes `ids`, forgetting the pending writes that are due, in one fenced call; false when the lease is gone. */
  private async acknowledge(ids: readonly string[]): Promise<boolean> {
    const due = mergeForgets(this.dueForgets(true));
    const acknowledged = replyNumber(
      await ACKNOWLEDGE.run(
        this.d.redis,
        [this.log, this.d.keys.owner(this.d.partition), ...due.map((f) => f.key)],
        [this.d.group, this.d.writer, ids.length, ...ids, ...forgetArguments(due)],
      ),
      ACKNOWLEDGE.name,
    );
    return acknowledged >= 0;
  }

  /** On the way out, forgets what is still waiting (the store has it), while the lease is still this writer's. */
  private async forgetRest(): Promise<void> {
    if (this.forgets.length === 0 || !this.d.owns()) return;
    this.forgets = this.forgets.map((f) => ({ ...f, at: Number.NEGATIVE_INFINITY }));
    await this.acknowledge([]);
  }

  /** The pending-write changes old enough to forget (none until the oldest has waited twice the delay); `take` removes them from the list. */
  private dueForgets(take: boolean): PendingChange[] {
    const before = this.d.now() - this.d.forgetAfterMs;
    const oldest = this.forgets[0];
    if (!oldest || oldest.at > before - this.d.forgetAfterMs) return [];
    const due = this.forgets.filter((f) => f.at <= before);
    if (take && due.length > 0) this.forgets = this.forgets.slice(due.length);
    return due.flatMap((f) => f.changes);
  }

  private async createGroup(): Promise<void> {
    await createWritersGroup(this.d.redis, this.log, this.d.group);
  }

  private get log(): string {
    return this.d.keys.log(this.d.partition);
  }
}

/**
 * An entry's operation: field `o`, with the inbox cursor of field `c` set in it when a command
 * step assigned one (the step appends the body before it knows the cursor).
 */
function bodyOf(fields: readonly string[]): string | undefined {
  let body: string | undefined;
  let cursor: string | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'o') body = fields[i + 1];
    else if (fields[i] === 'c') cursor = fields[i + 1];
  }
  if (body === undefined || cursor === undefined) return body;
  try {
    const op = JSON.parse(body) as { entry?: { cursor?: number } };
    if (op.entry) op.entry.cursor = Number(cursor);
    return JSON.stringify(op);
  } catch {
    return body;
  }
}

/** Creates the writers' group on a partition's stream (and the stream), unless it exists. */
export async function createWritersGroup(redis: RedisClient, log: string, group: string): Promise<void> {
  try {
    await redis.xgroup('CREATE', log, group, '0', 'MKSTREAM');
  } catch (error) {
    if (!asError(error).message.startsWith('BUSYGROUP')) throw error;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
