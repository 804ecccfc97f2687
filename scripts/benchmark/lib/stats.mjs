// Median and 95th percentile of a run's samples.

/** The sample at quantile q by the nearest-rank method: with fewer than 20
 * samples the 95th percentile is the largest, which is the honest reading. */
export function quantile(samples, q) {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

export function median(samples) {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { median, p95, n, samples } with samples rounded to 0.1 ms. */
export function summarise(samples) {
  const rounded = samples.map((s) => Math.round(s * 10) / 10);
  return { median: median(rounded), p95: quantile(rounded, 0.95), n: rounded.length, samples: rounded };
}

/** a ÷ b, or null when either is missing. */
export function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : a / b;
}
