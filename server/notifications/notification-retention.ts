import type { Logger } from 'pino';
import type { NotificationRepository } from '../../persistence/store/notification-repository.js';

/** How often each node sweeps, and how many it removes per statement (the store stays responsive). */
const SWEEP_EVERY_MS = 60 * 60 * 1000;
const BATCH = 1000;
const DAY_MS = 24 * 3600 * 1000;

/** What {@link NotificationRetention} is built from. */
export interface NotificationRetentionDeps {
  readonly notifications: NotificationRepository;
  /** Notifications are kept this many days. */
  readonly days: number;
  readonly log: Logger;
  readonly now?: () => number;
}

/**
 * Removes notifications past retention: at start and every hour, in bounded batches until none is
 * left. Every node sweeps; removal by age is idempotent, so nodes sweeping at once only share the work.
 */
export class NotificationRetention {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly deps: NotificationRetentionDeps) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
    void this.sweep();
  }

  /** No sweep starts after this; one running ends after its current batch. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sweep (a sweep already running is joined): how many were removed. */
  sweep(): Promise<number> {
    this.running ??= this.sweepNow().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sweepNow(): Promise<number> {
    const before = (this.deps.now ?? Date.now)() - this.deps.days * DAY_MS;
    let removed = 0;
    try {
      for (let n = BATCH; n === BATCH && !this.stopped; removed += n) n = await this.deps.notifications.removeOlderThan(before, BATCH);
      if (removed > 0) this.deps.log.info({ removed, days: this.deps.days }, 'old notifications removed');
    } catch (error) {
      this.deps.log.warn({ err: error }, 'notification retention sweep failed; the next one retries');
    }
    return removed;
  }
}
