// Export and import of everything Chipwatch knows — entities, articles, events, their entities
// and facts — as NDJSON, ids and timestamps preserved, so a backup restores exactly.
import { z } from "zod";
import { LEGACY_PREFIX, mapLegacyFacts, prismaQueryable } from "@/lib/database/reference-data";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { classifyUnclassifiedSources } from "@/lib/sources/classify-stored";

export const BACKUP_FORMAT = "chipwatch-backup";
const TABLES = ["entities", "articles", "events", "event_entities", "facts"] as const;
type Table = (typeof TABLES)[number];

// Version 2: facts carry registry concepts with qualifiers (issue 11). Version 1 files (Chipwatch
// 0.1) carry the old metric keys, which are mapped on import exactly as the migration maps them.
const BACKUP_VERSION = 2;
const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  counts: z.record(z.string(), z.number()),
});
const lineSchema = z.object({ table: z.enum(TABLES), row: z.record(z.string(), z.unknown()) });

/** Yields the backup line by line (a million facts never sit in memory as one string). */
export async function* exportBackup(db: PrismaClient): AsyncGenerator<string> {
  const counts = {
    entities: await db.entity.count(),
    articles: await db.article.count(),
    events: await db.event.count(),
    event_entities: await db.eventEntity.count(),
    facts: await db.fact.count(),
  };
  yield JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date().toISOString(), counts });
  const pages = {
    entities: (cursor: number) => db.entity.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 1000 }),
    articles: (cursor: number) => db.article.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 200 }),
    events: (cursor: number) => db.event.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 1000 }),
    facts: (cursor: number) => db.fact.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: 2000 }),
  };
  for (const table of ["entities", "articles", "events"] as const) {
    for (let cursor = 0; ;) {
      const rows = await pages[table](cursor);
      if (rows.length === 0) break;
      for (const row of rows) yield JSON.stringify({ table, row });
      cursor = rows.at(-1)!.id;
    }
  }
  for (const row of await db.eventEntity.findMany({ orderBy: [{ eventId: "asc" }, { entityId: "asc" }] })) yield JSON.stringify({ table: "event_entities", row });
  for (let cursor = 0; ;) {
    const rows = await pages.facts(cursor);
    if (rows.length === 0) break;
    for (const row of rows) yield JSON.stringify({ table: "facts", row });
    cursor = rows.at(-1)!.id;
  }
}

export class BackupError extends Error {}

/** Restores a backup into an empty database, in one transaction: all of it or nothing. */
export async function importBackup(db: PrismaClient, lines: AsyncIterable<string>): Promise<Record<Table, number>> {
  const rows: Record<Table, Record<string, unknown>[]> = { entities: [], articles: [], events: [], event_entities: [], facts: [] };
  let header: z.infer<typeof headerSchema> | null = null;
  let number = 0;
  for await (const line of lines) {
    number++;
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new BackupError(`line ${number}: not JSON`);
    }
    if (!header) {
      const parsed = headerSchema.safeParse(json);
      if (!parsed.success) throw new BackupError(`line 1: not a ${BACKUP_FORMAT} file (version 1 or 2)`);
      header = parsed.data;
      continue;
    }
    const parsed = lineSchema.safeParse(json);
    if (!parsed.success) throw new BackupError(`line ${number}: expected {"table", "row"}`);
    rows[parsed.data.table].push(parsed.data.row);
  }
  if (!header) throw new BackupError("the file is empty");
  for (const table of TABLES) {
    if ((header.counts[table] ?? 0) !== rows[table].length) {
      throw new BackupError(`the file is incomplete: ${rows[table].length} ${table} rows, the header says ${header.counts[table]}`);
    }
  }
  const existing = (await db.entity.count()) + (await db.article.count());
  if (existing > 0) throw new BackupError("the database is not empty: import restores into an empty database only");

  await db.$transaction(
    async (tx) => {
      const revive = (row: Record<string, unknown>, dates: string[]) => {
        const copy = { ...row };
        for (const key of dates) if (typeof copy[key] === "string") copy[key] = new Date(copy[key] as string);
        return copy;
      };
      const entities = rows.entities.map((row) => revive(row, ["createdAt"]));
      // Parents and vendors point at other entities: insert without links, then link.
      await tx.entity.createMany({ data: entities.map(({ parentId: _p, vendorId: _v, ...row }) => row) as Prisma.EntityCreateManyInput[] });
      for (const row of entities) {
        if (row.parentId || row.vendorId)
          await tx.entity.update({
            where: { id: row.id as number },
            data: { parentId: (row.parentId as number | null) ?? null, vendorId: (row.vendorId as number | null) ?? null },
          });
      }
      await tx.article.createMany({ data: rows.articles.map((row) => revive(row, ["createdAt", "publishedAt"])) as Prisma.ArticleCreateManyInput[] });
      // A backup from before source kinds has none: derive them, as a start would.
      await classifyUnclassifiedSources(tx);
      await tx.event.createMany({ data: rows.events.map((row) => revive(row, ["createdAt", "date"])) as Prisma.EventCreateManyInput[] });
      await tx.eventEntity.createMany({ data: rows.event_entities as Prisma.EventEntityCreateManyInput[] });
      const legacy = header!.version === 1;
      for (let i = 0; i < rows.facts.length; i += 5000) {
        const facts = rows.facts.slice(i, i + 5000).map((row) => {
          // The US-dollar columns are the database's to compute; 0.1 keys are marked for mapping.
          const { usdValue: _v, usdValueMax: _m, usdRate: _r, usdRateMonth: _d, ...fact } = revive(row, ["createdAt", "updatedAt", "date", "periodStart", "periodEnd"]);
          return legacy ? { ...fact, metric: `${LEGACY_PREFIX}${String(fact.metric)}` } : fact;
        });
        await tx.fact.createMany({ data: facts as Prisma.FactCreateManyInput[] });
      }
      if (legacy) await mapLegacyFacts(prismaQueryable(tx));
      // New rows must not collide with restored ids.
      for (const table of ["entities", "articles", "events", "facts"]) {
        await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((SELECT max(id) FROM "${table}"), 0) + 1, false)`);
      }
    },
    { timeout: 600_000 },
  );
  return Object.fromEntries(TABLES.map((table) => [table, rows[table].length])) as Record<Table, number>;
}
