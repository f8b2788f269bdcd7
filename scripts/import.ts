// npm run import -- <files, directories, .ndjson or http(s) URLs> [--accept]
// npm run import -- --feed <feed URL> [--every <minutes>] — follow a feed and poll it now (its new
// items' proposals wait at /review); run again to poll again (conditional request, new items only).
// Bulk import: each article is extracted and saved with its facts in its own transaction, as
// "pending review" (or accepted with --accept, under new events: one per type of what happened). Idempotent and resumable: an article already in
// Chipwatch (same URL or text) is skipped, so re-running after a crash loses and duplicates nothing.
// .ndjson lines: {"text": "...", "url": "...", "title": "...", "outlet": "...", "publishedAt": "YYYY-MM-DD"}
// A URL is fetched under the intake's limits and guards (lib/intake): its readable text, title,
// outlet, date and canonical URL; a refused or failed fetch counts as a failed article, with why.
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "./support/database";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { HtmlTooComplexError } from "@/lib/articles/html";
import { fetchArticle } from "@/lib/intake/article";
import { FetchRefused } from "@/lib/intake/fetch";
import { readablePage } from "@/lib/intake/page";
import { importArticle } from "@/lib/articles/import";
import { findDuplicateArticle } from "@/lib/articles/mutations";
import { articleInputSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { followFeed, pollFeed } from "@/lib/feeds/poll";

type RawArticle = { source: string; text: string; url?: string; title?: string; outlet?: string; publishedAt?: string };

async function main() {
  const args = process.argv.slice(2);
  const feedAt = args.indexOf("--feed");
  if (feedAt >= 0) return followAndPoll(args[feedAt + 1], args.includes("--every") ? Number(args[args.indexOf("--every") + 1]) : 60);
  const accept = args.includes("--accept");
  const inputs = args.filter((arg) => !arg.startsWith("--"));
  if (inputs.length === 0) throw new Error("usage: npm run import -- <files, directories, .ndjson or http(s) URLs> [--accept]");
  const articles = (await Promise.all(inputs.map(collect))).flat();
  const gazetteer = buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
  const counts = { imported: 0, skipped: 0, failed: 0, facts: 0 };
  for (const [index, raw] of articles.entries()) {
    progress(index, articles.length, counts);
    const parsed = articleInputSchema.safeParse({ text: raw.text, url: raw.url ?? "", title: raw.title ?? "", outlet: raw.outlet ?? "", publishedAt: raw.publishedAt ?? "" });
    if (!parsed.success) {
      counts.failed++;
      process.stderr.write(`\n${raw.source}: ${parsed.error.issues[0]!.message}\n`);
      continue;
    }
    if (await findDuplicateArticle(parsed.data.text, parsed.data.url)) {
      counts.skipped++;
      continue;
    }
    try {
      const saved = await importArticle(parsed.data, gazetteer, { accept, source: raw.source });
      counts.imported++;
      counts.facts += saved.facts;
    } catch (error) {
      counts.failed++;
      process.stderr.write(`\n${raw.source}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  progress(articles.length, articles.length, counts);
  process.stderr.write("\n");
  console.log(
    `Imported ${counts.imported} article(s) with ${counts.facts} fact(s) ${accept ? "accepted" : "pending review at /review"}; ${counts.skipped} already in Chipwatch; ${counts.failed} failed.`,
  );
  if (counts.failed) process.exitCode = 1;
}

async function collect(input: string): Promise<RawArticle[]> {
  if (/^https?:\/\//i.test(input)) {
    try {
      const page = await fetchArticle(input);
      return [{ source: input, text: page.text, url: page.url, title: page.title ?? undefined, outlet: page.outlet ?? undefined, publishedAt: page.publishedAt ?? undefined }];
    } catch (error) {
      if (error instanceof FetchRefused) return [{ source: `${input} (${error.message})`, text: "" }];
      throw error;
    }
  }
  const info = await stat(input).catch(() => null);
  if (!info) throw new Error(`${input}: no such file or directory`);
  if (info.isDirectory()) {
    const names = (await readdir(input)).filter((name) => /\.(txt|html?|md|ndjson)$/i.test(name)).sort();
    return (await Promise.all(names.map((name) => collect(path.join(input, name))))).flat();
  }
  const content = await readFile(input, "utf8");
  if (input.endsWith(".ndjson")) {
    return content
      .split("\n")
      .filter((line) => line.trim())
      .map((line, index) => {
        try {
          return { source: `${input}:${index + 1}`, ...(JSON.parse(line) as Omit<RawArticle, "source">) };
        } catch {
          return { source: `${input}:${index + 1}`, text: "" };
        }
      });
  }
  try {
    return [{ source: input, text: /\.html?$/i.test(input) ? readablePage(content, `file://${path.resolve(input)}`).text : content }];
  } catch (error) {
    // Refused pages count as failed articles, with the reason, like any unreadable input.
    if (error instanceof HtmlTooComplexError) return [{ source: `${input} (${error.message})`, text: "" }];
    throw error;
  }
}

async function followAndPoll(url: string | undefined, every: number) {
  if (!url || !/^https?:\/\//i.test(url)) throw new Error("usage: npm run import -- --feed <http(s) feed URL> [--every <minutes>]");
  if (!Number.isInteger(every) || every < 5 || every > 10_080) throw new Error("--every takes whole minutes between 5 and 10080");
  const { id, created } = await followFeed(url, every);
  const result = await pollFeed(id);
  if (result.status === "failed") throw new Error(result.error);
  console.log(
    `${created ? "Following" : "Polled"} feed ${id}: ${result.status === "not-modified" ? "nothing new (not modified)" : `${result.taken} new item(s), ${result.imported} imported (proposals pending review at /review), ${result.duplicates} already in Chipwatch, ${result.failed} failed`}.`,
  );
  if (result.failed) process.exitCode = 1;
}

function progress(done: number, total: number, counts: { imported: number; skipped: number; failed: number }) {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} · ${counts.imported} new · ${counts.skipped} skipped · ${counts.failed} failed`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await db.$disconnect();
    await closeScriptDatabase();
  });
