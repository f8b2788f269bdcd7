// The overview's headline numbers for the current filters; each is a sum computed in SQL and says
// what it counts. Under a company filter the page says what the filter selects, and figures of
// those events that are not the company's own are listed with the company they belong to.
import Link from "next/link";
import { comparedCompanies, type ComparedCompany } from "@/lib/charts/company-colors";
import { getHeadlineNumbers, listRelatedFigures, type HeadlineFigure, type HeadlineNumbers as HeadlineNumbersOf, type RelatedFigure } from "@/lib/facts/queries";
import { describeCompanyScope } from "@/lib/filters/describe";
import { resolveEventScope, type EventScope } from "@/lib/filters/scope";
import { formatQuantity } from "@/lib/metrics/format";
import { HEADLINES } from "@/lib/metrics/registry";

// Five cards with their rule text, on a desktop row (the skeleton reserves it: no layout shift).
export const HEADLINE_HEIGHT = 140;

export async function HeadlineNumbers({ scope }: { scope: EventScope }) {
  const compared = comparedCompanies(scope.filters.companies, scope.companyNames);
  const [numbers, related, perCompany] = await Promise.all([
    getHeadlineNumbers(scope),
    listRelatedFigures(scope),
    // Two or more companies: the same numbers for each one alone, side by side.
    compared ? Promise.all(compared.map(async (company) => getHeadlineNumbers(await resolveEventScope({ ...scope.filters, companies: [company.slug] })))) : null,
  ]);
  const items = [
    { label: "Events", value: numbers.events.toLocaleString("en-US"), note: null, rule: null },
    { label: "Companies", value: numbers.companies.toLocaleString("en-US"), note: null, rule: null },
    headline(numbers.penalties),
    headline(numbers.chipsOrdered),
    headline(numbers.chipsStockpiled),
  ];
  const scopeText = describeCompanyScope(scope.filters, scope.companyNames);
  return (
    <section aria-label="Headline numbers" className="grid gap-2">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" style={{ minHeight: HEADLINE_HEIGHT }}>
        {items.map((item) => (
          <div key={item.label} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`headline-${item.label.toLowerCase().replace(/ /g, "-")}`}>
            <dt className="text-xs text-zinc-500 dark:text-zinc-400" title={item.rule ?? undefined}>
              {item.label}
            </dt>
            <dd className="text-xl font-semibold tabular-nums">{item.value}</dd>
            {item.note && <dd className="text-xs text-zinc-500 dark:text-zinc-400">{item.note}</dd>}
            {item.rule && (
              <dd className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="headline-rule">
                {item.rule}
              </dd>
            )}
          </div>
        ))}
      </dl>
      {compared && perCompany && <CompanyColumns companies={compared} numbers={perCompany} together={numbers} />}
      {scopeText && (
        <p className="text-sm text-zinc-600 dark:text-zinc-300" data-testid="company-scope">
          {scopeText}
        </p>
      )}
      {related.length > 0 && <RelatedFigures figures={related} />}
    </section>
  );
}

/** One column per chosen company (in its chart colour) and one for all of them together. */
function CompanyColumns({ companies, numbers, together }: { companies: ComparedCompany[]; numbers: HeadlineNumbersOf[]; together: HeadlineNumbersOf }) {
  const rows: { label: string; value: (n: HeadlineNumbersOf) => string }[] = [
    { label: "Events", value: (n) => n.events.toLocaleString("en-US") },
    ...(["penalties", "chipsOrdered", "chipsStockpiled"] as const).map((key) => ({ label: together[key].label, value: (n: HeadlineNumbersOf) => headline(n[key]).value })),
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums" data-testid="headline-by-company">
        <caption className="sr-only">Headline numbers for each chosen company</caption>
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              <span className="sr-only">Figure</span>
            </th>
            {companies.map((company) => (
              <th key={company.slug} scope="col" className="py-1 pr-3 font-medium text-zinc-800 dark:text-zinc-200">
                <span aria-hidden className="mr-1.5 inline-block size-2.5 rounded-sm" style={{ backgroundColor: company.color }} />
                {company.name}
              </th>
            ))}
            <th scope="col" className="py-1 font-medium">
              Together (an event of several counts once)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="py-1 pr-3 font-normal text-zinc-600 dark:text-zinc-400">
                {row.label}
              </th>
              {numbers.map((n, index) => (
                <td key={companies[index]!.slug} className="py-1 pr-3 font-semibold">
                  {row.value(n)}
                </td>
              ))}
              <td className="py-1">{row.value(together)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function headline(figure: HeadlineFigure) {
  const value = figure.count ? `${figure.convertedFrom.length && figure.bound === "exact" ? "≈ " : ""}${formatQuantity(figure)}` : "—";
  const parts = [figure.count ? `from ${figure.count} event figure${figure.count === 1 ? "" : "s"}` : "none reported"];
  if (figure.convertedFrom.length) parts.push(`incl. ${figure.convertedFrom.join(", ")} converted at monthly reference rates`);
  if (figure.unconverted) parts.push(`${figure.unconverted} figure${figure.unconverted === 1 ? "" : "s"} in a currency without a rate not included`);
  return { label: figure.label, value, note: parts.join("; "), rule: `Counts ${figure.rule}.` };
}

function RelatedFigures({ figures }: { figures: RelatedFigure[] }) {
  return (
    <details className="text-sm" data-testid="related-figures">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-300">
        {figures.length} figure{figures.length === 1 ? "" : "s"} of these events belong{figures.length === 1 ? "s" : ""} to other companies
      </summary>
      <ul className="mt-1 grid gap-1 pl-4">
        {figures.map((figure) => (
          <li key={`${figure.family}-${figure.eventId}-${figure.company}`}>
            {HEADLINES[figure.family].label}:{" "}
            {figure.slug ? (
              <Link href={`/companies/${figure.slug}`} className="hover:underline">
                {figure.company}
              </Link>
            ) : (
              figure.company
            )}{" "}
            <span className="tabular-nums">{formatQuantity(figure.total)}</span>
            {" — in "}
            <Link href={`/events/${figure.eventId}`} className="hover:underline">
              {figure.eventTitle}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
