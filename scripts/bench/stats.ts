// Summary statistics shared by the benchmark scripts.

export type Timing = { median: number; p95: number };

/** Median and 95th percentile (nearest rank), rounded to 0.01 ms. */
export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** Cold: every run reaches PostgreSQL (result cache emptied first); warm: answered by the result cache. */
export type WidgetResult = { widget: string; filter: "all" | "company"; median: number; p95: number; rows: number; warmMedian?: number; warmP95?: number; samples?: number };
