// Synthetic benchmark data: deterministic, internally consistent, every registry metric present,
// and never written into a database that holds real articles.
import { createHash } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { CONCEPTS, METRIC_KEYS } from "@/lib/metrics/registry";
import { datasetShape, generateDataset, SYNTHETIC_URL_PREFIX } from "../scripts/synth/generate";
import { synthesize, SynthRefused } from "../scripts/synth/load";
import { prepareDatabase } from "@/lib/database/prepare";
import { createThrowawayDatabase } from "./support/throwaway-database";

function digest(facts: number, seed: number) {
  const hash = createHash("sha256");
  const dataset = generateDataset({ facts, seed });
  hash.update(JSON.stringify(dataset.entities));
  for (const item of dataset.events()) hash.update(JSON.stringify(item));
  return hash.digest("hex");
}

describe("synthetic data", () => {
  it("is the same for the same seed and different for another", () => {
    expect(digest(3_000, 1)).toBe(digest(3_000, 1));
    expect(digest(3_000, 1)).not.toBe(digest(3_000, 2));
  });

  it("has exactly the requested facts, each quoting its article at its offsets, and every metric", () => {
    const dataset = generateDataset({ facts: 12_345, seed: 20261129 });
    const metrics = new Set<string>();
    let facts = 0;
    let events = 0;
    for (const { event, article, facts: rows, eventEntities } of dataset.events()) {
      events++;
      expect(article.url.startsWith(SYNTHETIC_URL_PREFIX)).toBe(true);
      expect(eventEntities.some((link) => link.role === "subject")).toBe(true);
      for (const fact of rows) {
        facts++;
        metrics.add(fact.metric);
        expect(article.text.slice(fact.quoteStart, fact.quoteEnd)).toBe(fact.quote);
        expect(fact.eventId).toBe(event.id);
        expect(CONCEPTS[fact.metric].unit).toBe(fact.unit);
      }
    }
    expect(facts).toBe(12_345);
    expect(events).toBe(datasetShape(12_345).events);
    expect([...metrics].sort()).toEqual([...METRIC_KEYS].sort());
  });

  it("refuses a database that holds real articles, and leaves it untouched", async () => {
    const counts = () => Promise.all([db.article.count(), db.fact.count(), db.entity.count()]);
    const before = await counts();
    await db.$disconnect(); // the embedded server allows one session per process
    await expect(synthesize(inject("databaseUrl"), { facts: 100, seed: 1 })).rejects.toThrow(SynthRefused);
    await expect(synthesize(inject("databaseUrl"), { facts: 100, seed: 1 })).rejects.toThrow(/real article/);
    expect(await counts()).toEqual(before);
  });

  // Needs a second database on the server: real PostgreSQL only.
  it.skipIf(!process.env.TEST_DATABASE_URL)("is never given the demo data by npm start, so a benchmark can reuse it", async () => {
    const database = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
    try {
      expect((await synthesize(database.url, { facts: 300, seed: 1 })).reused).toBe(false);
      expect((await prepareDatabase(database.url, { seed: "if-new" })).seeded).toBeNull();
      expect((await synthesize(database.url, { facts: 300, seed: 1 })).reused).toBe(true);
    } finally {
      await database.stop();
    }
  });
});
