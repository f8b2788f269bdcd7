// Pure mapper: per-company totals (SQL) → bars where a range draws as a lighter extension and a
// lower bound is labelled "≥" — the chart never reads more precise than its sources. A total with
// money converted from another currency reads "≈"; figures no rate could convert are counted.
import type { CompanyTotal } from "@/lib/facts/queries";
import { formatQuantity } from "@/lib/metrics/format";

export type TotalBar = {
  name: string;
  slug: string | null;
  min: number;
  extra: number;
  /** "$300M", "≈ $304.9M" when some of it was converted from another currency. */
  label: string;
  unit: string;
  events: number;
  lowerBound: boolean;
  convertedFrom: string[];
  unconverted: number;
};

export function toTotalBars(totals: CompanyTotal[]): TotalBar[] {
  return totals.map((total) => ({
    name: total.name,
    slug: total.slug,
    min: total.total.value,
    extra: (total.total.valueMax ?? total.total.value) - total.total.value,
    label: `${total.convertedFrom.length && total.total.bound === "exact" ? "≈ " : ""}${formatQuantity(total.total)}${total.unconverted ? ` + ${total.unconverted} without a US-dollar rate` : ""}`,
    unit: total.total.unit,
    events: total.events,
    lowerBound: total.total.bound === "at_least",
    convertedFrom: total.convertedFrom,
    unconverted: total.unconverted,
  }));
}
