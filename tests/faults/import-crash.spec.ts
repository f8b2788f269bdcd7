// A bulk import killed with SIGKILL half-way leaves no half-written article; running it again
// completes it with nothing lost and nothing duplicated. Real PostgreSQL, throwaway database.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { migrateDatabase } from "@/lib/database/migrate";
import { createThrowawayDatabase } from "../support/throwaway-database";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

// Real texts: the source quotes and evidence sentences of the curated events, one article each.
function realArticles(): string[] {
  const events = JSON.parse(readFileSync("prisma/seed-data/events.json", "utf8")) as { source: { quote: string; outlet: string } }[];
  const evidence = JSON.parse(readFileSync("prisma/seed-data/evidence.json", "utf8")) as { events: Record<string, { facts: { span: string }[] }> };
  const texts = [...events.map((e) => e.source.quote), ...Object.values(evidence.events).flatMap((e) => e.facts.map((f) => f.span))];
  return [...new Set(texts.filter((t) => t.trim().length >= 40))];
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ articles: string; facts: string; duplicates: string }>(`
      SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM facts) AS facts,
             (SELECT count(*) - count(DISTINCT content_hash) FROM articles) AS duplicates`);
    return { articles: Number(rows[0]!.articles), facts: Number(rows[0]!.facts), duplicates: Number(rows[0]!.duplicates) };
  } finally {
    await client.end();
  }
}

test("kill -9 during an import, run it again: every article exactly once, with all its facts", async () => {
  test.setTimeout(180_000);
  const texts = realArticles();
  const dir = mkdtempSync(path.join(os.tmpdir(), "chipwatch-import-"));
  const file = path.join(dir, "articles.ndjson");
  writeFileSync(file, texts.map((text) => JSON.stringify({ text, outlet: "curated source" })).join("\n"));
  const crashed = await createThrowawayDatabase(SERVER);
  const clean = await createThrowawayDatabase(SERVER);
  try {
    for (const db of [crashed, clean]) await migrateDatabase(db.url);
    const victim = spawn("npx", ["tsx", "scripts/import.ts", file, "--accept"], { env: { ...process.env, DATABASE_URL: crashed.url }, stdio: "ignore", detached: true });
    await expect.poll(async () => (await counts(crashed.url)).articles, { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(3);
    const exited = new Promise((resolve) => victim.once("exit", resolve));
    process.kill(-victim.pid!, "SIGKILL"); // the whole process group: npx and the tsx child
    await exited;
    const partial = await counts(crashed.url);
    expect(partial.articles).toBeLessThan(texts.length);

    execFileSync("npx", ["tsx", "scripts/import.ts", file, "--accept"], { env: { ...process.env, DATABASE_URL: crashed.url }, stdio: "ignore" });
    execFileSync("npx", ["tsx", "scripts/import.ts", file, "--accept"], { env: { ...process.env, DATABASE_URL: clean.url }, stdio: "ignore" });
    const [afterCrash, reference] = [await counts(crashed.url), await counts(clean.url)];
    expect(afterCrash.articles).toBe(texts.length);
    expect(afterCrash.duplicates).toBe(0);
    expect(afterCrash).toEqual(reference);
  } finally {
    await crashed.stop();
    await clean.stop();
  }
});
