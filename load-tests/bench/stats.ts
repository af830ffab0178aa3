/** Latency percentiles of one run, in ms. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of `samples`. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? Number.NaN };
}

/** `ours / baseline`, rounded to two decimals (NaN when the baseline is 0). */
export function ratio(ours: number, baseline: number): number {
  return baseline === 0 ? Number.NaN : Math.round((ours / baseline) * 100) / 100;
}
