/** Latency summaries: nearest-rank percentiles over a list of milliseconds. */

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return 0;
    const rank = Math.ceil((p / 100) * sorted.length);
    return Math.round(sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!);
  };
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: at(100) };
}

/** Counts occurrences: `tally(counts, '200')`. */
export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** The entry under `key`, made first if missing: `entry(latencies, region, () => [])`. */
export function entry<T>(map: Record<string, T>, key: string, make: () => T): T {
  let value = map[key];
  if (value === undefined) {
    value = make();
    map[key] = value;
  }
  return value;
}
