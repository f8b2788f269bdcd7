// Polling a feed: a conditional request (ETag / If-Modified-Since), its new items claimed one by one
// (the unique feed_items row: of two pollers running at once, only one takes an item), each item's
// page fetched, extracted and saved with its proposals waiting in the review queue. A broken item
// is recorded and skipped; a feed that fails backs off (interval × 2^failures, at most a day).
import { importArticle } from "@/lib/articles/import";
import { DuplicateArticleError } from "@/lib/articles/mutations";
import { articleInputSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { DomainError, InvalidInput } from "@/lib/errors";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { parseFeedItems } from "@/lib/feeds/parse";
import { fetchArticle } from "@/lib/intake/article";
import { fetchFeed, type FetchOptions } from "@/lib/intake/fetch";

/** Items taken per poll at most: a feed that suddenly lists 10,000 items does not stall the queue. */
export const MAX_ITEMS_PER_POLL = 50;
const MAX_BACKOFF_MINUTES = 24 * 60;

export type PollResult = { feedId: number; status: "not-modified" | "polled" | "failed"; taken: number; imported: number; duplicates: number; failed: number; error?: string };

export async function pollFeed(feedId: number, options: FetchOptions = {}): Promise<PollResult> {
  const feed = await db.feed.findUnique({ where: { id: feedId } });
  if (!feed) throw new InvalidInput("unknown_feed", `There is no feed ${feedId}.`);
  const now = new Date();
  const result: PollResult = { feedId, status: "polled", taken: 0, imported: 0, duplicates: 0, failed: 0 };
  let items;
  let fetched;
  try {
    fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, options);
    items = fetched.notModified ? null : parseFeedItems(fetched.body ?? "", fetched.url);
  } catch (error) {
    const message = error instanceof DomainError ? error.message : `Could not poll ${feed.url}: ${error instanceof Error ? error.message : String(error)}.`;
    const failures = feed.failures + 1;
    const wait = Math.min(MAX_BACKOFF_MINUTES, feed.intervalMinutes * 2 ** failures);
    await db.feed.update({
      where: { id: feedId },
      data: { lastPolledAt: now, lastError: message, lastErrorAt: now, failures, nextPollAt: new Date(now.getTime() + wait * 60_000) },
    });
    return { ...result, status: "failed", error: message };
  }
  if (items) {
    const gazetteer = buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
    for (const item of items.items.slice(0, MAX_ITEMS_PER_POLL)) {
      const claimed = await db.$queryRaw<{ item_key: string }[]>`
        INSERT INTO feed_items (feed_id, item_key, url, title) VALUES (${feedId}, ${item.key}, ${item.url}, ${item.title})
        ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING item_key`;
      if (!claimed.length) continue; // taken before, or by another poller right now
      result.taken++;
      const done = (state: "imported" | "duplicate" | "failed", articleId: number | null, error: string | null = null) =>
        db.feedItem.update({ where: { feedId_itemKey: { feedId, itemKey: item.key } }, data: { state, articleId, error } });
      try {
        const page = await fetchArticle(item.url, options);
        const article = articleInputSchema.parse({
          text: page.text,
          url: page.url,
          title: page.title ?? item.title ?? "",
          outlet: page.outlet ?? "",
          publishedAt: page.publishedAt ?? item.published ?? "",
        });
        const saved = await importArticle(article, gazetteer, { accept: false, source: item.url });
        await done("imported", saved.articleId);
        result.imported++;
      } catch (error) {
        if (error instanceof DuplicateArticleError) {
          await done("duplicate", error.articleId || null);
          result.duplicates++;
        } else {
          await done("failed", null, error instanceof Error ? error.message.slice(0, 500) : String(error));
          result.failed++;
        }
      }
    }
  } else {
    result.status = "not-modified";
  }
  await db.feed.update({
    where: { id: feedId },
    data: {
      title: items?.title ?? feed.title,
      etag: fetched.etag ?? feed.etag,
      lastModified: fetched.lastModified ?? feed.lastModified,
      lastPolledAt: now,
      lastSuccessAt: now,
      failures: 0,
      itemsTaken: { increment: result.taken },
      nextPollAt: new Date(now.getTime() + feed.intervalMinutes * 60_000),
    },
  });
  return result;
}

/** Adds a feed to follow (or finds it when it is followed already). */
export async function followFeed(url: string, intervalMinutes = 60): Promise<{ id: number; created: boolean }> {
  const existing = await db.feed.findUnique({ where: { url }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const created = await db.feed.create({ data: { url, intervalMinutes }, select: { id: true } });
  return { id: created.id, created: true };
}

/** The feeds whose next poll is due, oldest due first. */
export async function dueFeeds(now = new Date()): Promise<number[]> {
  return (await db.feed.findMany({ where: { nextPollAt: { lte: now } }, orderBy: { nextPollAt: "asc" }, select: { id: true } })).map((feed) => feed.id);
}
