// What every filtered page does first: parse the URL and resolve it against the database.
import { parseFilters, type RawSearchParams } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";

export async function scopeFromSearchParams(searchParams: Promise<RawSearchParams> | RawSearchParams) {
  const { filters, notices } = parseFilters(await searchParams);
  return resolveEventScope(filters, notices);
}

/** A single page-specific value from Next.js searchParams (the first, when repeated). */
export function firstParam(params: RawSearchParams, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}
