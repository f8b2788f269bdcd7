// Upgrading a Chipwatch 0.1 database loses nothing: the demo data as 0.1 stored it (metric keys
// such as h20_units_sold_2024) is loaded into a database at 0.1's schema, migrated, and read back:
// every fact is still there with the same value, unit, bound and quote, under a registry metric.
import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/database/migrate";
import { isMetricKey, LEGACY_METRICS } from "@/lib/metrics/registry";
import { withFreshDatabase } from "./support/fresh-database";

const LAST_V01_MIGRATION = "20261129040000_event_figures";

type FactRow = { id: number; metric: string; value: string; value_max: string | null; unit: string; bound: string; quote: string; quote_start: number; subject_label: string };

describe("upgrade from Chipwatch 0.1", () => {
  it("maps every 0.1 fact to a registry metric and changes no value", async () => {
    await withFreshDatabase(async (url) => {
      await migrateDatabase(url, await migrationsUpTo(LAST_V01_MIGRATION));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // Rows restored as pg_dump wrote them: links between entities may come before their
        // targets, so constraints and triggers wait until the data is in (as pg_restore does).
        await client.query("SET session_replication_role = replica");
        await client.query(await readFile("tests/fixtures/v1-data.sql", "utf8"));
        await client.query("SET session_replication_role = DEFAULT");
        const before = await facts(client);
        expect(before).toHaveLength(148);
        expect(before.every((fact) => fact.metric in LEGACY_METRICS)).toBe(true);

        const result = await migrateDatabase(url);
        expect(result.applied[0]).toBe("20261130000000_fact_model");

        const after = await facts(client);
        expect(after).toHaveLength(before.length);
        expect(after.filter((fact) => !isMetricKey(fact.metric))).toEqual([]);
        const strip = ({ metric: _metric, ...fact }: FactRow) => fact;
        expect(after.map(strip)).toEqual(before.map(strip));
        // What the old key carried is now data on the fact.
        const sold = before.find((fact) => fact.metric === "h20_units_sold_2024")!;
        const {
          rows: [soldNow],
        } = await client.query(`SELECT metric, product_label, product_id IS NOT NULL AS has_product, period_start::text, period_end::text FROM facts WHERE id = $1`, [sold.id]);
        expect(soldNow).toEqual({ metric: "units_sold", product_label: "H20", has_product: true, period_start: "2024-01-01", period_end: "2024-12-31" });
        // Money has its US-dollar value; the rollup is rebuilt from the registry's families.
        const {
          rows: [money],
        } = await client.query(`SELECT count(*) FILTER (WHERE usd_value IS NULL)::int AS missing, count(*)::int AS total FROM facts WHERE unit = 'USD'`);
        expect(money.missing).toBe(0);
        expect(money.total).toBeGreaterThan(10);
        const { rows: figures } = await client.query(`SELECT family, sum(hi)::float8 AS total FROM event_figures GROUP BY family ORDER BY family`);
        expect(figures).toContainEqual({ family: "penalty", total: 440_000_000 });
        // A second migrate changes nothing.
        expect((await migrateDatabase(url)).applied).toEqual([]);
        expect(await facts(client)).toEqual(after);
      } finally {
        await client.end();
      }
    });
  }, 120_000);
});

async function facts(client: pg.Client): Promise<FactRow[]> {
  const { rows } = await client.query<FactRow>(`SELECT id, metric, value::text, value_max::text, unit, bound::text, quote, quote_start, subject_label FROM facts ORDER BY id`);
  return rows;
}

/** A copy of prisma/migrations holding the migrations up to and including `last`. */
async function migrationsUpTo(last: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "chipwatch-migrations-"));
  for (const name of await readdir("prisma/migrations")) {
    if (name.endsWith(".toml") || name <= last) await cp(path.join("prisma/migrations", name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
