// npm run import -- <files, directories, .ndjson or http(s) URLs> [--accept]
// Bulk import: each article is extracted and saved with its facts in its own transaction, as
// "pending review" (or accepted with --accept, under new events: one per type of what happened). Idempotent and resumable: an article already in
// Chipwatch (same URL or text) is skipped, so re-running after a crash loses and duplicates nothing.
// .ndjson lines: {"text": "...", "url": "...", "title": "...", "outlet": "...", "publishedAt": "YYYY-MM-DD"}
// A URL is fetched under the intake's limits and guards (lib/intake): its readable text, title,
// outlet, date and canonical URL; a refused or failed fetch counts as a failed article, with why.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { HtmlTooComplexError } from "@/lib/articles/html";
import { fetchArticle } from "@/lib/intake/article";
import { FetchRefused } from "@/lib/intake/fetch";
import { readablePage } from "@/lib/intake/page";
import { findDuplicateArticle, saveSubmission } from "@/lib/articles/mutations";
import { articleInputSchema, UNATTRIBUTED, type ArticleInput, type NewEvent } from "@/lib/articles/schema";
import { EVENT_TYPE_OF_KIND, EVENT_TYPE_STYLES, EVENTFUL_KINDS } from "@/lib/events/event-types";
import { findStory } from "@/lib/articles/stories";
import { db } from "@/lib/db";
import { prismaQueryable } from "@/lib/database/reference-data";
import { buildGazetteer } from "@/lib/extract/entities";
import { extractFacts, type ExtractedFact } from "@/lib/extract/extract";

type RawArticle = { source: string; text: string; url?: string; title?: string; outlet?: string; publishedAt?: string };

async function main() {
  const args = process.argv.slice(2);
  const accept = args.includes("--accept");
  const inputs = args.filter((arg) => !arg.startsWith("--"));
  if (inputs.length === 0) throw new Error("usage: npm run import -- <files, directories, .ndjson or http(s) URLs> [--accept]");
  const articles = (await Promise.all(inputs.map(collect))).flat();
  const gazetteer = buildGazetteer(await db.entity.findMany({ select: { name: true, kind: true, aliases: true } }));
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
    const published = parsed.data.publishedAt ? new Date(`${parsed.data.publishedAt}T00:00:00Z`) : null;
    const { facts } = extractFacts(parsed.data.text, { gazetteer, published });
    // Accepted facts belong to events (the headline numbers count figures per event): one new
    // event per type of what happened, dated by the article; describing facts join the first.
    // A republished copy of a stored story is a further source of that story's event, not a new one.
    const storyEvent = accept ? await eventOfStory(parsed.data.text) : null;
    const events = accept && !storyEvent ? proposeEvents(facts, parsed.data, raw.source) : [];
    try {
      const saved = await saveSubmission({
        article: parsed.data,
        events,
        entities: [],
        reviewStatus: accept ? "accepted" : "pending",
        rejected: [],
        // A conversion in brackets ("450 million yuan (US$61.83 million)") is kept as another quote
        // of the amount it restates, so totals do not count it twice.
        facts: keepStatedCurrency(facts).map((fact) => ({
          ...fact,
          qualifiers: fact.qualifiers as Record<string, string>,
          subject: fact.subject ?? UNATTRIBUTED,
          proposedSubject: null,
          proposal: null,
          extraQuotes: fact.alsoQuoted,
          confidence: fact.confidence,
          event: storyEvent
            ? { eventId: storyEvent }
            : events.length
              ? {
                  newEvent: Math.max(
                    0,
                    events.findIndex((event) => event.type === EVENT_TYPE_OF_KIND[fact.kind]),
                  ),
                }
              : null,
          edited: false,
        })),
      });
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

async function eventOfStory(text: string): Promise<number | null> {
  const story = await findStory(prismaQueryable(db), text);
  if (!story) return null;
  const fact = await db.fact.findFirst({
    where: { eventId: { not: null }, article: { OR: [{ id: story.storyId }, { storyId: story.storyId }] } },
    orderBy: { id: "asc" },
    select: { eventId: true },
  });
  return fact?.eventId ?? null;
}

function proposeEvents(facts: ExtractedFact[], article: ArticleInput, source: string): NewEvent[] {
  const types = [...new Set(facts.filter((fact) => EVENTFUL_KINDS.includes(fact.kind)).map((fact) => EVENT_TYPE_OF_KIND[fact.kind]))];
  if (!types.length && facts.length) types.push(EVENT_TYPE_OF_KIND[facts[0]!.kind]);
  const title = article.title ?? path.basename(source).replace(/\.[a-z]+$/i, "");
  const date = article.publishedAt ?? facts.find((fact) => fact.date)?.date ?? new Date().toISOString().slice(0, 10);
  return types.map((type) => ({ title: types.length > 1 ? `${title} — ${EVENT_TYPE_STYLES[type].label}` : title, type, date }));
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
  .finally(() => db.$disconnect());

function keepStatedCurrency(facts: ExtractedFact[]): ExtractedFact[] {
  const kept = facts.map((fact) => ({ ...fact, alsoQuoted: [...fact.alsoQuoted] }));
  kept.forEach((fact) => {
    if (fact.restates !== null) kept[fact.restates]?.alsoQuoted.push({ quote: fact.quote, start: fact.start, end: fact.end });
  });
  return kept.filter((fact) => fact.restates === null);
}
