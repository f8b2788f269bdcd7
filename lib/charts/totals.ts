// Pure mapper: per-company totals (SQL) → bars where a range draws as a lighter extension and a
// lower bound is labelled "≥" — the chart never reads more precise than its sources.
import type { CompanyTotal } from "@/lib/facts/queries";
import { formatQuantity } from "@/lib/metrics/format";

export type TotalBar = { name: string; slug: string | null; min: number; extra: number; label: string; events: number; lowerBound: boolean };

export function toTotalBars(totals: CompanyTotal[]): TotalBar[] {
  return totals.map((total) => ({
    name: total.name,
    slug: total.slug,
    min: total.total.value,
    extra: (total.total.valueMax ?? total.total.value) - total.total.value,
    label: formatQuantity(total.total),
    events: total.events,
    lowerBound: total.total.bound === "at_least",
  }));
}
