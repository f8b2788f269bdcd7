// data:export then data:import into an empty database loses nothing: exporting the restored
// database gives the same rows, ids and timestamps included.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { migrateDatabase } from "@/lib/database/migrate";
import { BackupError, exportBackup, importBackup } from "@/lib/data/backup";
import { db } from "@/lib/db";
import { isMetricKey } from "@/lib/metrics/registry";
import { withFreshDatabase } from "./support/fresh-database";

async function collect(source: AsyncIterable<string>) {
  const lines: string[] = [];
  for await (const line of source) lines.push(line);
  return lines;
}

async function* from(lines: string[]) {
  yield* lines;
}

describe("backup round trip", () => {
  it("restores every entity, article, event, link and fact exactly", async () => {
    const original = await collect(exportBackup(db));
    expect(original.length).toBeGreaterThan(300);
    await withFreshDatabase(async (url) => {
      await migrateDatabase(url);
      const target = createPrismaClient(url, 1);
      try {
        const counts = await importBackup(target, from(original));
        expect(counts.facts).toBe(await db.fact.count());
        const restored = await collect(exportBackup(target));
        expect(restored.slice(1)).toEqual(original.slice(1));
        // New rows get fresh ids after a restore.
        const next = await target.entity.create({ data: { name: "Restore check", slug: "restore-check", kind: "company" } });
        expect(next.id).toBeGreaterThan(await db.entity.count());
        await expect(importBackup(target, from(original))).rejects.toThrow(/not empty/);
      } finally {
        await target.$disconnect();
      }
    });
  });

  it("restores a Chipwatch 0.1 backup, mapping its metric keys to the registry", async () => {
    const lines = (await readFile("tests/fixtures/backup-v1.ndjson", "utf8")).split("\n").filter(Boolean);
    const v01Facts = lines
      .filter((line) => line.startsWith('{"table":"facts"'))
      .map((line) => (JSON.parse(line) as { row: { id: number; metric: string; value: string; unit: string } }).row);
    await withFreshDatabase(async (url) => {
      await migrateDatabase(url);
      const target = createPrismaClient(url, 1);
      try {
        const counts = await importBackup(target, from(lines));
        expect(counts.facts).toBe(v01Facts.length);
        const facts = await target.fact.findMany({ orderBy: { id: "asc" } });
        expect(facts.map((fact) => [fact.id, fact.value.toString(), fact.unit])).toEqual(v01Facts.map((fact) => [fact.id, String(Number(fact.value)), fact.unit]));
        expect(facts.filter((fact) => !isMetricKey(fact.metric))).toEqual([]);
        const cadence = facts.find((fact) => v01Facts.find((old) => old.id === fact.id)!.metric === "total_penalty")!;
        expect(cadence).toMatchObject({ metric: "penalty_amount", qualifiers: { component: "total" } });
        expect(Number(cadence.usdValue)).toBe(140_000_000);
      } finally {
        await target.$disconnect();
      }
    });
  });

  it("refuses truncated or foreign files before writing anything", async () => {
    const original = await collect(exportBackup(db));
    await withFreshDatabase(async (url) => {
      await migrateDatabase(url);
      const target = createPrismaClient(url, 1);
      try {
        await expect(importBackup(target, from(original.slice(0, -5)))).rejects.toBeInstanceOf(BackupError);
        await expect(importBackup(target, from(['{"hello": "world"}']))).rejects.toThrow(/not a chipwatch-backup/);
        expect(await target.entity.count()).toBe(0);
      } finally {
        await target.$disconnect();
      }
    });
  });
});
