// What a filtered view says when nothing matches, with the one change most likely to help.
import Link from "next/link";
import { describeFilters } from "@/lib/filters/describe";
import { filtersToSearchParams, type DashboardFilters } from "@/lib/filters/schema";

/** `pageCompany`: the page is about one company (/companies/:slug), so its filter is not offered to clear. */
export function EmptyState({
  what,
  filters,
  companyNames,
  pathname,
  pageCompany = false,
}: {
  what: string;
  filters: DashboardFilters;
  companyNames: Map<string, string>;
  pathname: string;
  pageCompany?: boolean;
}) {
  const suggestion = suggestRelaxation(filters, pageCompany);
  // On a company's own page the company is in the path, not the query.
  const query = suggestion ? filtersToSearchParams(pageCompany ? { ...suggestion.filters, companies: [], includeSubsidiaries: false } : suggestion.filters).toString() : "";
  return (
    <p className="rounded border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
      No {what} for {describeFilters(filters, companyNames)}.{" "}
      {suggestion && (
        <Link className="text-sky-700 underline dark:text-sky-400" href={query ? `${pathname}?${query}` : pathname}>
          Clear the {suggestion.label} filter?
        </Link>
      )}
    </p>
  );
}

/** The narrowest filter to drop first: search text, then type, date, country, company. */
function suggestRelaxation(filters: DashboardFilters, pageCompany: boolean): { label: string; filters: DashboardFilters } | null {
  if (filters.q) return { label: "search", filters: { ...filters, q: null } };
  if (filters.types.length) return { label: "type", filters: { ...filters, types: [] } };
  if (filters.from || filters.to) return { label: "date", filters: { ...filters, from: null, to: null } };
  if (filters.countries.length) return { label: "country", filters: { ...filters, countries: [] } };
  if (filters.companies.length && !pageCompany) return { label: "company", filters: { ...filters, companies: [], includeSubsidiaries: false } };
  return null;
}
