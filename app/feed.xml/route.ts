// GET /feed.xml?<the dashboard's filters> — an Atom feed of that view's events, newest first (at
// most 100), so a reader can follow a company, a type of event or a search in a feed reader.
// Invalid filters get a 400 that names them, like the chart routes.
import { connection, type NextRequest } from "next/server";
import { getDataVersion } from "@/lib/data/version";
import { listEventRows } from "@/lib/events/queries";
import { toAtomFeed } from "@/lib/export/atom";
import { InvalidInput } from "@/lib/errors";
import { describeFilters } from "@/lib/filters/describe";
import { filtersToSearchParams, hasFilters, parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { errorResponse } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/http/origin";

const FEED_ENTRIES = 100;

export async function GET(request: NextRequest) {
  await connection();
  try {
    const { filters, notices } = parseFilters(request.nextUrl.searchParams);
    const scope = await resolveEventScope(filters, notices);
    if (scope.notices.length) throw new InvalidInput("invalid_filter", scope.notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));
    const [rows, { asOf }] = await Promise.all([listEventRows(scope, { sort: "date", direction: "desc", page: 1, pageSize: FEED_ENTRIES }), getDataVersion()]);
    const body = toAtomFeed({
      origin: publicOrigin(request.headers),
      query: filtersToSearchParams(scope.filters).toString(),
      subtitle: hasFilters(scope.filters) ? describeFilters(scope.filters, scope.companyNames) : null,
      asOf,
      events: rows,
    });
    return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error, "/feed.xml", request);
  }
}
