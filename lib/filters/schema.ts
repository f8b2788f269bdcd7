// The dashboard's filter state, as it lives in the URL:
//   /?company=nvidia&company=huawei&subsidiaries=1&type=penalty&country=CN&from=2025-01&to=2025-12&q=h20
// One parser for pages, API routes and chart-image routes. Invalid values are dropped with a
// notice the page shows, never a crash; valid ones are kept exactly.
import { z } from "zod";
import { EventType } from "@/lib/generated/prisma/enums";

export const EVENT_TYPES = Object.values(EventType);

const MAX_VALUES_PER_KEY = 20;

const monthSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, "expected a month as YYYY-MM")
  .refine((value) => {
    const [year, month] = value.split("-").map(Number) as [number, number];
    return year >= 1990 && year <= 2100 && month >= 1 && month <= 12;
  }, "not a month between 1990-01 and 2100-12");

/** One schema per URL key; `list` keys may repeat. */
export const filterFieldSchemas = {
  company: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "not a company identifier"),
  type: z.enum(EventType, { error: () => `not an event type (one of ${EVENT_TYPES.join(", ")})` }),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "not a two-letter country code")
    .transform((code) => code.toUpperCase()),
  from: monthSchema,
  to: monthSchema,
  q: z.string().trim().min(1, "empty search").max(200, "search text longer than 200 characters"),
  subsidiaries: z.enum(["1", "0"], { error: () => "expected 1 or 0" }),
};

export type DashboardFilters = {
  companies: string[];
  includeSubsidiaries: boolean;
  types: EventType[];
  countries: string[];
  from: string | null;
  to: string | null;
  q: string | null;
};

export type FilterNotice = { key: string; value: string; message: string };

export const EMPTY_FILTERS: DashboardFilters = {
  companies: [],
  includeSubsidiaries: false,
  types: [],
  countries: [],
  from: null,
  to: null,
  q: null,
};

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

export function parseFilters(raw: RawSearchParams): { filters: DashboardFilters; notices: FilterNotice[] } {
  const notices: FilterNotice[] = [];
  const values = (key: string): string[] => {
    const value = raw instanceof URLSearchParams ? raw.getAll(key) : raw[key];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const list = <T>(key: string, schema: z.ZodType<T, string>) => {
    const parsed: T[] = [];
    for (const value of values(key)) {
      const result = schema.safeParse(value);
      if (!result.success) notices.push({ key, value, message: result.error.issues[0]!.message });
      else if (parsed.length >= MAX_VALUES_PER_KEY) notices.push({ key, value, message: `more than ${MAX_VALUES_PER_KEY} values` });
      else if (!parsed.includes(result.data)) parsed.push(result.data);
    }
    return parsed;
  };
  const single = <T>(key: string, schema: z.ZodType<T, string>) => {
    const [value, ...extra] = values(key);
    for (const ignored of extra) notices.push({ key, value: ignored, message: "given more than once; the first value is used" });
    if (value === undefined || value === "") return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    notices.push({ key, value, message: result.error.issues[0]!.message });
    return null;
  };

  const companies = list("company", filterFieldSchemas.company);
  const filters: DashboardFilters = {
    companies,
    // Subsidiaries of nothing mean nothing: the flag only counts with a company chosen.
    includeSubsidiaries: single("subsidiaries", filterFieldSchemas.subsidiaries) === "1" && companies.length > 0,
    types: list("type", filterFieldSchemas.type),
    countries: list("country", filterFieldSchemas.country),
    from: single("from", filterFieldSchemas.from),
    to: single("to", filterFieldSchemas.to),
    q: single("q", filterFieldSchemas.q),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    notices.push({ key: "from", value: filters.from, message: `is after to=${filters.to}; the two were swapped` });
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  return { filters, notices };
}

/** The query string for a filter state: only what the user chose, in a stable order. */
export function filtersToSearchParams(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const company of filters.companies) params.append("company", company);
  if (filters.includeSubsidiaries && filters.companies.length) params.set("subsidiaries", "1");
  for (const type of filters.types) params.append("type", type);
  for (const country of filters.countries) params.append("country", country);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
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
