// The dashboard's filtered queries never read the whole facts table. A synthetic dataset of
// 60,000 facts (scripts/synth) is loaded into a database of its own; every SQL statement the
// app's query functions send for a filtered view is captured from Prisma's query log and
// EXPLAINed, and the test fails on any sequential scan of `facts`.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { clearQueryCache } from "@/lib/cache/query-cache";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { getEntityBySlug } from "@/lib/entities/queries";
import { listEventsPage, listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { getHeadlineNumbers, listFactsAbout, listFamilyBuckets, listFamilySources, listSpecFactsFor, listTotalsByCompany } from "@/lib/facts/queries";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { synthesize } from "../scripts/synth/load";
import { createThrowawayDatabase } from "./support/throwaway-database";

type PlanNode = { "Node Type": string; "Relation Name"?: string; Plans?: PlanNode[] };
type Captured = { query: string; params: unknown[] };

const globalForPrisma = globalThis as unknown as { chipwatchPrisma?: PrismaClient };
let database: { url: string; stop: () => Promise<void> };
let client: PrismaClient;
let appClient: PrismaClient | undefined;
const captured: Captured[] = [];

beforeAll(async () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  database = serverUrl && inject("databaseKind") === "postgres" ? await createThrowawayDatabase(serverUrl) : await startEmbeddedDatabase();
  await synthesize(database.url, { facts: 60_000, seed: 7 });
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 1 }), log: [{ emit: "event", level: "query" }] });
  const logged = client as unknown as { $on: (type: "query", listener: (event: { query: string; params: string }) => void) => void };
  logged.$on("query", (event) => captured.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  // The app's query functions use this client while the test runs.
  appClient = globalForPrisma.chipwatchPrisma;
  globalForPrisma.chipwatchPrisma = client;
}, 180_000);

afterAll(async () => {
  globalForPrisma.chipwatchPrisma = appClient;
  await client?.$disconnect();
  await database?.stop();
});

/** Runs `view` with empty caches and returns the plans of the statements it sent that read facts (or their rollup). */
async function plansOf(view: () => Promise<unknown>): Promise<{ query: string; scans: string[] }[]> {
  clearQueryCache();
  captured.length = 0;
  await view();
  const statements = captured.filter((c) => /\b(facts|event_figures)\b/.test(c.query) && !/data_version/.test(c.query));
  const plans = [];
  for (const statement of statements) {
    const [row] = await client.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${statement.query}`, ...statement.params);
    plans.push({ query: statement.query, scans: scansOf(row!["QUERY PLAN"][0].Plan) });
  }
  captured.length = 0;
  return plans;
}

function scansOf(node: PlanNode): string[] {
  const own = /Seq Scan/.test(node["Node Type"]) ? [`${node["Node Type"]} on ${node["Relation Name"]}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scansOf)];
}

const busiestCompany = async () => {
  const [row] = await client.$queryRaw<{ slug: string }[]>`
    SELECT en.slug FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
    WHERE en.kind = 'company' GROUP BY en.slug ORDER BY count(*) DESC LIMIT 1`;
  return row!.slug;
};
const scopeOf = (query: Record<string, string>) => resolveEventScope(parseFilters(new URLSearchParams(query)).filters);

describe("filtered dashboard queries at 60,000 facts", () => {
  const views: [string, () => Promise<unknown>][] = [
    ["overview numbers for one company", async () => getHeadlineNumbers(await scopeOf({ company: await busiestCompany() }))],
    ["timeline for one company", async () => listTimelineEvents(await scopeOf({ company: await busiestCompany() }))],
    ["order buckets for one company", async () => listFamilyBuckets(await scopeOf({ company: await busiestCompany() }), "chips_ordered", "quarter")],
    [
      "totals and sources for one company",
      async () => {
        const scope = await scopeOf({ company: await busiestCompany() });
        const totals = await listTotalsByCompany(scope, "penalty");
        return listFamilySources(
          scope,
          "penalty",
          totals.map((t) => ({ slug: t.slug, name: t.name })),
        );
      },
    ],
    ["events table for one company", async () => listEventsPage(await scopeOf({ company: await busiestCompany() }), { sort: "date", direction: "desc", page: 1, pageSize: 50 })],
    ["events of one type in one year", async () => listLatestEvents(await scopeOf({ type: "penalty", from: "2024-01", to: "2024-12" }))],
    ["full-text search", async () => listEventsPage(await scopeOf({ q: "penalty" }), { sort: "relevance", direction: "desc", page: 1, pageSize: 50 })],
    [
      "company page",
      async () => {
        const slug = await busiestCompany();
        return Promise.all([getEntityBySlug(slug), listFactsAbout(slug)]);
      },
    ],
    [
      "comparison of two chips",
      async () => {
        const chips = await client.entity.findMany({ where: { kind: "chip" }, take: 2, orderBy: { id: "asc" }, select: { slug: true } });
        return listSpecFactsFor(chips.map((c) => c.slug));
      },
    ],
  ];

  for (const [name, view] of views) {
    it(`${name}: no sequential scan of facts`, async () => {
      const plans = await plansOf(view);
      expect(plans.length, "the view reads facts or event figures").toBeGreaterThan(0);
      for (const plan of plans)
        expect(
          plan.scans.filter((scan) => scan.endsWith(" on facts")),
          plan.query,
        ).toEqual([]);
    });
  }

  it("the test can fail: an unindexed filter on facts is reported", async () => {
    const plans = await plansOf(() => client.fact.findMany({ where: { quote: { contains: "synthetic" } }, take: 5 }));
    expect(plans[0]!.scans.some((scan) => scan.endsWith(" on facts"))).toBe(true);
  });
});
