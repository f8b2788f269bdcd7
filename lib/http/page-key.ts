// Which pages the page cache keeps, and under which key: the page's own parameters, in a stable
// order. A parameter no page reads (a tracking tag, a random string) neither makes an entry nor
// pushes a real page out: the reader is sent to the same address without it, which the cache
// answers. Pure; lib/http/page-cache.ts applies it.
import { FILTER_PARAMS } from "@/lib/filters/state";

/** Each cacheable page and the parameters it reads (its searchParams). */
const PAGES: { path: RegExp; params: readonly string[] }[] = [
  { path: /^\/$/, params: [...FILTER_PARAMS, "overlay"] },
  { path: /^\/events$/, params: [...FILTER_PARAMS, "sort", "dir", "page"] },
  { path: /^\/companies$/, params: FILTER_PARAMS },
  { path: /^\/companies\/[^/]+$/, params: [...FILTER_PARAMS, "overlay"] },
  { path: /^\/compare$/, params: ["entity", "metric", "baseline"] },
  { path: /^\/(events|articles)\/[^/]+$/, params: [] },
];

export type PageKey = { key: string } | { redirect: string };

/** The cache key of a page address, a redirect to it without the parameters it ignores, or null when it is not cached. */
export function pageKey(pathname: string, search: URLSearchParams): PageKey | null {
  const page = PAGES.find((candidate) => candidate.path.test(pathname));
  if (!page) return null;
  const known = [...search.entries()].filter(([name]) => page.params.includes(name));
  if (known.length !== search.size) {
    const kept = new URLSearchParams(known);
    return { redirect: `${pathname}${kept.size ? `?${kept}` : ""}` };
  }
  // Parameters in a stable order by name; repeated values keep their order (it is shown).
  const ordered = known.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry[0].localeCompare(b.entry[0]) || a.index - b.index);
  const query = new URLSearchParams(ordered.map(({ entry }) => entry));
  return { key: `${pathname}${query.size ? `?${query}` : ""}` };
}
