import { Emitter, type Unsubscribe } from '../emitter.js';
import type { Logger } from '../logger.js';
import { type ClockEstimate, ClockEstimator } from './clock-estimator.js';

/** One `time:sync` exchange: resolves with the server's clock. Injected so tests can shape delays. */
export type TimeExchange = () => Promise<number>;

/** What a {@link ServerClock} is built from. */
export interface ServerClockOptions {
  readonly exchange: TimeExchange;
  /** This device's clock. Default `Date.now`. */
  readonly localNow?: () => number;
  /** Exchanges per sync. Default 16. */
  readonly samplesPerSync?: number;
  /** Re-sync this often while connected. Default 60 s. */
  readonly resyncMs?: number;
  readonly logger?: Logger;
}

/** What the clock reports. */
export interface ServerClockEvents {
  /** A sync finished with this estimate. */
  synced: [estimate: ClockEstimate];
}

/**
 * The server's clock as seen from this device, from NTP-style `time:sync` exchanges. Every device
 * of every participant converts the same server times (a group hug's `startsAt`) with its own
 * offset, so their animations line up.
 *
 * @example
 * ```ts
 * await client.clock.whenSynced();
 * const msToStart = hug.timeline.startsAt - client.clock.now();
 * console.info(`offset ${client.clock.offset} ms ± ${client.clock.uncertaintyMs} ms`);
 * ```
 */
export class ServerClock {
  private readonly estimator = new ClockEstimator();
  private readonly localNow: () => number;
  private readonly events: Emitter<ServerClockEvents>;
  private current: ClockEstimate | null = null;
  private running: Promise<ClockEstimate | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** @internal */
  constructor(private readonly options: ServerClockOptions) {
    this.localNow = options.localNow ?? Date.now;
    this.events = new Emitter((error) => options.logger?.error('a clock listener threw', { error }));
  }

  /**
   * Server time now (epoch ms): local time plus the estimated offset (plain local time before the
   * first sync).
   * @example
   * ```ts
   * const progress = timeline.progress(client.clock.now());
   * ```
   */
  now(): number {
    return this.localNow() + this.offset;
  }

  /**
   * Milliseconds to add to this device's clock to get server time.
   * @example
   * ```ts
   * const serverTime = Date.now() + client.clock.offset;
   * ```
   */
  get offset(): number {
    return this.current?.offset ?? 0;
  }

  /**
   * The hard bound on the offset's error (half the fastest round trip), `Infinity` before the first
   * sync. The typical error is much smaller (see README, clock sync).
   * @example
   * ```ts
   * if (client.clock.uncertaintyMs > 250) showSyncWarning();
   * ```
   */
  get uncertaintyMs(): number {
    return this.current?.uncertaintyMs ?? Infinity;
  }

  /**
   * Whether at least one sync has finished.
   * @example
   * ```ts
   * if (!client.clock.synced) await client.clock.whenSynced();
   * ```
   */
  get synced(): boolean {
    return this.current !== null;
  }

  /**
   * Calls `listener` after every sync.
   * @example
   * ```ts
   * client.clock.onSynced(({ offset }) => console.info('clock offset', offset));
   * ```
   */
  onSynced(listener: (estimate: ClockEstimate) => void): Unsubscribe {
    return this.events.on('synced', listener);
  }

  /**
   * Resolves once the clock has synced at least once (at once if it has).
   * @example
   * ```ts
   * await client.clock.whenSynced();
   * ```
   */
  whenSynced(): Promise<void> {
    if (this.current) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onSynced(() => {
        off();
        resolve();
      });
    });
  }

  /**
   * Runs one sync now: `samplesPerSync` exchanges one after the other, folded into the estimate.
   * Concurrent calls share one run. Exchanges that fail are skipped.
   * @example
   * ```ts
   * const estimate = await client.clock.sync();
   * ```
   */
  sync(): Promise<ClockEstimate | null> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** @internal Syncs now and then every `resyncMs` until {@link stop}. */
  start(): void {
    this.stop();
    void this.sync();
    this.timer = setInterval(() => void this.sync(), this.options.resyncMs ?? 60_000);
    (this.timer as { unref?: () => void }).unref?.();
  }

  /** @internal */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async run(): Promise<ClockEstimate | null> {
    const n = this.options.samplesPerSync ?? 16;
    let failures = 0;
    for (let i = 0; i < n; i += 1) {
      const sentAt = this.localNow();
      try {
        const serverTime = await this.options.exchange();
        this.estimator.add({ sentAt, serverTime, receivedAt: this.localNow() });
      } catch (error) {
        failures += 1;
        if (failures === 3) {
          this.options.logger?.warn('clock sync: exchanges keep failing; keeping the last estimate', { error });
          break;
        }
      }
    }
    const estimate = this.estimator.estimate(this.localNow());
    if (estimate) {
      this.current = estimate;
      this.events.emit('synced', estimate);
    }
    return estimate;
  }
}
