// npm run db:migrate keeps Prisma's bookkeeping, is a no-op the second time, and two runners
// started together apply each migration exactly once.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { migrateDatabase } from "@/lib/database/migrate";
import { withFreshDatabase } from "./support/fresh-database";

async function migrationRows(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe("db:migrate", () => {
  it("applies every migration once and records it as Prisma does; the second run applies nothing", async () => {
    await withFreshDatabase(async (url) => {
      const first = await migrateDatabase(url);
      expect(first.applied.length).toBeGreaterThan(0);
      const second = await migrateDatabase(url);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(first.applied);
      const rows = await migrationRows(url);
      expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
      for (const row of rows) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
    });
  });

  it.runIf(inject("databaseKind") === "postgres")(
    "two `npm run db:migrate` processes started together apply each migration exactly once",
    async () => {
      await withFreshDatabase(async (url) => {
        const run = () => promisify(execFile)("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL: url } });
        const outputs = await Promise.all([run(), run()]);
        const rows = await migrationRows(url);
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.migration_name)).size).toBe(rows.length);
        expect(rows.every((r) => r.finished_at)).toBe(true);
        // Exactly one of the two reported applying them.
        expect(outputs.filter((o) => /Applied \d+ migration/.test(o.stdout))).toHaveLength(1);
      });
    },
    60_000,
  );

  it("two concurrent runners in one process apply each migration exactly once", async () => {
    await withFreshDatabase(async (url) => {
      const results = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
      const appliedTotal = results.flatMap((r) => r.applied);
      const rows = await migrationRows(url);
      expect(appliedTotal).toEqual(rows.map((r) => r.migration_name));
      expect(new Set(appliedTotal).size).toBe(appliedTotal.length);
    });
  });

  it("a failed migration is recorded with its error and blocks later runs with a clear message", async () => {
    await withFreshDatabase(async (url) => {
      const { mkdtemp, mkdir, writeFile, cp } = await import("node:fs/promises");
      const os = await import("node:os");
      const path = await import("node:path");
      const dir = await mkdtemp(path.join(os.tmpdir(), "chipwatch-migrations-"));
      await cp("prisma/migrations", dir, { recursive: true });
      await mkdir(path.join(dir, "29990101000000_broken"));
      await writeFile(path.join(dir, "29990101000000_broken", "migration.sql"), `CREATE TABLE "x" ("id" INT);\nSELECT no_such_function();`);
      await expect(migrateDatabase(url, dir)).rejects.toThrow(/29990101000000_broken failed/);
      const broken = (await migrationRows(url)).find((r) => r.migration_name === "29990101000000_broken");
      expect(broken?.finished_at).toBeNull();
      await expect(migrateDatabase(url, dir)).rejects.toThrow(/failed earlier and was not resolved/);
      // The transaction rolled back: the half-created table is not there.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(`SELECT to_regclass('public.x') AS t`);
      await client.end();
      expect(rows[0].t).toBeNull();
    });
  });
});
