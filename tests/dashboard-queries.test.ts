// The dashboard's queries against the seeded database: what the charts and numbers will show,
// checked against direct SQL written independently of the query code.
import { describe, expect, it } from "vitest";
import { SYSTEMS_PRESET } from "@/lib/charts/compare-params";
import { loadComparison } from "@/lib/charts/compare-view";
import { db } from "@/lib/db";
import { listEventsPage, listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { getHeadlineNumbers, listFamilyBuckets, listRelatedFigures, listTotalsByCompany } from "@/lib/facts/queries";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { describeCompanyScope } from "@/lib/filters/describe";
import { formatQuantity } from "@/lib/metrics/format";

const scopeOf = (query: string) => resolveEventScope(parseFilters(new URLSearchParams(query)).filters);

async function directCount(sql: string, ...params: unknown[]) {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(sql, ...params);
  return Number(row!.n);
}

describe("overview queries", () => {
  it("the timeline has every event, oldest first, with a key figure where one was stated", async () => {
    const { rows, total } = await listTimelineEvents(await scopeOf(""));
    expect(rows).toHaveLength(await db.event.count());
    expect(total).toBe(rows.length);
    expect(rows[0]!.slug).toBe("nudt-entity-list-2015");
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
    expect(rows.find((r) => r.slug === "cadence-guilty-plea-2025")!.keyFigure).toMatchObject({ metric: "penalty_amount", qualifiers: { component: "total" }, value: 140_000_000 });
  });

  it("a timeline with more events than it draws keeps the latest and counts them all", async () => {
    const all = await listTimelineEvents(await scopeOf(""));
    const capped = await listTimelineEvents(await scopeOf(""), 5);
    expect(capped.total).toBe(all.total);
    expect(capped.rows.map((r) => r.id)).toEqual(all.rows.slice(-5).map((r) => r.id));
  });

  it("the latest events come newest first with their sources", async () => {
    const latest = await listLatestEvents(await scopeOf(""), 3);
    expect(latest.map((e) => e.date)).toEqual([...latest.map((e) => e.date)].sort().reverse());
    expect(latest[0]!.source?.url).toMatch(/^https?:\/\//);
  });

  it("CloudMatrix 384 vs GB200 NVL72 shows both power reports with their sources", async () => {
    const { rows } = await loadComparison(SYSTEMS_PRESET.params);
    const power = rows.filter((r) => r.metric === "power").map((r) => `${r.display} (${r.sources.map((s) => s.outlet).join(", ")})`);
    expect(power.sort()).toEqual(["559 kW (capacitymedia.com)", "~600 kW (Aiwire)"]);
    expect(rows.find((r) => r.metric === "relative_performance:FP16")?.normalised).toBe(1.4);
    expect(rows.find((r) => r.metric === "compute:BF16:dense")?.normalised).toBeCloseTo(300 / 180);
    // Compute at another precision is another series, never set against BF16.
    expect(rows.filter((r) => r.metric.startsWith("compute:")).every((r) => r.metricLabel.startsWith("Compute ("))).toBe(true);
  });
});

describe("filters", () => {
  it("company=huawei shows only events involving Huawei, and the headline count matches direct SQL", async () => {
    const scope = await scopeOf("company=huawei");
    const { rows } = await listTimelineEvents(scope);
    const direct = await directCount(`SELECT count(DISTINCT ee.event_id) AS n FROM event_entities ee JOIN entities en ON en.id = ee.entity_id WHERE en.slug = $1`, "huawei");
    expect(rows).toHaveLength(direct);
    const numbers = await getHeadlineNumbers(scope);
    expect(numbers.events).toBe(direct);
    // Companies named in those events (Huawei among them), counted by direct SQL.
    const companies = await directCount(
      `SELECT count(DISTINCT en.id) AS n FROM event_entities ee JOIN entities en ON en.id = ee.entity_id AND en.kind = 'company'
       WHERE ee.event_id IN (SELECT ee2.event_id FROM event_entities ee2 JOIN entities h ON h.id = ee2.entity_id WHERE h.slug = $1)`,
      "huawei",
    );
    expect(companies).toBeGreaterThan(1);
    expect(numbers.companies).toBe(companies);
    const withHuawei = await db.event.findMany({ where: { id: { in: rows.map((r) => r.id) } }, include: { entities: { include: { entity: true } } } });
    expect(withHuawei.every((e) => e.entities.some((ee) => ee.entity.slug === "huawei"))).toBe(true);
  });

  it("subsidiaries are included only when asked", async () => {
    const withSubs = await scopeOf("company=nvidia&subsidiaries=1");
    expect(withSubs.addedSubsidiaries).toContain("Mellanox");
    const without = await scopeOf("company=nvidia");
    expect(without.addedSubsidiaries).toEqual([]);
  });

  it("type, country, date range and search narrow the events as a direct query does", async () => {
    const scope = await scopeOf("type=penalty&type=investigation&country=TW&from=2025-01&to=2025-12");
    const { rows } = await listTimelineEvents(scope);
    const direct = await directCount(
      `SELECT count(*) AS n FROM events WHERE type::text IN ('penalty','investigation') AND 'TW' = ANY(countries) AND date >= '2025-01-01' AND date < '2026-01-01'`,
    );
    expect(rows).toHaveLength(direct);
    expect(rows.map((r) => r.slug)).toContain("tsmc-possible-penalty-2025");

    // "rare-earth" is only in the founding article's text, outside every quote: it finds no event
    // (it used to find every event with a fact from that article).
    const search = await listEventsPage(await scopeOf("q=rare-earth"), { sort: "relevance", direction: "desc", page: 1, pageSize: 10 });
    expect(search.total).toBe(0);
    const quoted = await listEventsPage(await scopeOf("q=TSMC"), { sort: "relevance", direction: "desc", page: 1, pageSize: 25 });
    expect(quoted.rows.map((r) => r.slug)).toContain("nvidia-tsmc-h20-order-2025");
  });

  it("unknown companies are dropped with a notice instead of matching nothing", async () => {
    const scope = await scopeOf("company=no-such-co&company=huawei");
    expect(scope.filters.companies).toEqual(["huawei"]);
    expect(scope.notices).toEqual([{ key: "company", value: "no-such-co", message: "no such company or entity" }]);
  });
});

describe("search", () => {
  it("q=stockpile ranks the stockpile event first, shows why it matched, and finds 'stockpiled' too", async () => {
    const { rows } = await listEventsPage(await scopeOf("q=stockpile"), { sort: "relevance", direction: "desc", page: 1, pageSize: 25 });
    expect(rows[0]!.slug).toBe("h20-stockpiling-2025");
    expect(rows[0]!.snippet).toMatch(/\u0001Stockpile\u0002 event: Report: ByteDance/);
    expect(rows.every((row) => row.snippet !== null)).toBe(true);
  });

  it("a word found only elsewhere in a long article matches no event through it", async () => {
    // "tensions" is in the founding article's title, not in any event, quote or kept excerpt.
    const { total } = await listEventsPage(await scopeOf("q=tensions"), { sort: "relevance", direction: "desc", page: 1, pageSize: 25 });
    expect(total).toBe(0);
    const founding = await db.article.findFirstOrThrow({ where: { outlet: "Aiwire" }, select: { title: true } });
    expect(founding.title.toLowerCase()).toContain("tensions");
  });
});

describe("source filter", () => {
  it("source=primary keeps the events a primary source reports and counts only what primary sources state", async () => {
    const scope = await scopeOf("source=primary");
    const { rows } = await listTimelineEvents(scope);
    const expected = await directCount(`
      SELECT count(DISTINCT e.id) AS n FROM events e
      WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = e.source_article_id AND a.source_kind = 'primary')
         OR EXISTS (SELECT 1 FROM facts f JOIN articles a ON a.id = f.article_id WHERE f.event_id = e.id AND f.review_status = 'accepted' AND a.source_kind = 'primary')`);
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    expect(rows.length).toBeLessThan(await db.event.count());
    // Penalties: the sum of each event's range over primary facts only, by direct SQL.
    const [direct] = await db.$queryRawUnsafe<{ hi: number | null }[]>(`
      SELECT sum(hi)::float8 AS hi FROM (
        SELECT max(coalesce(f.usd_value_max, f.usd_value)) AS hi FROM facts f
        JOIN articles a ON a.id = f.article_id AND a.source_kind = 'primary'
        JOIN metric_families mf ON mf.metric = f.metric AND mf.family = 'penalty' AND f.status::text = ANY(mf.statuses)
        WHERE f.review_status = 'accepted' AND f.event_id IS NOT NULL
        GROUP BY f.event_id, coalesce(f.subject_id::text, f.subject_label, '')) figures`);
    const numbers = await getHeadlineNumbers(scope);
    expect(numbers.events).toBe(expected);
    expect(numbers.penalties.valueMax ?? numbers.penalties.value).toBe(direct!.hi ?? 0);
    const all = await getHeadlineNumbers(await scopeOf(""));
    expect(numbers.penalties.count).toBeLessThanOrEqual(all.penalties.count);
  });
});

describe("sums", () => {
  it("headline numbers count a figure reported by two sources once, and keep ranges and bounds", async () => {
    const numbers = await getHeadlineNumbers(await scopeOf(""));
    // Penalties: Seagate $300M (BIS) + Cadence ≥ $140M (reported twice, counted once).
    expect(formatQuantity(numbers.penalties)).toBe("≥ $440M");
    expect(numbers.penalties.count).toBe(2);
    // Orders: Baidu's purchase of 1,600 Ascend 910B. Nvidia's 300,000 H20 ordered from TSMC is
    // Nvidia making its own chips (a production order), not a purchase by a buyer.
    expect(numbers.chipsOrdered.value).toBe(1_600);
    expect(numbers.chipsOrdered.rule).toMatch(/purchase orders.*by buyer/);
    // Stockpiles: none stated by a buyer; Nvidia's H20 inventory is a vendor's own stock.
    expect(numbers.chipsStockpiled.count).toBe(0);
  });

  it("under a company filter, counts only figures where the company is the actor or counterparty", async () => {
    const huawei = await scopeOf("company=huawei");
    const numbers = await getHeadlineNumbers(huawei);
    // Seagate's $300M penalty is in an event about shipments to Huawei, but Huawei neither paid it
    // nor imposed it: it is listed as Seagate's, not summed as Huawei's.
    expect(numbers.penalties.count).toBe(0);
    expect(await listTotalsByCompany(huawei, "penalty")).toEqual([]);
    const related = await listRelatedFigures(huawei);
    expect(related.map((r) => [r.family, r.company, formatQuantity(r.total)])).toContainEqual(["penalty", "Seagate", "$300M"]);
    // Baidu ordered 1,600 of Huawei's chips: Huawei is the supplier (counterparty).
    expect(numbers.chipsOrdered.value).toBe(1_600);
    expect((await getHeadlineNumbers(await scopeOf("company=huawei&role=actor"))).chipsOrdered.count).toBe(0);
    expect((await getHeadlineNumbers(await scopeOf("company=baidu&role=actor"))).chipsOrdered.value).toBe(1_600);
    expect(describeCompanyScope(huawei.filters, huawei.companyNames)).toMatch(
      /^Events involving Huawei\. Headline numbers and charts count a figure only where Huawei appears in it as the actor .* or the counterparty/,
    );
  });

  it("totals by company and per-year buckets add up to the headline", async () => {
    const scope = await scopeOf("");
    const penalties = await listTotalsByCompany(scope, "penalty");
    expect(penalties.map((p) => [p.name, formatQuantity(p.total)])).toEqual([
      ["Seagate", "$300M"],
      ["Cadence Design Systems", "≥ $140M"],
    ]);
    const years = await listFamilyBuckets(scope, "penalty", "year");
    expect(years.map((y) => [y.bucket, y.total.value])).toEqual([
      ["2023-01-01", 300_000_000],
      ["2025-01-01", 140_000_000],
    ]);
  });
});
