// The data API's edge, shared by /api/v1/facts and /api/v1/events: parse and check the query
// (lib/api/schemas.ts), limit anonymous clients, read one page in the dashboard's filter scope,
// and answer JSON (records, deletions, paging, citation) or CSV (records; the next page in a
// Link header).
import { NextResponse, type NextRequest } from "next/server";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { listEventRecords, listFactRecords, type PageRequest } from "@/lib/api/queries";
import { listQuerySchema, type EventRecord, type FactRecord, type ListQuery } from "@/lib/api/schemas";
import { isEditor } from "@/lib/auth/session";
import { getDataVersion } from "@/lib/data/version";
import { InvalidInput } from "@/lib/errors";
import { citationFor } from "@/lib/export/citation";
import { toCsv } from "@/lib/export/tables";
import { describeFilters } from "@/lib/filters/describe";
import { FILTER_PARAMS, parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { errorResponse, jsonError } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/http/origin";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { listDeletions } from "@/lib/revisions/queries";

const REPEATABLE = new Set(["company", "type", "country", "source"]);

// Per address, shared by every instance; signed-in editors are not limited.
// CHIPWATCH_API_RATE_LIMIT requests a minute (0: off).
const takeApiRequest = createRateLimiter({ name: "api", requests: Number(process.env.CHIPWATCH_API_RATE_LIMIT ?? 120), windowMs: 60_000 });

/** The query string as the schema reads it: repeatable keys as arrays, others as single values. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!REPEATABLE.has(key) && values.length > 1) throw new InvalidInput("invalid_query", `${key}: given more than once`);
    raw[key] = REPEATABLE.has(key) ? values : values[0]!;
  }
  const parsed = listQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".");
    throw new InvalidInput("invalid_query", `${key}: ${issue.code === "unrecognized_keys" ? "not a parameter of this API" : issue.message}`);
  }
  return parsed.data;
}

/** A 429 answer when an anonymous client has used up its requests this minute; null to go ahead. */
export async function anonymousLimit(request: NextRequest): Promise<Response | null> {
  if (await isEditor()) return null;
  const wait = await takeApiRequest(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
  return wait > 0 ? jsonError(429, "too_many_requests", `Too many API requests from this address; try again in ${wait} s.`, { "Retry-After": String(wait) }) : null;
}

type Collection = "facts" | "events";

export async function listResponse(request: NextRequest, collection: Collection): Promise<Response> {
  try {
    const limited = await anonymousLimit(request);
    if (limited) return limited;
    const query = parseListQuery(request.nextUrl.searchParams);
    const filterParams = new URLSearchParams();
    for (const key of FILTER_PARAMS) for (const value of request.nextUrl.searchParams.getAll(key)) filterParams.append(key, value);
    const { filters, notices } = parseFilters(filterParams);
    const scope = await resolveEventScope(filters, notices);
    if (scope.notices.length) throw new InvalidInput("invalid_filter", scope.notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));

    const origin = publicOrigin(request.headers);
    const updatedSince = query.updated_since ? new Date(query.updated_since) : null;
    const page: PageRequest = { after: decodeCursor(query.cursor), limit: query.limit + 1, updatedSince };
    const [records, deleted, version] = await Promise.all([
      collection === "facts" ? listFactRecords(scope, page, origin) : listEventRecords(scope, page, origin),
      updatedSince ? listDeletions(collection === "facts" ? "fact" : "event", updatedSince) : Promise.resolve(null),
      getDataVersion(),
    ]);
    const more = records.length > query.limit;
    const data: (FactRecord | EventRecord)[] = records.slice(0, query.limit);
    const nextCursor = more ? encodeCursor(data.at(-1)!.id) : null;
    const nextUrl = nextCursor ? withParam(request.nextUrl.searchParams, origin, collection, "cursor", nextCursor) : null;
    const selfUrl = withParam(request.nextUrl.searchParams, origin, collection, "cursor", null);
    const wantsCsv = query.format === "csv" || (!request.nextUrl.searchParams.has("format") && (request.headers.get("accept") ?? "").startsWith("text/csv"));
    const headers = new Headers({ "Cache-Control": "no-store", "X-Data-Version": String(version.version) });
    if (nextUrl) headers.set("Link", `<${nextUrl}>; rel="next"`);
    if (wantsCsv) {
      headers.set("Content-Type", "text/csv; charset=utf-8");
      headers.set("Content-Disposition", `attachment; filename="chipwatch-${collection}-${version.asOf}.csv"`);
      return new Response(toCsv(data.map(collection === "facts" ? (r) => factCsvRow(r as FactRecord) : (r) => eventCsvRow(r as EventRecord))), { headers });
    }
    const title = `${collection === "facts" ? "Facts" : "Events"}: ${describeFilters(scope.filters, scope.companyNames)}`;
    return NextResponse.json(
      {
        data,
        ...(deleted ? { deleted: deleted.map((d) => ({ id: d.id, deleted_at: d.deletedAt })) } : {}),
        meta: {
          data_version: String(version.version),
          as_of: version.asOf,
          next_cursor: nextCursor,
          next_url: nextUrl,
          citation: citationFor({ title, asOf: version.asOf, url: selfUrl }),
        },
      },
      { headers },
    );
  } catch (error) {
    return errorResponse(error, `/api/v1/${collection}`, request);
  }
}

function withParam(params: URLSearchParams, origin: string, collection: Collection, key: string, value: string | null): string {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return `${origin}/api/v1/${collection}${next.size ? `?${next}` : ""}`;
}

/** A fact as one CSV row: nested parts flattened, qualifiers as "key=value; …". */
export function factCsvRow(fact: FactRecord): Record<string, string | number | null> {
  return {
    id: fact.id,
    event_id: fact.event_id,
    metric: fact.metric,
    metric_label: fact.metric_label,
    qualifiers: Object.entries(fact.qualifiers)
      .map(([key, value]) => `${key}=${value}`)
      .join("; "),
    value: fact.value,
    value_max: fact.value_max,
    unit: fact.unit,
    bound: fact.bound,
    value_usd: fact.value_usd,
    value_usd_max: fact.value_usd_max,
    status: fact.status,
    subject: fact.subject.name,
    subject_slug: fact.subject.slug,
    object: fact.object?.name ?? null,
    object_slug: fact.object?.slug ?? null,
    product: fact.product?.name ?? null,
    date: fact.date,
    date_precision: fact.date_precision,
    period_label: fact.period_label,
    quote: fact.quote,
    article_id: fact.source.article_id,
    source: fact.source.outlet,
    source_url: fact.source.url,
    source_kind: fact.source.kind,
    source_published: fact.source.published,
    url: fact.url,
    updated_at: fact.updated_at,
    revision: fact.revision,
  };
}

export function eventCsvRow(event: EventRecord): Record<string, string | number | null> {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    type: event.type,
    date: event.date,
    date_precision: event.date_precision,
    claim_status: event.claim_status,
    countries: event.countries.join("; "),
    companies: event.entities.map((e) => `${e.name} (${e.role})`).join("; "),
    fact_count: event.fact_count,
    summary: event.summary,
    article_id: event.source?.article_id ?? null,
    source: event.source?.outlet ?? null,
    source_url: event.source?.url ?? null,
    source_kind: event.source?.kind ?? null,
    url: event.url,
    updated_at: event.updated_at,
    revision: event.revision,
  };
}
