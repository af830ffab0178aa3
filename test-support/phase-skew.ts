/** One page's reading of a timeline: wall-clock time (ms, this machine) and the phase `t` (0..1). */
export type PhaseSample = readonly [wallMs: number, t: number];

/** The phase of `samples` (sorted by time) at `wallMs`, linearly interpolated; null outside them. */
function phaseAt(samples: readonly PhaseSample[], wallMs: number): number | null {
  let lo = 0;
  let hi = samples.length - 1;
  const first = samples[lo];
  const last = samples[hi];
  if (!first || !last || wallMs < first[0] || wallMs > last[0]) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid]?.[0] ?? 0) <= wallMs) lo = mid;
    else hi = mid;
  }
  const [t0, p0] = samples[lo] ?? first;
  const [t1, p1] = samples[hi] ?? last;
  return t1 === t0 ? p0 : p0 + ((p1 - p0) * (wallMs - t0)) / (t1 - t0);
}

/**
 * How far apart two pages show the same timeline: for each sample of `a` inside `b`'s span (and
 * strictly inside the live part, 0 < t < 1, where the phase moves), `b`'s phase at that same
 * instant, the difference turned into milliseconds of the timeline. Both pages run on one machine,
 * so their wall clocks are the same clock: what differs is only each page's estimate of the
 * server clock. Answers the absolute skews, in ms.
 */
export function phaseSkews(a: readonly PhaseSample[], b: readonly PhaseSample[], durationMs: number): number[] {
  const sortedB = [...b].sort((x, y) => x[0] - y[0]);
  const skews: number[] = [];
  for (const [wallMs, t] of a) {
    if (t <= 0 || t >= 1) continue;
    const other = phaseAt(sortedB, wallMs);
    if (other === null || other <= 0 || other >= 1) continue;
    skews.push(Math.abs(t - other) * durationMs);
  }
  return skews;
}

/** The `q` quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
