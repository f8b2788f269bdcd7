// All events under the shared filters: a sortable, paginated table with each event's key figure
// and source.
import { SourceKindTag } from "@/components/source-kind";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FiltersSection } from "@/components/filters/filters-section";
import { EmptyState } from "@/components/empty-state";
import { Skeleton } from "@/components/skeleton";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import { listEventsPage } from "@/lib/events/queries";
import { defaultSort, EVENTS_PAGE_SIZE, parseEventListParams, type EventListParams } from "@/lib/events/schema";
import { SearchSnippet } from "@/components/search-snippet";
import { scopeFromSearchParams } from "@/lib/filters/page";
import { filtersToSearchParams, parseFilters, type RawSearchParams } from "@/lib/filters/schema";
import { atomFeedAlternates } from "@/lib/export/atom";
import type { EventScope } from "@/lib/filters/scope";
import { formatWithUsd } from "@/lib/metrics/format";
import { describeMetric } from "@/lib/metrics/registry";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: "Events", alternates: atomFeedAlternates(parseFilters(await searchParams).filters) };
}

export default async function EventsPage({ searchParams }: Props) {
  const params = await searchParams;
  const scope = await scopeFromSearchParams(params);
  const list = parseEventListParams(params);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">Events</h1>
      <Suspense fallback={<Skeleton height={140} label="filters" />}>
        <FiltersSection scope={scope} />
      </Suspense>
      <Suspense fallback={<Skeleton height={800} label="events" />}>
        <EventsTable scope={scope} list={list} />
      </Suspense>
    </div>
  );
}

async function EventsTable({ scope, list }: { scope: EventScope; list: EventListParams }) {
  const fallback = defaultSort(Boolean(scope.filters.q));
  const sort = list.sort === "relevance" && !scope.filters.q ? "date" : (list.sort ?? fallback);
  const firstTry = await listEventsPage(scope, { sort, direction: list.dir, page: list.page, pageSize: EVENTS_PAGE_SIZE });
  const { total } = firstTry;
  if (total === 0) return <EmptyState what="events" filters={scope.filters} companyNames={scope.companyNames} pathname="/events" />;
  const pages = Math.ceil(total / EVENTS_PAGE_SIZE);
  // A page past the end (an old link, a hand-edited URL) shows the last page and says so.
  const clamped = list.page > pages;
  const page = clamped ? pages : list.page;
  const { rows } = clamped ? await listEventsPage(scope, { sort, direction: list.dir, page, pageSize: EVENTS_PAGE_SIZE }) : firstTry;
  const href = (changes: Partial<EventListParams>) => {
    const next = { ...list, page, sort, ...changes };
    const params = filtersToSearchParams(scope.filters);
    if (next.sort !== fallback) params.set("sort", next.sort);
    if (next.dir !== "desc") params.set("dir", next.dir);
    if (next.page > 1) params.set("page", String(next.page));
    const query = params.toString();
    return query ? `/events?${query}` : "/events";
  };
  const sortHeader = (column: "date" | "title" | "type", label: string) => {
    const active = sort === column;
    const nextDir = active && list.dir === "desc" ? "asc" : "desc";
    return (
      <th className="py-2 pr-3 font-medium" aria-sort={active ? (list.dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={href({ sort: column, dir: nextDir, page: 1 })} className="hover:underline">
          {label}
          {active ? (list.dir === "asc" ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  const first = (page - 1) * EVENTS_PAGE_SIZE + 1;

  return (
    <div className="grid gap-3">
      {clamped && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          There is no page {list.page}: these {total} events fill {pages} page{pages === 1 ? "" : "s"}, so this is page {pages}.
        </p>
      )}
      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="events-count">
        {total} event{total === 1 ? "" : "s"}; showing {first}–{first + rows.length - 1}
        {scope.filters.q && (
          <>
            {" · "}
            <Link
              href={href({ sort: sort === "relevance" ? "date" : "relevance", page: 1 })}
              className="text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
            >
              {sort === "relevance" ? "sort by date" : "sort by relevance"}
            </Link>
          </>
        )}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] text-left text-sm">
          <caption className="sr-only">Events matching the filters</caption>
          <thead className="border-b border-zinc-300 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
            <tr>
              {sortHeader("date", "Date")}
              {sortHeader("title", "Event")}
              {sortHeader("type", "Type")}
              <th className="py-2 pr-3 font-medium">Companies</th>
              <th className="py-2 pr-3 font-medium">Key figure</th>
              <th className="py-2 font-medium">Source</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{formatPartialDate(new Date(`${row.date}T00:00:00Z`), row.datePrecision)}</td>
                <td className="py-2 pr-3">
                  <Link href={`/events/${row.id}`} className="font-medium hover:underline">
                    {row.title}
                  </Link>
                  {row.snippet && <SearchSnippet text={row.snippet} />}
                </td>
                <td className="py-2 pr-3 whitespace-nowrap">
                  <span aria-hidden className="mr-1 inline-block size-2 rounded-full" style={{ backgroundColor: EVENT_TYPE_STYLES[row.type].color }} />
                  {EVENT_TYPE_STYLES[row.type].label}
                </td>
                <td className="py-2 pr-3">{row.companies.join(", ")}</td>
                <td className="py-2 pr-3">
                  {row.keyFigure && (
                    <>
                      <span className="text-xs text-zinc-500 dark:text-zinc-400">{describeMetric(row.keyFigure.metric, row.keyFigure.qualifiers ?? null)}: </span>
                      <span className="tabular-nums">{formatWithUsd(row.keyFigure, row.keyFigure.usd ?? null)}</span>
                    </>
                  )}
                </td>
                <td className="py-2">
                  {row.source.articleId ? (
                    <Link
                      href={`/articles/${row.source.articleId}`}
                      className="text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
                      data-source-link
                    >
                      {row.source.outlet}
                    </Link>
                  ) : (
                    <span data-source-link>{row.source.outlet}</span>
                  )}
                  {(row.source.articleId || row.source.outlet) && <SourceKindTag kind={row.source.sourceKind} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {page > 1 ? (
            <Link href={href({ page: page - 1 })} rel="prev" className="hover:underline">
              ← Previous
            </Link>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">← Previous</span>
          )}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? (
            <Link href={href({ page: page + 1 })} rel="next" className="hover:underline">
              Next →
            </Link>
          ) : (
            <span className="text-zinc-600 dark:text-zinc-400">Next →</span>
          )}
        </nav>
      )}
    </div>
  );
}
