// A database seeded with the demo data before its sources were revised (issue 18) picks the
// revised sources up on its next start: the same events, no fact twice, the NUDT 2015 listing
// cited from The Mercury News instead of a personal blog, a figure the new page states differently
// kept beside the old one as a second report, pages titled by outlet and date, every source with
// its kind — and a second start changes nothing. The seed data as it was is kept in
// tests/fixtures/seed-2026-11-29.
import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { prepareDatabase } from "@/lib/database/prepare";
import { applySeedPlan } from "@/prisma/seed/apply";
import { loadSeedInput, SEED_DATA_DIR } from "@/prisma/seed/load";
import { planSeed } from "@/prisma/seed/plan";
import { withFreshDatabase } from "./support/fresh-database";

async function previousSeedData(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chipwatch-seed-"));
  await cp(SEED_DATA_DIR, dir, { recursive: true });
  await cp("tests/fixtures/seed-2026-11-29", dir, { recursive: true });
  return dir;
}

describe("the revised seed sources reach an existing database", () => {
  it("moves events to their stronger sources without duplicating events or facts", async () => {
    await withFreshDatabase(async (url) => {
      await prepareDatabase(url, { seed: "never" });
      const client = createPrismaClient(url, 1);
      try {
        // The database as the previous version left it: the old sources, their old titles, no kinds.
        await applySeedPlan(client, planSeed(await loadSeedInput(await previousSeedData())));
        await client.$executeRaw`UPDATE articles SET title = 'Excerpts from ' || outlet, source_kind = NULL WHERE text_scope = 'excerpts'`;
        await client.seedState.deleteMany();
        const before = { events: await client.event.count(), facts: await client.fact.count() };
        const nudtBefore = await client.event.findUniqueOrThrow({ where: { slug: "nudt-entity-list-2015" }, select: { sourceArticle: { select: { url: true } } } });
        expect(nudtBefore.sourceArticle?.url).toContain("galazxynews.blogspot.com");

        const { seeded } = await prepareDatabase(url, { seed: "if-new" });
        expect(seeded).toMatchObject({ events: 0, resourced: 20 });
        expect(await client.event.count()).toBe(before.events);
        // What a fresh seed of the revised data holds, plus one fact: the old page's ~$7B Mellanox
        // price, kept beside the $6.9B Reuters states. (Spec rows that an old page's event fact
        // used to restate are now facts of their own pages, as in a fresh seed.)
        const revised = planSeed(await loadSeedInput());
        expect(await client.fact.count()).toBe(revised.facts.length + 1);
        expect(before.facts).toBeLessThan(revised.facts.length);
        const duplicates = await client.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM (
            SELECT 1 FROM facts GROUP BY article_id, event_id, metric, subject_label, value, value_max, bound HAVING count(*) > 1) d`;
        expect(duplicates[0]!.n).toBe(0);

        const nudt = await client.event.findUniqueOrThrow({
          where: { slug: "nudt-entity-list-2015" },
          select: { sourceArticle: { select: { url: true, title: true, sourceKind: true } }, facts: { select: { quote: true, article: { select: { url: true } } } } },
        });
        expect(nudt.sourceArticle).toEqual({
          url: "https://www.siliconvalley.com/2015/04/09/feds-block-intel-chips-for-china-supercomputer/",
          title: "The Mercury News, 9 Apr 2015",
          sourceKind: "news",
        });
        expect(nudt.facts).toContainEqual({ quote: "the Commerce Department included four banned entities in China", article: { url: nudt.sourceArticle!.url } });
        expect(nudt.facts.filter((fact) => fact.article.url!.includes("blogspot"))).toEqual([]);

        const mellanox = await client.fact.findMany({
          where: { event: { slug: "samr-nvidia-antitrust-2025" }, metric: "investment", subjectLabel: "Nvidia" },
          orderBy: { value: "asc" },
          select: { value: true, bound: true, article: { select: { outlet: true, sourceKind: true } } },
        });
        expect(mellanox.map((fact) => [Number(fact.value), fact.article.outlet, fact.article.sourceKind])).toEqual([
          [6_900_000_000, "israelhayom.com", "news"],
          [7_000_000_000, "investors.catenaa.com", "other"],
        ]);
        const seagate = await client.event.findUniqueOrThrow({ where: { slug: "seagate-penalty-2023" }, select: { date: true, datePrecision: true } });
        expect([seagate.date.toISOString().slice(0, 10), seagate.datePrecision]).toEqual(["2023-04-19", "day"]);

        expect(await client.article.count({ where: { title: { startsWith: "Excerpts from" } } })).toBe(0);
        expect(await client.article.count({ where: { sourceKind: null } })).toBe(0);
        expect((await prepareDatabase(url, { seed: "if-new" })).seeded).toBeNull();
        expect(await client.fact.count()).toBe(revised.facts.length + 1);
      } finally {
        await client.$disconnect();
      }
    });
  });
});
