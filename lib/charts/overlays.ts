// The numeric series an analyst can lay over the timeline, each a metric family bucketed in SQL.
import type { BucketSize } from "@/lib/facts/queries";
import type { MetricFamily } from "@/lib/metrics/registry";

export const TIMELINE_OVERLAYS = {
  orders: { label: "Chips ordered per quarter", family: "chips_ordered", bucket: "quarter" },
  penalties: { label: "Penalties per year", family: "penalty", bucket: "year" },
  charges: { label: "Charges per quarter", family: "charge", bucket: "quarter" },
} as const satisfies Record<string, { label: string; family: MetricFamily; bucket: BucketSize }>;

export type TimelineOverlay = keyof typeof TIMELINE_OVERLAYS;

export function parseOverlay(value: string | undefined): TimelineOverlay | null {
  return value && Object.hasOwn(TIMELINE_OVERLAYS, value) ? (value as TimelineOverlay) : null;
}
