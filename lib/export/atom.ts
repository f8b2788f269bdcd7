// An Atom feed of the events in a view (/feed.xml?<the dashboard's filters>): newest first, each
// entry with its type, date, key figure, companies and source, linking to the event's page.
// Pure: the route reads the events and the public address and hands them in.
import { RIGHTS_STATEMENT } from "@/lib/export/citation";
import { Feed } from "feed";
import type { Metadata } from "next";
import type { EventListRow } from "@/lib/events/queries";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import { filtersToSearchParams, type DashboardFilters } from "@/lib/filters/state";
import { describeMetric } from "@/lib/metrics/registry";
import { formatWithUsd } from "@/lib/metrics/format";
import { sourceLabel } from "@/lib/sources/kinds";

export type AtomFeedInput = {
  /** The site's public origin (CHIPWATCH_PUBLIC_URL, else the request's host). */
  origin: string;
  /** The view's filters as a query string, without the leading "?". */
  query: string;
  /** What the filters select ("Nvidia · Penalty"), or null for everything. */
  subtitle: string | null;
  /** When the data last changed (ISO day). */
  asOf: string;
  events: EventListRow[];
};

export function toAtomFeed({ origin, query, subtitle, asOf, events }: AtomFeedInput): string {
  const suffix = query ? `?${query}` : "";
  const feed = new Feed({
    id: `${origin}/feed.xml${suffix}`,
    title: `Chipwatch: ${subtitle ?? "all US–China AI-chip events"}`,
    description: "Export rules, licences, orders, stockpiles, penalties and launches, each with the figure and the source that states it.",
    link: `${origin}/${suffix}`,
    feedLinks: { atom: `${origin}/feed.xml${suffix}` },
    updated: new Date(`${asOf}T00:00:00Z`),
    generator: "Chipwatch",
    language: "en",
    copyright: RIGHTS_STATEMENT,
    author: { name: "Chipwatch", link: origin },
  });
  for (const event of events) {
    const date = new Date(`${event.date}T00:00:00Z`);
    const figure = event.keyFigure
      ? `${describeMetric(event.keyFigure.metric, event.keyFigure.qualifiers ?? null)}: ${formatWithUsd(event.keyFigure, event.keyFigure.usd ?? null)}`
      : null;
    const source = event.source.outlet || event.source.url ? sourceLabel({ url: event.source.url, outlet: event.source.outlet, sourceKind: event.source.sourceKind }) : null;
    const lines = [
      `${EVENT_TYPE_STYLES[event.type].label} · ${formatPartialDate(date, event.datePrecision)}`,
      figure ? `Key figure: ${figure}${event.keyFigure?.quote ? ` — “${event.keyFigure.quote}”` : ""}` : null,
      event.companies.length ? `Involves: ${event.companies.join(", ")}` : null,
      source ? `Source: ${source}${event.source.url ? ` ${event.source.url}` : ""}` : null,
    ].filter((line): line is string => line !== null);
    feed.addItem({
      id: `${origin}/events/${event.id}`,
      title: event.title,
      link: `${origin}/events/${event.id}`,
      date,
      published: date,
      description: lines.join("\n"),
      category: [{ term: event.type, name: EVENT_TYPE_STYLES[event.type].label }],
    });
  }
  return feed.atom1();
}

/** The `<link rel="alternate" type="application/atom+xml">` of a page showing these filters. */
export function atomFeedAlternates(filters: DashboardFilters, title = "Chipwatch: the events in this view"): NonNullable<Metadata["alternates"]> {
  const query = filtersToSearchParams(filters).toString();
  return { types: { "application/atom+xml": [{ url: `/feed.xml${query ? `?${query}` : ""}`, title }] } };
}
