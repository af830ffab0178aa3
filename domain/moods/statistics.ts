/** Small, exact statistics for mood insights: means, a Welch comparison and a least-squares slope. */

/** The mean of `values` (NaN for none). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The sample variance of `values` (n − 1 in the denominator; NaN below two values). */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return sum / (values.length - 1);
}

/** The two-sided 95% critical value of Student's t with `df` degrees of freedom (Cornish–Fisher, within 0.3% from df = 3). */
export function tCritical95(df: number): number {
  const z = 1.959964;
  if (!Number.isFinite(df)) return z;
  const d = Math.max(1, df);
  return z + (z ** 3 + z) / (4 * d) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * d ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * d ** 3);
}

/** How one group's values differ from another's. */
export interface Comparison {
  /** mean(a) − mean(b). */
  readonly difference: number;
  /** The difference in pooled standard deviations (Cohen's d); null when neither group varies. */
  readonly effectSize: number | null;
  /** A 95% confidence interval on `difference` (Welch's t). */
  readonly ci95: readonly [low: number, high: number];
  readonly n: readonly [a: number, b: number];
}

/** Compares `a` with `b` (each needs two values or more). */
export function compare(a: readonly number[], b: readonly number[]): Comparison {
  const [ma, mb] = [mean(a), mean(b)];
  const [va, vb] = [variance(a), variance(b)];
  const difference = ma - mb;
  const pooled = Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
  const effectSize = pooled > 0 ? difference / pooled : null;
  const [sa, sb] = [va / a.length, vb / b.length];
  const se = Math.sqrt(sa + sb);
  // Welch–Satterthwaite degrees of freedom.
  const df = se > 0 ? (sa + sb) ** 2 / (sa ** 2 / (a.length - 1) + sb ** 2 / (b.length - 1)) : Number.POSITIVE_INFINITY;
  const half = tCritical95(df) * se;
  return { difference, effectSize, ci95: [difference - half, difference + half], n: [a.length, b.length] };
}

/** A least-squares line through points. */
export interface Slope {
  /** Change in y per unit of x. */
  readonly slope: number;
  /** Its standard error (NaN below three points). */
  readonly standardError: number;
}

/** The least-squares slope of y on x (needs two distinct x or more; NaN otherwise). */
export function slopeOf(points: readonly (readonly [x: number, y: number])[]): Slope {
  const n = points.length;
  const mx = mean(points.map((p) => p[0]));
  const my = mean(points.map((p) => p[1]));
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  }
  const slope = sxy / sxx;
  let residuals = 0;
  for (const [x, y] of points) residuals += (y - (my + slope * (x - mx))) ** 2;
  return { slope, standardError: n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) : Number.NaN };
}
