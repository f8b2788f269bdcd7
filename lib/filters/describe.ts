// Filters in words, for chart subtitles and exported images: "Nvidia, Huawei · Penalty · Jan–Dec 2025".
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import type { DashboardFilters } from "@/lib/filters/schema";
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function describeFilters(filters: DashboardFilters, companyNames: Map<string, string>): string {
  const parts: string[] = [];
  if (filters.companies.length) {
    const names = filters.companies.map((slug) => companyNames.get(slug) ?? slug).join(", ");
    parts.push(filters.includeSubsidiaries ? `${names} (with subsidiaries)` : names);
    if (filters.role !== "party") parts.push(`figures where ${filters.role === "actor" ? "they act" : "they are the counterparty"}`);
  }
  if (filters.types.length) parts.push(filters.types.map((type) => EVENT_TYPE_STYLES[type].label).join(", "));
  if (filters.countries.length) parts.push(filters.countries.join(", "));
  const period = describePeriod(filters.from, filters.to);
  if (period) parts.push(period);
  if (filters.q) parts.push(`“${filters.q}”`);
  const sources = describeSources(filters);
  if (sources) parts.push(sources);
  return parts.length ? parts.join(" · ") : "All events";
}

/** "Primary sources only", "News and trade-press sources only": null when every source counts. */
export function describeSources(filters: Pick<DashboardFilters, "sources">): string | null {
  if (!filters.sources.length) return null;
  const names = filters.sources.map((kind) => SOURCE_KIND_LABELS[kind].short);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${list[0]!.toUpperCase()}${list.slice(1)} sources only`;
}

function describePeriod(from: string | null, to: string | null): string | null {
  const label = (month: string) => {
    const [year, index] = month.split("-").map(Number) as [number, number];
    return { month: MONTHS[index - 1]!, year };
  };
  if (from && to) {
    const a = label(from);
    const b = label(to);
    if (from === to) return `${a.month} ${a.year}`;
    return a.year === b.year ? `${a.month}–${b.month} ${a.year}` : `${a.month} ${a.year}–${b.month} ${b.year}`;
  }
  if (from) return `from ${label(from).month} ${label(from).year}`;
  if (to) return `until ${label(to).month} ${label(to).year}`;
  return null;
}

/**
 * What a company filter selects, in words for the page: the events, and whose figures count.
 * Null without a company filter.
 */
export function describeCompanyScope(filters: DashboardFilters, companyNames: Map<string, string>): string | null {
  if (!filters.companies.length) return null;
  const names = filters.companies.map((slug) => companyNames.get(slug) ?? slug).join(" or ");
  const whose = {
    party: `as the actor (buyer, payer, holder) or the counterparty (supplier, authority)`,
    actor: `as the actor (buyer, payer, holder)`,
    counterparty: `as the counterparty (supplier, authority)`,
  }[filters.role];
  return `Events involving ${names}${filters.includeSubsidiaries ? " or a subsidiary" : ""}. Headline numbers and charts count a figure only where ${names} ${filters.companies.length > 1 ? "appear" : "appears"} in it ${whose}; other figures of those events are listed with their own company.`;
}

/** Filters as a file-name fragment: "nvidia-huawei-penalty-2025-01-2025-12" (empty when unfiltered). */
export function filterSlug(filters: DashboardFilters): string {
  const words = [
    ...filters.companies,
    ...(filters.includeSubsidiaries && filters.companies.length ? ["with-subsidiaries"] : []),
    ...(filters.role !== "party" && filters.companies.length ? [`as-${filters.role}`] : []),
    ...filters.types.map((type) => type.replace(/_/g, "-")),
    ...filters.countries.map((code) => code.toLowerCase()),
    ...(filters.from ? [filters.from] : []),
    ...(filters.to ? [filters.to] : []),
    ...(filters.q ? [filters.q] : []),
    ...filters.sources.map((kind) => `${kind}-sources`),
  ];
  return words
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80)
    .replace(/-$/, "");
}
