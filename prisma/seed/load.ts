// Reads and validates the seed files shipped in prisma/seed-data.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { curatedEventSchema, evidenceSchema, seedArticleSchema, seedEntitySchema, specRowSchema } from "./schema";
import type { SeedInput } from "./plan";

export const SEED_DATA_DIR = path.resolve(import.meta.dirname, "../seed-data");

export async function loadSeedInput(dir = SEED_DATA_DIR): Promise<SeedInput> {
  const read = async <T>(file: string, schema: z.ZodType<T>): Promise<T> => {
    const parsed = schema.safeParse(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    if (!parsed.success) throw new Error(`${file} is invalid:\n${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
  const seedArticle = await read("seed-article.json", seedArticleSchema);
  return {
    entities: await read("entities.json", z.array(seedEntitySchema)),
    events: await read("events.json", z.array(curatedEventSchema)),
    specs: await read("specs.json", z.array(specRowSchema)),
    evidence: await read("evidence.json", evidenceSchema),
    seedArticle,
    seedArticleText: await readFile(path.join(dir, seedArticle.article.textFile), "utf8"),
  };
}
