// tsx scripts/bench/widgets.ts [--runs 15] — run by `npm run bench` once per dataset, with
// DATABASE_URL pointing at it. Times the query behind each dashboard widget (the app's own query
// functions, with the result cache emptied before every run, so every run reaches PostgreSQL),
// with and without a company filter, and a naive baseline: Prisma findMany of the rows and the
// same bucketing done in JavaScript. Prints one JSON object on stdout.
import { clearQueryCache } from "@/lib/cache/query-cache";
import { db } from "@/lib/db";
import { getEntityBySlug } from "@/lib/entities/queries";
import { listEventsPage, listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { getHeadlineNumbers, listFactsAbout, listFamilyBuckets, listFamilySources, listSpecFactsFor, listTotalsByCompany } from "@/lib/facts/queries";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope, type EventScope } from "@/lib/filters/scope";
import { metricsInFamily, specMetrics } from "@/lib/metrics/registry";
import { round, summarize, type Timing, type WidgetResult } from "./stats";

const runsAt = process.argv.indexOf("--runs");
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;

async function time(run: () => Promise<unknown>): Promise<Timing & { rows: number }> {
  let rows = 0;
  clearQueryCache();
  const first = await run(); // warm-up: plans, connections, caches of PostgreSQL itself
  rows = Array.isArray(first) ? first.length : typeof first === "object" && first && "rows" in first && Array.isArray(first.rows) ? first.rows.length : 1;
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearQueryCache();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return { ...summarize(samples), rows };
}

async function main() {
  // The busiest company and a chip with specifications: what a reader would pick first.
  const [top] = await db.$queryRaw<{ slug: string }[]>`
    SELECT en.slug FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
    WHERE en.kind = 'company' GROUP BY en.slug ORDER BY count(*) DESC, en.slug LIMIT 1`;
  const chips = await db.$queryRaw<{ slug: string }[]>`
    SELECT en.slug FROM facts f JOIN entities en ON en.id = f.subject_id
    WHERE f.metric = ANY(${specMetrics()}::text[]) AND en.kind IN ('chip', 'system')
    GROUP BY en.slug ORDER BY count(*) DESC, en.slug LIMIT 2`;
  if (!top) throw new Error("the database has no events: run npm run db:synth first");
  const scopes: Record<"all" | "company", EventScope> = {
    all: await resolveEventScope(parseFilters(new URLSearchParams()).filters),
    company: await resolveEventScope(parseFilters(new URLSearchParams({ company: top.slug })).filters),
  };
  const search = (scope: EventScope) => resolveEventScope({ ...scope.filters, q: "export controls" });
  const widgets: [string, (scope: EventScope) => Promise<unknown>][] = [
    ["overview numbers", (scope) => getHeadlineNumbers(scope)],
    ["timeline marks (latest 300)", (scope) => listTimelineEvents(scope)],
    ["timeline buckets (orders per quarter)", (scope) => listFamilyBuckets(scope, "chips_ordered", "quarter")],
    [
      "totals by company + sources",
      async (scope) => {
        const totals = await listTotalsByCompany(scope, "chips_ordered");
        return listFamilySources(
          scope,
          "chips_ordered",
          totals.map((t) => ({ slug: t.slug, name: t.name })),
        );
      },
    ],
    ["latest events", (scope) => listLatestEvents(scope)],
    ["events table, page 1", (scope) => listEventsPage(scope, { sort: "date", direction: "desc", page: 1, pageSize: 50 })],
    ["events table, page 20", (scope) => listEventsPage(scope, { sort: "date", direction: "desc", page: 20, pageSize: 50 })],
    ["full-text search", async (scope) => listEventsPage(await search(scope), { sort: "relevance", direction: "desc", page: 1, pageSize: 50 })],
    ["comparison (2 chips)", () => listSpecFactsFor(chips.map((c) => c.slug))],
    ["company page", async () => Promise.all([getEntityBySlug(top.slug), listFactsAbout(top.slug)])],
  ];
  const results: WidgetResult[] = [];
  for (const [widget, run] of widgets) {
    for (const filter of ["all", "company"] as const) {
      if (filter === "company" && (widget.startsWith("comparison") || widget.startsWith("company page"))) continue;
      const timing = await time(() => run(scopes[filter]));
      results.push({ widget, filter, ...timing });
      process.stderr.write(`  ${widget} (${filter}): median ${timing.median} ms, p95 ${timing.p95} ms\n`);
    }
  }

  // The naive way: fetch every accepted order fact in scope with Prisma and bucket in JavaScript.
  const naive = await time(async () => {
    const facts = await db.fact.findMany({
      where: { reviewStatus: "accepted", metric: { in: metricsInFamily("chips_ordered") }, unit: "units", eventId: { not: null } },
      select: { eventId: true, subjectId: true, subjectLabel: true, value: true, valueMax: true, date: true, event: { select: { date: true } } },
    });
    const perEvent = new Map<string, { date: Date; lo: number; hi: number }>();
    for (const fact of facts) {
      const key = `${fact.eventId}|${fact.subjectId ?? fact.subjectLabel}`;
      const lo = Number(fact.value);
      const hi = Number(fact.valueMax ?? fact.value);
      const date = fact.date ?? fact.event!.date;
      const seen = perEvent.get(key);
      perEvent.set(key, seen ? { date: seen.date < date ? seen.date : date, lo: Math.min(seen.lo, lo), hi: Math.max(seen.hi, hi) } : { date, lo, hi });
    }
    const buckets = new Map<string, { lo: number; hi: number; events: number }>();
    for (const figure of perEvent.values()) {
      const key = `${figure.date.getUTCFullYear()}-Q${Math.floor(figure.date.getUTCMonth() / 3) + 1}`;
      const bucket = buckets.get(key) ?? { lo: 0, hi: 0, events: 0 };
      buckets.set(key, { lo: bucket.lo + figure.lo, hi: bucket.hi + figure.hi, events: bucket.events + 1 });
    }
    return [...buckets.entries()];
  });
  const bucketed = results.find((r) => r.widget.startsWith("timeline buckets") && r.filter === "all")!;
  const [counts] = await db.$queryRaw<{ facts: bigint; events: bigint; entities: bigint }[]>`
    SELECT (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM entities) AS entities`;
  console.log(
    JSON.stringify({
      counts: { facts: Number(counts!.facts), events: Number(counts!.events), entities: Number(counts!.entities) },
      company: top.slug,
      widgets: results,
      naive: { widget: "timeline buckets, naive (Prisma findMany + JS)", median: naive.median, p95: naive.p95, ratio: round(naive.median / bucketed.median) },
    }),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
