/** One `time:sync` exchange, on this device's clock except `serverTime`. */
export interface ClockSample {
  /** Local time the request left. */
  readonly sentAt: number;
  /** The server's clock when it answered. */
  readonly serverTime: number;
  /** Local time the answer arrived. */
  readonly receivedAt: number;
}

/** What the estimator concludes. */
export interface ClockEstimate {
  /** Add to local time to get server time (ms). */
  readonly offset: number;
  /**
   * The hard bound on the offset's error (ms): half the best round trip the samples allow. The
   * real error is far smaller when the fastest trips out and back take about as long, which is
   * NTP's assumption; a constant path asymmetry is invisible to any estimate of this kind.
   */
  readonly uncertaintyMs: number;
  /** How many samples it rests on. */
  readonly samples: number;
}

/** How many samples the estimate keeps, and for how long (clocks drift). */
export interface ClockEstimatorOptions {
  readonly maxSamples: number;
  readonly maxAgeMs: number;
}

const DEFAULTS: ClockEstimatorOptions = { maxSamples: 64, maxAgeMs: 10 * 60_000 };

/**
 * An NTP-style offset estimate that keeps the fastest trips: instead of the one sample with the
 * lowest round trip, it takes the fastest trip *out* and the fastest trip *back* over all recent
 * samples, each filtered on its own. Jitter only ever adds delay, so each minimum converges on its
 * path's floor, and their difference on the offset, even when the two directions jitter
 * independently. With 16 exchanges under 50 ± 20 ms of jitter per direction the error stays
 * within about 3 ms at p95 (see the estimator's tests).
 */
export class ClockEstimator {
  private samples: ClockSample[] = [];
  private readonly options: ClockEstimatorOptions;

  constructor(options: Partial<ClockEstimatorOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Adds one exchange; samples with a negative round trip (a local clock jump) are dropped. */
  add(sample: ClockSample): void {
    if (sample.receivedAt < sample.sentAt) return;
    this.samples.push(sample);
    if (this.samples.length > this.options.maxSamples) this.samples.splice(0, this.samples.length - this.options.maxSamples);
  }

  /** Forgets every sample (the local clock jumped, or the server changed). */
  reset(): void {
    this.samples = [];
  }

  /** The estimate from the samples no older than `maxAgeMs` before `localNow`, or `null` without any. */
  estimate(localNow: number): ClockEstimate | null {
    this.samples = this.samples.filter((s) => localNow - s.receivedAt <= this.options.maxAgeMs && s.sentAt <= localNow);
    if (this.samples.length === 0) return null;
    // out = oneWayOut + offset, back = oneWayBack - offset: their minima sit at each path's floor.
    let out = Infinity;
    let back = Infinity;
    for (const s of this.samples) {
      out = Math.min(out, s.serverTime - s.sentAt);
      back = Math.min(back, s.receivedAt - s.serverTime);
    }
    return { offset: (out - back) / 2, uncertaintyMs: Math.max(0, (out + back) / 2), samples: this.samples.length };
  }
}
