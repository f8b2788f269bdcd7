// The newest events under the current filters.
import { LatestEvents } from "@/components/latest-events";
import { EmptyState } from "@/components/empty-state";
import { listLatestEvents } from "@/lib/events/queries";
import type { EventScope } from "@/lib/filters/scope";

export async function LatestEventsPanel({ scope }: { scope: EventScope }) {
  const events = await listLatestEvents(scope, 8);
  return events.length ? <LatestEvents events={events} /> : <EmptyState what="events" filters={scope.filters} companyNames={scope.companyNames} pathname="/" />;
}
