/**
 * Order statistics for benchmark samples. Percentiles interpolate linearly between the two
 * nearest ranks (the "R-7" definition: numpy's and Excel's default), so the 50th percentile is
 * the usual median (the mean of the two middle values of an even count).
 */

/** The samples sorted ascending, as a new Float64Array (the input is not touched). */
export function sortedSamples(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs).sort();
}

/** The p-th percentile (0 ≤ p ≤ 100) of samples already sorted ascending; NaN when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0..100, got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The p-th percentile (0 ≤ p ≤ 100) of the samples, in any order; NaN when there are none. */
export function percentile(xs: ArrayLike<number>, p: number): number {
  return percentileOfSorted(sortedSamples(xs), p);
}

/** The median (= the 50th percentile); NaN when there are no samples. */
export function median(xs: ArrayLike<number>): number {
  return percentile(xs, 50);
}

export interface Summary {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p50: number;
  p99: number;
}

/** Count, extremes, mean, median and the 50th / 99th percentiles of the samples (NaN when empty). */
export function summarize(xs: ArrayLike<number>): Summary {
  const s = sortedSamples(xs);
  let sum = 0;
  for (const x of s) sum += x;
  const p50 = percentileOfSorted(s, 50);
  return {
    count: s.length,
    min: s.length ? s[0]! : NaN,
    max: s.length ? s[s.length - 1]! : NaN,
    mean: s.length ? sum / s.length : NaN,
    median: p50,
    p50,
    p99: percentileOfSorted(s, 99),
  };
}

/** Run-to-run spread: (max − min) / median; NaN when there are no samples. */
export function spread(xs: ArrayLike<number>): number {
  const s = summarize(xs);
  return (s.max - s.min) / s.median;
}
