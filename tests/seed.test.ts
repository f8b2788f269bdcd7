// The demo data is real and traceable: every stored quote sits at its offsets in its article,
// every number in the founding article is a fact, and seeding twice changes nothing.
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { prepareDatabase } from "@/lib/database/prepare";

const SEED_TEXT = readFileSync("prisma/seed-data/seed-article.txt", "utf8");
const EVENTS = JSON.parse(readFileSync("prisma/seed-data/events.json", "utf8")) as { id: string; source: { quote: string } }[];

describe("seeded database", () => {
  it("stores the founding article verbatim as the first article", async () => {
    const first = await db.article.findFirstOrThrow({ orderBy: { id: "asc" } });
    expect(first.text).toBe(SEED_TEXT);
    expect(first.outlet).toBe("Aiwire");
    expect(first.textScope).toBe("full");
  });

  it("every fact's quote is found exactly at its offsets in its article's text", async () => {
    const facts = await db.fact.findMany({ select: { id: true, quote: true, quoteStart: true, quoteEnd: true, article: { select: { text: true } } } });
    expect(facts.length).toBeGreaterThan(130);
    const misplaced = facts.filter((f) => f.article.text.slice(f.quoteStart, f.quoteEnd) !== f.quote);
    expect(misplaced).toEqual([]);
  });

  it("every curated event's source quote is stored in its source article", async () => {
    const events = await db.event.findMany({ select: { slug: true, sourceArticle: { select: { text: true } } } });
    expect(events).toHaveLength(EVENTS.length);
    for (const curated of EVENTS) {
      const stored = events.find((e) => e.slug === curated.id);
      expect(stored?.sourceArticle?.text, curated.id).toContain(curated.source.quote);
    }
  });

  it("every number stated in the founding article is covered by a fact quote (product names aside)", async () => {
    const article = await db.article.findFirstOrThrow({ orderBy: { id: "asc" }, include: { facts: true } });
    const entityNames = (await db.entity.findMany({ select: { name: true, aliases: true } })).flatMap((e) => [e.name, ...e.aliases]);
    const productName = new RegExp(
      [...entityNames, "DeepSeek-R1", "Blackwell"]
        .filter((name) => /\d/.test(name))
        .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("|"),
      "g",
    );
    const namedSpans = [...SEED_TEXT.matchAll(productName)].map((m) => [m.index, m.index + m[0].length] as const);
    const numberWords = /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twice|double|triple|half|third|quarter|dozen|hundred|thousand|million|billion)\b/gi;
    // Words that count things no analyst would chart.
    const notMeasurements = [...SEED_TEXT.matchAll(/the two nations/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const uncovered = [...SEED_TEXT.matchAll(numberWords)]
      .filter((m) => ![...namedSpans, ...notMeasurements].some(([s, e]) => m.index >= s && m.index < e))
      .filter((m) => !article.facts.some((f) => m.index >= f.quoteStart && m.index < f.quoteEnd))
      .map((m) => `${m[0]} @${m.index}: …${SEED_TEXT.slice(m.index - 30, m.index + 30)}…`);
    expect(uncovered).toEqual([]);
    expect(article.facts.length).toBeGreaterThanOrEqual(16);
  });

  it("stores the founding article's headline facts with the right values, bounds and subjects", async () => {
    const facts = await db.fact.findMany({
      where: { article: { outlet: "Aiwire" } },
      include: { subject: true, object: true, event: true },
    });
    const find = (metric: string) => facts.find((f) => f.metric === metric)!;
    // Nvidia ordering its own H20 from TSMC: a production order, with the product on the fact.
    expect(Number(find("production_ordered").value)).toBe(300000);
    expect(find("production_ordered").subject?.name).toBe("Nvidia");
    expect(find("production_ordered").object?.name).toBe("TSMC");
    expect(find("production_ordered").event?.slug).toBe("nvidia-tsmc-h20-order-2025");
    expect([Number(find("inventory").value), Number(find("inventory").valueMax)]).toEqual([600000, 700000]);
    expect(find("inventory").bound).toBe("range");
    expect(find("inventory").productLabel).toBe("H20");
    expect(find("penalty_amount").bound).toBe("at_least");
    expect(find("penalty_amount").qualifiers).toEqual({ component: "total" });
    expect(Number(find("penalty_amount").value)).toBe(140_000_000);
    expect(Number(find("penalty_amount").usdValue)).toBe(140_000_000);
    expect(find("penalty_amount").subject?.name).toBe("Cadence Design Systems");
    expect(Number(find("relative_performance").value)).toBe(1.4);
    expect(find("relative_performance").qualifiers).toEqual({ precision: "FP16" });
    expect(find("relative_performance").object?.name).toBe("GB200 NVL72");
    expect(find("power").bound).toBe("approx");
    expect(find("lead_time").bound).toBe("at_most");
  });

  it("seeding again changes nothing", async () => {
    const snapshot = () =>
      db.$queryRaw<{ digest: string }[]>`
        SELECT md5(
          (SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM entities t) ||
          (SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM articles t) ||
          (SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM events t) ||
          (SELECT coalesce(string_agg(t::text, '|' ORDER BY t.event_id, t.entity_id), '') FROM event_entities t) ||
          (SELECT coalesce(string_agg(t::text, '|' ORDER BY t.id), '') FROM facts t)
        ) AS digest`;
    const before = await snapshot();
    await db.$disconnect(); // the embedded server allows one session per process
    const { seeded } = await prepareDatabase(inject("databaseUrl"), { seed: "always" });
    expect(seeded).toEqual({ entities: 0, articles: 0, events: 0, facts: 0, resourced: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
