// The dashboard's filter state, as it lives in the URL:
//   /?company=nvidia&company=huawei&subsidiaries=1&type=penalty&country=CN&from=2025-01&to=2025-12&q=h20
// One parser for pages, API routes and chart-image routes. Invalid values are dropped with a
// notice the page shows, never a crash; valid ones are kept exactly.
import { z } from "zod";
import { EventType } from "@/lib/generated/prisma/enums";
import { SOURCE_KINDS } from "@/lib/sources/kinds";
import { EVENT_TYPES, FIGURE_ROLES, type DashboardFilters, type FilterNotice, type RawSearchParams } from "@/lib/filters/state";

// The filter state itself (no zod) lives in state.ts, so client components can use it without
// shipping the parser to the browser.
export * from "@/lib/filters/state";

const MAX_VALUES_PER_KEY = 20;

/** PostgreSQL text cannot hold U+0000, and no search needs control characters. */
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

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
  q: z.string().trim().min(1, "empty search").max(200, "search text longer than 200 characters").regex(NO_CONTROL_CHARACTERS, "search text with control characters"),
  subsidiaries: z.enum(["1", "0"], { error: () => "expected 1 or 0" }),
  role: z.enum(FIGURE_ROLES, { error: () => `not a role (one of ${FIGURE_ROLES.join(", ")})` }),
  source: z.enum(SOURCE_KINDS, { error: () => `not a kind of source (one of ${SOURCE_KINDS.join(", ")})` }),
};

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
    // A role narrows whose figures count for the chosen companies; without one it means nothing.
    role: (companies.length > 0 ? single("role", filterFieldSchemas.role) : null) ?? "party",
    types: list("type", filterFieldSchemas.type),
    countries: list("country", filterFieldSchemas.country),
    from: single("from", filterFieldSchemas.from),
    to: single("to", filterFieldSchemas.to),
    q: single("q", filterFieldSchemas.q),
    sources: list("source", filterFieldSchemas.source),
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    notices.push({ key: "from", value: filters.from, message: `is after to=${filters.to}; the two were swapped` });
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  return { filters, notices };
}
