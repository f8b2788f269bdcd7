// Where the extractor's known entities come from: the database (names and aliases, as reviewed in
// the app) when one is configured, otherwise the entity list shipped with the seed data.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildGazetteer, type GazetteerEntry, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import type { EntityKind } from "@/lib/generated/prisma/enums";

export async function loadGazetteer(): Promise<ReturnType<typeof buildGazetteer>> {
  if (process.env.DATABASE_URL) {
    const { db } = await import("@/lib/db");
    try {
      const entities = await db.entity.findMany({ select: GAZETTEER_FIELDS });
      return buildGazetteer(entities);
    } finally {
      await db.$disconnect();
    }
  }
  return buildGazetteer(await seedGazetteerEntries());
}

export async function seedGazetteerEntries(): Promise<GazetteerEntry[]> {
  const file = path.join(process.cwd(), "prisma", "seed-data", "entities.json");
  const entries = JSON.parse(await readFile(file, "utf8")) as { name: string; kind: EntityKind; aliases: string[]; country?: string | null }[];
  return entries.map(({ name, kind, aliases, country }) => ({ name, kind, aliases, country: country ?? null }));
}
