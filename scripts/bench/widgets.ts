// tsx scripts/bench/widgets.ts [--runs 60] — run by `npm run bench` once per dataset, with
// DATABASE_URL pointing at it. Times the query behind each dashboard widget (the app's own query
// functions) with and without a company filter: cold (the result cache emptied before every run,
// so every run reaches PostgreSQL) and warm (answered by the result cache). Beside them, two
// baselines on the same data: the plain SQL GROUP BY a BI tool (Metabase, Superset) would send
// for the bucketed series, the totals and the overview numbers, with the same indexes; and the
// naive Prisma findMany + JavaScript bucketing. Captures EXPLAIN (ANALYZE, BUFFERS) of every raw
// SQL statement a widget sends. Prints one JSON object on stdout.
import { clearQueryCache } from "@/lib/cache/query-cache";
import { db } from "@/lib/db";
import { getEntityBySlug } from "@/lib/entities/queries";
import { listEventsPage, listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { getHeadlineNumbers, listFactsAbout, listFamilyBuckets, listFamilySources, listSpecFactsFor, listTotalsByCompany } from "@/lib/facts/queries";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope, type EventScope } from "@/lib/filters/scope";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { metricsInFamily, specMetrics } from "@/lib/metrics/registry";
import { round, summarize, type Timing, type WidgetResult } from "./stats";

const runsAt = process.argv.indexOf("--runs");
// At least 50 samples, so a p95 is not simply the slowest run.
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 60;

// A time budget per measurement: a query that takes seconds (a plain GROUP BY over ten million
// facts) gets fewer than RUNS samples, never fewer than 5; results say how many they have.
const BUDGET_MS = Number(process.env.BENCH_SAMPLE_SECONDS ?? 60) * 1000;

async function time(run: () => Promise<unknown>, cache: "cold" | "warm" = "cold"): Promise<Timing & { rows: number; samples: number }> {
  let rows = 0;
  clearQueryCache();
  const first = await run(); // warm-up: plans, connections, caches of PostgreSQL itself
  rows = Array.isArray(first) ? first.length : typeof first === "object" && first && "rows" in first && Array.isArray(first.rows) ? first.rows.length : 1;
  const samples: number[] = [];
  const begun = performance.now();
  for (let i = 0; i < RUNS; i++) {
    if (cache === "cold") clearQueryCache();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
    if (samples.length >= 5 && performance.now() - begun > BUDGET_MS) break;
  }
  return { ...summarize(samples), rows, samples: samples.length };
}

/** "p95", or "max of N" when there were too few samples for a 95th percentile to differ from the maximum. */
const p95Label = (timing: { p95: number; samples: number }) =>
  `${timing.samples < 20 ? `max of ${timing.samples}` : timing.samples < RUNS ? `p95 of ${timing.samples}` : "p95"} ${timing.p95}`;

// Every raw SQL statement the app sends while `capturing` is on, for EXPLAIN. The client is
// created on first use; a first query makes sure it exists before its $queryRaw is wrapped.
let capturing: Prisma.Sql[] | null = null;
await db.$queryRaw`SELECT 1`;
const client = (globalThis as unknown as { chipwatchPrisma: PrismaClient }).chipwatchPrisma;
const queryRaw = client.$queryRaw.bind(client) as (...args: unknown[]) => Promise<unknown>;
Object.defineProperty(client, "$queryRaw", {
  configurable: true,
  value: (first: unknown, ...rest: unknown[]) => {
    if (capturing) capturing.push(first instanceof Prisma.Sql ? first : Prisma.sql(first as TemplateStringsArray, ...rest));
    return queryRaw(first, ...rest);
  },
});

/** EXPLAIN (ANALYZE, BUFFERS) of each raw statement one cold run of a widget sends. */
async function plansOf(run: () => Promise<unknown>): Promise<string[]> {
  clearQueryCache();
  const statements: Prisma.Sql[] = [];
  capturing = statements;
  try {
    await run();
  } finally {
    capturing = null;
  }
  const plans: string[] = [];
  for (const statement of statements.filter((sql) => !/^\s*SELECT\s+version\b|data_version/i.test(sql.text))) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, ...statement.values);
    plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  return plans;
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
  const plans: Record<string, string[]> = {};
  for (const [widget, run] of widgets) {
    for (const filter of ["all", "company"] as const) {
      if (filter === "company" && (widget.startsWith("comparison") || widget.startsWith("company page"))) continue;
      const timing = await time(() => run(scopes[filter]));
      const warm = await time(() => run(scopes[filter]), "warm");
      results.push({ widget, filter, ...timing, warmMedian: warm.median, warmP95: warm.p95 });
      plans[`${widget} (${filter})`] = await plansOf(() => run(scopes[filter]));
      process.stderr.write(`  ${widget} (${filter}): cold median ${timing.median} ms, ${p95Label(timing)} ms; warm p95 ${warm.p95} ms\n`);
    }
  }

  // What a BI tool would send instead: a plain GROUP BY over facts (and events), same indexes.
  const companyId = (await db.entity.findUniqueOrThrow({ where: { slug: top.slug }, select: { id: true } })).id;
  const ordered = metricsInFamily("chips_ordered");
  const onlyCompany = (filter: "all" | "company") =>
    filter === "company"
      ? Prisma.sql`AND (f.subject_id = ${companyId} OR f.object_id = ${companyId}) AND EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id AND ee.entity_id = ${companyId})`
      : Prisma.empty;
  const groupBy: [string, string, (filter: "all" | "company") => Prisma.Sql][] = [
    [
      "timeline buckets (orders per quarter)",
      "bucketed series",
      (filter) => Prisma.sql`
        SELECT date_trunc('quarter', coalesce(f.date, e.date)) AS quarter, sum(f.value) AS chips, sum(coalesce(f.value_max, f.value)) AS chips_max, count(DISTINCT f.event_id) AS events
        FROM facts f JOIN events e ON e.id = f.event_id
        WHERE f.review_status = 'accepted' AND f.metric = ANY(${ordered}::text[]) AND f.unit = 'units' ${onlyCompany(filter)}
        GROUP BY 1 ORDER BY 1`,
    ],
    [
      "totals by company + sources",
      "totals",
      (filter) => Prisma.sql`
        SELECT coalesce(en.name, f.subject_label) AS company, sum(f.value) AS chips, count(DISTINCT f.article_id) AS sources
        FROM facts f JOIN events e ON e.id = f.event_id LEFT JOIN entities en ON en.id = f.subject_id
        WHERE f.review_status = 'accepted' AND f.metric = ANY(${ordered}::text[]) AND f.unit = 'units' ${onlyCompany(filter)}
        GROUP BY 1 ORDER BY 2 DESC LIMIT 20`,
    ],
    [
      "overview numbers",
      "overview numbers",
      (filter) => Prisma.sql`
        SELECT count(DISTINCT e.id) AS events,
               sum(f.usd_value) FILTER (WHERE f.metric = ANY(${metricsInFamily("penalty")}::text[])) AS penalties_usd,
               sum(f.value) FILTER (WHERE f.metric = ANY(${ordered}::text[]) AND f.unit = 'units') AS chips_ordered,
               sum(f.value) FILTER (WHERE f.metric = ANY(${metricsInFamily("stockpile")}::text[]) AND f.unit = 'units') AS chips_stockpiled,
               (SELECT count(DISTINCT ee.entity_id) FROM event_entities ee JOIN entities en ON en.id = ee.entity_id AND en.kind = 'company'
                 ${filter === "company" ? Prisma.sql`WHERE ee.event_id IN (SELECT event_id FROM event_entities WHERE entity_id = ${companyId})` : Prisma.empty}) AS companies
        FROM events e LEFT JOIN facts f ON f.event_id = e.id AND f.review_status = 'accepted'
        ${filter === "company" ? Prisma.sql`WHERE EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = e.id AND ee.entity_id = ${companyId})` : Prisma.empty}`,
    ],
  ];
  const baselines: { widget: string; what: string; filter: "all" | "company"; median: number; p95: number; samples: number; ours: number; ratio: number; plan: string }[] = [];
  for (const [widget, what, sql] of groupBy) {
    for (const filter of ["all", "company"] as const) {
      const timing = await time(() => db.$queryRaw(sql(filter)));
      const ours = results.find((r) => r.widget === widget && r.filter === filter)!;
      const [plan] = await plansOfSql(sql(filter));
      baselines.push({
        widget,
        what,
        filter,
        median: timing.median,
        p95: timing.p95,
        samples: timing.samples,
        ours: ours.p95,
        ratio: round(timing.p95 / Math.max(ours.p95, 0.01)),
        plan: plan ?? "",
      });
      process.stderr.write(`  plain GROUP BY, ${what} (${filter}): median ${timing.median} ms, ${p95Label(timing)} ms (${round(timing.p95 / Math.max(ours.p95, 0.01))}× ours)\n`);
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
      baselines,
      plans,
      naive: { widget: "timeline buckets, naive (Prisma findMany + JS)", median: naive.median, p95: naive.p95, ratio: round(naive.median / bucketed.median) },
    }),
  );
}

async function plansOfSql(sql: Prisma.Sql): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, ...sql.values);
  return [rows.map((row) => row["QUERY PLAN"]).join("\n")];
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
