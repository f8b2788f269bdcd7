// The newest events, each with its source: the list an analyst scans first.
import { SourceKindTag } from "@/components/source-kind";
import Link from "next/link";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import type { LatestEvent } from "@/lib/events/queries";

export function LatestEvents({ events }: { events: LatestEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">No events yet.</p>;
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Latest events">
      {events.map((event) => {
        const style = EVENT_TYPE_STYLES[event.type];
        return (
          <li key={event.id} className="py-3">
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
              <time dateTime={event.date}>{formatPartialDate(new Date(`${event.date}T00:00:00Z`), event.datePrecision)}</time>
              <span className="inline-flex items-center gap-1">
                <span aria-hidden className="inline-block size-2 rounded-full" style={{ backgroundColor: style.color }} />
                {style.label}
              </span>
              <span>{event.entities.join(", ")}</span>
            </div>
            <p className="mt-1 font-medium">
              <Link href={`/events/${event.id}`} className="hover:underline">
                {event.title}
              </Link>
            </p>
            {event.source?.url && (
              <a
                href={event.source.url}
                className="text-xs text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
                rel="noreferrer noopener"
                target="_blank"
                data-source-link
              >
                Source: {event.source.outlet ?? new URL(event.source.url).hostname}
              </a>
            )}
            {event.source?.url && <SourceKindTag kind={event.source.sourceKind} />}
          </li>
        );
      })}
    </ol>
  );
}
