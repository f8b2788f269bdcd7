// URL parameters of the events table, next to the shared filters: sort, direction, page.
import { z } from "zod";
import { firstParam } from "@/lib/filters/page";
import type { RawSearchParams } from "@/lib/filters/schema";

export const EVENTS_PAGE_SIZE = 25;

export const eventListParamsSchema = z.object({
  // Unset: by relevance when searching, else by date (see defaultSort).
  sort: z.enum(["date", "title", "type", "relevance"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type EventListParams = z.infer<typeof eventListParamsSchema>;
export type EventSort = NonNullable<EventListParams["sort"]>;

/** A search lists the best matches first; otherwise the newest events come first. */
export function defaultSort(searching: boolean): EventSort {
  return searching ? "relevance" : "date";
}

export function parseEventListParams(params: RawSearchParams): EventListParams {
  return eventListParamsSchema.parse({
    sort: firstParam(params, "sort"),
    dir: firstParam(params, "dir"),
    page: firstParam(params, "page"),
  });
}
