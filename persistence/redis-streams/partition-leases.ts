import type { RedisClient } from '../redis/redis-client.js';
import { replyNumber } from '../redis/redis-script.js';
import type { StreamKeys } from './stream-keys.js';
import { REGISTER, RELEASE, RENEW } from './stream-scripts.js';

/** Options of {@link PartitionLeases}. */
export interface PartitionLeasesOptions {
  readonly keys: StreamKeys;
  readonly partitions: number;
  /** This writer's name (unique per process). */
  readonly writer: string;
  /** A lease not renewed for this long lapses, and another writer takes the partition. */
  readonly leaseMs: number;
  /** Starts writing a partition this writer just took. */
  readonly onAcquired: (partition: number) => void;
  /** Hears a lease lost or given up: the partition's writer must stop before its next acknowledgement. */
  readonly onLost: (partition: number) => void;
  readonly onError: (error: Error) => void;
  readonly now?: () => number;
}

/**
 * Which partitions of the write-behind log this writer owns. Each partition has one owner at a
 * time, held by a lease in Redis that the owner renews every third of its length; a writer that
 * dies stops renewing, and within one lease another writer takes the partition.
 *
 * Writers register themselves, so each aims for its fair share (`ceil(partitions / writers)`):
 * a new writer takes free partitions, and one holding more than its share gives one back per
 * round (after its current batch), so work spreads over the cluster.
 *
 * Guarantees: `owns(p)` is true only while this writer's lease is known to be valid (with a
 * margin of a third of the lease); a writer's acknowledgements are also fenced by the lease in
 * Redis, so a writer that lost its partition cannot acknowledge what the new owner will write.
 */
export class PartitionLeases {
  private readonly owned = new Map<number, number>();
  private readonly now: () => number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: RedisClient,
    private readonly o: PartitionLeasesOptions,
  ) {
    this.now = o.now ?? Date.now;
  }

  start(): void {
    this.schedule(0);
  }

  /** Whether this writer holds `partition` with a safe margin. */
  owns(partition: number): boolean {
    const validUntil = this.owned.get(partition);
    return validUntil !== undefined && this.now() < validUntil;
  }

  /** How many partitions this writer owns. */
  count(): number {
    return this.owned.size;
  }

  /** Gives `partition` back at once (the lease in Redis is deleted only if it is still this writer's). */
  async release(partition: number): Promise<void> {
    this.owned.delete(partition);
    await RELEASE.run(this.redis, [this.o.keys.owner(partition)], [this.o.writer]).catch((error: unknown) => this.report(error));
  }

  /** Stops taking partitions and gives back every lease held. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    await Promise.all([...this.owned.keys()].map((p) => this.release(p)));
    await this.redis.zrem(this.o.keys.writers, this.o.writer).catch((error: unknown) => this.report(error));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runRound().catch((error: unknown) => this.report(error));
      void this.round.finally(() => this.schedule(Math.max(50, Math.floor(this.o.leaseMs / 3))));
    }, delayMs);
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    const { keys, leaseMs, writer, partitions } = this.o;
    const started = this.now();
    const writers = replyNumber(await REGISTER.run(this.redis, [keys.writers], [writer, leaseMs * 2]), REGISTER.name);
    const renewals = await Promise.all([...this.owned.keys()].map(async (p) => [p, await RENEW.run(this.redis, [keys.owner(p)], [writer, leaseMs])] as const));
    for (const [p, renewed] of renewals) {
      if (this.stopped || !this.owned.has(p)) continue;
      if (renewed === 1) this.owned.set(p, started + leaseMs - Math.floor(leaseMs / 3));
      else this.lose(p);
    }
    if (this.stopped) return;
    const share = Math.ceil(partitions / Math.max(1, writers));
    if (this.owned.size > share) {
      // One per round, so two writers that both see themselves over their share cannot drop everything at once.
      const extra = Math.max(...this.owned.keys());
      this.lose(extra);
      await this.release(extra);
      return;
    }
    for (const p of this.rotation()) {
      if (this.owned.size >= share || this.stopped) break;
      if (this.owned.has(p)) continue;
      const taken = await this.redis.set(keys.owner(p), writer, 'PX', leaseMs, 'NX');
      if (taken !== 'OK' || this.stopped) continue;
      this.owned.set(p, started + leaseMs - Math.floor(leaseMs / 3));
      this.o.onAcquired(p);
    }
  }

  private lose(partition: number): void {
    this.owned.delete(partition);
    this.o.onLost(partition);
  }

  /** The partitions in an order that starts at a point of this writer's own, so writers try different ones first. */
  private rotation(): number[] {
    let start = 0;
    for (const ch of this.o.writer) start = (start * 31 + ch.charCodeAt(0)) % this.o.partitions;
    return Array.from({ length: this.o.partitions }, (_, i) => (start + i) % this.o.partitions);
  }

  private report(error: unknown): void {
    this.o.onError(error instanceof Error ? error : new Error(String(error)));
  }
}
