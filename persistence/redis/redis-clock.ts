import type { RedisClient } from './redis-client.js';

/**
 * This process's estimate of the Redis server's clock, so scripts that need Redis time (token
 * buckets) can be given it instead of each running a `TIME`: one `TIME` every `everyMs` sets the
 * offset to our clock, taken at the middle of its round trip (an error of at most half of it). A
 * sample whose round trip took longer than `maxRoundTripMs` is not trusted; until a sample is in,
 * {@link now} is null and callers let the script read the time itself.
 */
export class RedisClock {
  private offsetMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: Pick<RedisClient, 'time'>,
    private readonly everyMs = 5000,
    private readonly maxRoundTripMs = 20,
    private readonly local: () => number = () => performance.timeOrigin + performance.now(),
  ) {}

  /** Samples now and then every `everyMs` until {@link stop}; resolves after the first sample (failed or not). */
  async start(): Promise<void> {
    await this.sample();
    this.timer ??= setInterval(() => void this.sample(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The Redis clock now (ms), or null before the first trusted sample. */
  now(): number | null {
    return this.offsetMs === null ? null : Math.round(this.local() + this.offsetMs);
  }

  private async sample(): Promise<void> {
    try {
      const sent = this.local();
      const [seconds, micros] = await this.redis.time();
      const received = this.local();
      if (received - sent > this.maxRoundTripMs) return;
      this.offsetMs = Number(seconds) * 1000 + Number(micros) / 1000 - (sent + received) / 2;
    } catch {
      // Redis is down: the last offset stands (clocks drift slowly), or the scripts read TIME.
    }
  }
}
