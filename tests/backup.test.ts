// data:export then data:import into an empty database loses nothing: exporting the restored
// database gives the same rows, ids and timestamps included.
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { migrateDatabase } from "@/lib/database/migrate";
import { BackupError, exportBackup, importBackup } from "@/lib/data/backup";
import { db } from "@/lib/db";
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
