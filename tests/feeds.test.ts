// Following feeds (issue 14), against a local server: RSS 2.0, Atom and JSON Feed; a feed with a
// broken item; conditional requests (a second poll is a 304 that takes nothing); two pollers at
// once take every item exactly once; a failing feed backs off.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { followFeed, pollFeed } from "@/lib/feeds/poll";
import { pollDueFeeds } from "@/lib/feeds/schedule";

const story = readFileSync("tests/fixtures/intake/wire-story.html", "utf8");
let server: Server;
let base: string;
const requests: { path: string; ifNoneMatch?: string }[] = [];

// Each feed lists its own article pages; /page/<n> serves a different short story.
const page = (n: number) =>
  `<html><head><title>Chip story ${n}</title><meta property="og:site_name" content="Feed Test Wire"><meta property="article:published_time" content="2025-06-0${(n % 9) + 1}T08:00:00Z"></head><body><article><h1>Chip story ${n}</h1><p>Orion Systems ${n} ordered ${1000 + n} accelerators from Nvidia for a data centre in Ohio, the company said, adding that deliveries would begin in the third quarter and that the order was the largest in its history by a wide margin.</p><p>Shares of Orion Systems ${n} rose ${n}% on the news.</p></article></body></html>`;
const rss = (items: number[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Test Wire</title><link>${base}</link>${items
    .map((n) => `<item><title>Chip story ${n}</title><link>${base}/page/${n}</link><guid>story-${n}</guid><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>`)
    .join("")}</channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ path, ifNoneMatch: req.headers["if-none-match"] as string | undefined });
    const pageMatch = /^\/page\/(\d+)$/.exec(path);
    if (pageMatch) return res.writeHead(200, { "content-type": "text/html" }).end(page(Number(pageMatch[1])));
    if (path === "/story") return res.writeHead(200, { "content-type": "text/html" }).end(story);
    if (path === "/rss.xml") {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' }).end(rss([1, 2, 3]));
    }
    if (path === "/atom.xml")
      return res
        .writeHead(200, { "content-type": "application/atom+xml" })
        .end(
          `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title><id>t</id><updated>2025-06-02T00:00:00Z</updated><entry><title>Humain</title><id>urn:humain</id><link href="${base}/story"/><updated>2025-05-13T00:00:00Z</updated></entry><entry><title>Four</title><id>urn:4</id><link rel="alternate" href="${base}/page/4"/><updated>2025-06-02T00:00:00Z</updated></entry></feed>`,
        );
    if (path.startsWith("/feed.json"))
      return res.writeHead(200, { "content-type": "application/feed+json" }).end(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "JSON Test",
          items: [5, 6].map((n) => ({ id: `json-${n}`, url: `${base}/page/${n}`, title: `Chip story ${n}`, date_published: "2025-06-02T08:00:00Z" })),
        }),
      );
    if (path === "/broken.xml")
      return res
        .writeHead(200, { "content-type": "text/xml" })
        .end(rss([7]).replace("</channel>", `<item><title>Gone</title><link>${base}/missing</link><guid>gone</guid></item></channel>`));
    if (path === "/busy.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([10, 11, 12, 13, 14, 15]));
    if (path === "/down.xml") return res.writeHead(500).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await db.feed.deleteMany({ where: { url: { startsWith: base } } });
  await db.article.deleteMany({ where: { outlet: { in: ["Feed Test Wire", "Gulf Wire"] } } });
});

const local = { allowPrivate: true };

describe("following feeds", () => {
  it("RSS: takes every item into the review queue, then a conditional poll takes nothing", async () => {
    const { id } = await followFeed(`${base}/rss.xml`, 30);
    expect(await pollFeed(id, local)).toMatchObject({ status: "polled", taken: 3, imported: 3, failed: 0 });
    const items = await db.feedItem.findMany({
      where: { feedId: id },
      include: { article: { select: { outlet: true, publishedAt: true, facts: { select: { reviewStatus: true } } } } },
    });
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.state).toBe("imported");
      expect(item.article?.outlet).toBe("Feed Test Wire");
      expect(item.article?.facts.length).toBeGreaterThan(0);
      expect(item.article?.facts.every((fact) => fact.reviewStatus === "pending")).toBe(true);
    }
    expect(await pollFeed(id, local)).toMatchObject({ status: "not-modified", taken: 0 });
    expect(requests.filter((r) => r.path === "/rss.xml").at(-1)?.ifNoneMatch).toBe('"v1"');
    const feed = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed).toMatchObject({ title: "Feed Test Wire", itemsTaken: 3, failures: 0, lastError: null, etag: '"v1"' });
    expect(feed.nextPollAt.getTime() - feed.lastPolledAt!.getTime()).toBe(30 * 60_000);
  });

  it("Atom and JSON Feed too; a broken item is recorded and the others still come in", async () => {
    const atom = await followFeed(`${base}/atom.xml`);
    expect(await pollFeed(atom.id, local)).toMatchObject({ taken: 2, imported: 2 });
    const json = await followFeed(`${base}/feed.json`);
    expect(await pollFeed(json.id, local)).toMatchObject({ taken: 2, imported: 2 });
    const broken = await followFeed(`${base}/broken.xml`);
    expect(await pollFeed(broken.id, local)).toMatchObject({ taken: 2, imported: 1, failed: 1 });
    expect(await db.feedItem.findUniqueOrThrow({ where: { feedId_itemKey: { feedId: broken.id, itemKey: "gone" } } })).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/Could not fetch .*\/missing: the server answered HTTP 404/),
    });
  });

  it("two pollers at once take every item exactly once", async () => {
    const { id } = await followFeed(`${base}/busy.xml`);
    const [a, b] = await Promise.all([pollFeed(id, local), pollFeed(id, local)]);
    expect(a.taken + b.taken).toBe(6);
    expect(a.imported + b.imported).toBe(6);
    const articles = await db.feedItem.findMany({ where: { feedId: id }, select: { articleId: true } });
    expect(new Set(articles.map((item) => item.articleId)).size).toBe(6);
  });

  it("the app's own schedule (embedded database) polls a due feed once, and not again before its interval", async () => {
    const { id } = await followFeed(`${base}/feed.json?scheduled`, 30);
    const before = process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE;
    process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE = new URL(base).host; // what the app may fetch: this server only
    try {
      const first = (await pollDueFeeds()).find((result) => result.feedId === id);
      expect(first).toMatchObject({ status: "polled", taken: 2 });
      expect((await pollDueFeeds()).find((result) => result.feedId === id)).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE;
      else process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE = before;
    }
    const feed = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed.nextPollAt.getTime() - feed.lastSuccessAt!.getTime()).toBe(30 * 60_000);
  });

  it("a failing feed says why and backs off", async () => {
    const { id } = await followFeed(`${base}/down.xml`, 10);
    expect(await pollFeed(id, local)).toMatchObject({ status: "failed", error: expect.stringMatching(/HTTP 500/) });
    expect(await pollFeed(id, local)).toMatchObject({ status: "failed" });
    const feed = await db.feed.findUniqueOrThrow({ where: { id } });
    expect(feed.failures).toBe(2);
    expect(feed.nextPollAt.getTime() - feed.lastPolledAt!.getTime()).toBe(10 * 4 * 60_000); // 10 min × 2²
    expect(feed.lastError).toMatch(/^Could not fetch .*\/down\.xml: the server answered HTTP 500/);
  });
});
