// The overview's headline numbers for the current filters; each is a sum computed in SQL.
import { getHeadlineNumbers } from "@/lib/facts/queries";
import type { EventScope } from "@/lib/filters/scope";
import { formatQuantity } from "@/lib/metrics/format";

export const HEADLINE_HEIGHT = 96;

export async function HeadlineNumbers({ scope }: { scope: EventScope }) {
  const numbers = await getHeadlineNumbers(scope);
  const items = [
    { label: "Events", value: numbers.events.toLocaleString("en-US"), note: null },
    { label: "Companies", value: numbers.companies.toLocaleString("en-US"), note: null },
    { label: "Penalties", value: numbers.penalties.count ? formatQuantity(numbers.penalties) : "—", note: figures(numbers.penalties.count) },
    { label: "Chips ordered", value: numbers.chipsOrdered.count ? formatQuantity({ ...numbers.chipsOrdered, unit: "count" }) : "—", note: figures(numbers.chipsOrdered.count) },
    { label: "Chips stockpiled", value: numbers.chipsStockpiled.count ? formatQuantity({ ...numbers.chipsStockpiled, unit: "count" }) : "—", note: figures(numbers.chipsStockpiled.count) },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Headline numbers" style={{ minHeight: HEADLINE_HEIGHT }}>
      {items.map((item) => (
        <div key={item.label} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`headline-${item.label.toLowerCase().replace(/ /g, "-")}`}>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{item.label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{item.value}</dd>
          {item.note && <dd className="text-xs text-zinc-500 dark:text-zinc-400">{item.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

function figures(count: number) {
  return count ? `from ${count} event figure${count === 1 ? "" : "s"}` : "none reported";
}
