// The dashboard's filter state and its URL form, without the parser (lib/filters/schema.ts): what
// client components need, kept free of zod so the browser does not download it.
import { EventType, type SourceKind } from "@/lib/generated/prisma/enums";

export const EVENT_TYPES = Object.values(EventType);

/**
 * With a company chosen, which of an event's figures count as that company's: those where it is
 * the actor (buyer, payer, holder) or the counterparty (supplier, authority) — "party", the
 * default —, or one role only. The events shown are always those involving the company.
 */
export const FIGURE_ROLES = ["party", "actor", "counterparty"] as const;
export type FigureRole = (typeof FIGURE_ROLES)[number];

export type DashboardFilters = {
  companies: string[];
  includeSubsidiaries: boolean;
  role: FigureRole;
  types: EventType[];
  countries: string[];
  from: string | null;
  to: string | null;
  q: string | null;
  /** Only what sources of these kinds state (lib/sources/kinds.ts); all sources when empty. */
  sources: SourceKind[];
};

export type FilterNotice = { key: string; value: string; message: string };

/** The URL parameters the filters are read from (filtersToSearchParams writes exactly these). */
export const FILTER_PARAMS = ["company", "subsidiaries", "role", "type", "country", "from", "to", "q", "source"] as const;

export const EMPTY_FILTERS: DashboardFilters = {
  companies: [],
  includeSubsidiaries: false,
  role: "party",
  types: [],
  countries: [],
  from: null,
  to: null,
  q: null,
  sources: [],
};

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The query string for a filter state: only what the user chose, in a stable order. */
export function filtersToSearchParams(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const company of filters.companies) params.append("company", company);
  if (filters.includeSubsidiaries && filters.companies.length) params.set("subsidiaries", "1");
  if (filters.role !== "party" && filters.companies.length) params.set("role", filters.role);
  for (const type of filters.types) params.append("type", type);
  for (const country of filters.countries) params.append("country", country);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
  for (const kind of filters.sources) params.append("source", kind);
  return params;
}

export function hasFilters(filters: DashboardFilters): boolean {
  return filtersToSearchParams(filters).size > 0;
}

/** First day of `from`'s month and first day after `to`'s month, as ISO dates (UTC). */
export function dateBounds(filters: Pick<DashboardFilters, "from" | "to">): { start: string | null; endExclusive: string | null } {
  let endExclusive: string | null = null;
  if (filters.to) {
    const [year, month] = filters.to.split("-").map(Number) as [number, number];
    endExclusive = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  }
  return { start: filters.from ? `${filters.from}-01` : null, endExclusive };
}
