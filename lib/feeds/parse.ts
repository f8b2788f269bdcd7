// A feed's items, whatever its format — RSS 2.0 (and RSS 1.0/RDF), Atom or JSON Feed — parsed by
// feedsmith: for each item a stable key (its guid or id, else its link), the article's URL, its
// title and date. Items without a web address are skipped (there is no article to fetch). Pure.
import { parseFeed } from "feedsmith";
import { InvalidInput } from "@/lib/errors";
import { absoluteWebUrl } from "@/lib/intake/page";

export type FeedItemRef = { key: string; url: string; title: string | null; published: string | null };
export type ParsedFeed = { title: string | null; items: FeedItemRef[] };

export function parseFeedItems(body: string, feedUrl: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(body);
  } catch (error) {
    throw new InvalidInput("not_a_feed", `${feedUrl} is not an RSS, Atom or JSON feed (${error instanceof Error ? error.message : String(error)}).`);
  }
  const text = (value: unknown): string | null =>
    typeof value === "string" ? value.trim() || null : value && typeof value === "object" && "value" in value ? text((value as { value: unknown }).value) : null;
  const absolute = (href: string | null) => absoluteWebUrl(href, feedUrl);
  const raw: { key: string | null; url: string | null; title: string | null; published: string | null }[] = [];
  if (parsed.format === "atom") {
    for (const entry of parsed.feed.entries ?? []) {
      const link = entry.links?.find((l) => !l.rel || l.rel === "alternate") ?? entry.links?.[0];
      raw.push({ key: text(entry.id), url: absolute(text(link?.href)), title: text(entry.title), published: text(entry.published) ?? text(entry.updated) });
    }
  } else if (parsed.format === "json") {
    for (const item of parsed.feed.items ?? [])
      raw.push({ key: text(item.id), url: absolute(text(item.url) ?? text(item.external_url)), title: text(item.title), published: text(item.date_published) });
  } else {
    for (const item of parsed.feed.items ?? []) {
      const guid = (item as { guid?: unknown }).guid;
      raw.push({
        key: text(guid),
        url: absolute(text((item as { link?: unknown }).link)),
        title: text(item.title),
        published: text((item as { pubDate?: unknown }).pubDate) ?? text((item as { dc?: { date?: unknown } }).dc?.date),
      });
    }
  }
  const items = raw.flatMap((item) => (item.url ? [{ key: item.key ?? item.url, url: item.url, title: item.title, published: isoDay(item.published) }] : []));
  return { title: text((parsed.feed as { title?: unknown }).title), items };
}

function isoDay(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
