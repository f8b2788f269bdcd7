// Synthetic benchmark data: deterministic, internally consistent, every registry metric present,
// and never written into a database that holds real articles.
import { createHash } from "node:crypto";
import pg from "pg";
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

// event_figures' columns in the order event_figures_of() returns them (as refresh_event_figures inserts).
const FIGURE_COLUMNS = "family, event_id, subject_key, subject_id, subject_label, object_ids, currencies, date, lo, hi, lower_bound, upper_bound, approx, unconverted";

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

  // The loader drops indexes and keys for speed and builds them at the end: they must all be back,
  // and every article signed for near-duplicate detection as the app signs it.
  it.skipIf(!process.env.TEST_DATABASE_URL)("leaves every index and key the migrations made, and every article signed", async () => {
    const loaded = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
    const fresh = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
    try {
      await synthesize(loaded.url, { facts: 2_000, seed: 3 });
      await prepareDatabase(fresh.url, { seed: "never" });
      const shape = async (url: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query(`SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`);
          const { rows: constraints } = await client.query(
            `SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS d FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
          );
          const { rows: unsigned } = await client.query(
            `SELECT count(*)::int AS n FROM articles WHERE minhash IS NULL OR NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = articles.id)`,
          );
          const { rows: triggers } = await client.query(`SELECT tgrelid::regclass::text AS t, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1, 2`);
          // Every fact's event, article and subject exist (the loader skips the row-by-row checks).
          const { rows: orphans } = await client.query(
            `SELECT count(*)::int AS n FROM facts f WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id) OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)
               OR (f.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.id = f.subject_id))`,
          );
          // The rollup the loader refreshes at the end is the one the triggers keep (row for row).
          const { rows: figures } = await client.query(
            `SELECT count(*)::int AS n, (SELECT count(*)::int FROM (SELECT ${FIGURE_COLUMNS} FROM event_figures EXCEPT SELECT * FROM event_figures_of(ARRAY(SELECT id FROM events), NULL)) d) AS stale FROM event_figures`,
          );
          return { figures: figures[0], indexes: rows, constraints, triggers, unsigned: unsigned[0].n as number, orphans: orphans[0].n as number };
        } finally {
          await client.end();
        }
      };
      const [after, expected] = await Promise.all([shape(loaded.url), shape(fresh.url)]);
      expect(after.indexes).toEqual(expected.indexes);
      expect(after.constraints).toEqual(expected.constraints);
      expect(after.triggers).toEqual(expected.triggers);
      expect(after.unsigned).toBe(0);
      expect(after.orphans).toBe(0);
      expect(after.figures.n).toBeGreaterThan(10);
      expect(after.figures.stale).toBe(0);
    } finally {
      await loaded.stop();
      await fresh.stop();
    }
  });
});
