// The feed worker on its PostgreSQL job queue (pg-boss): two workers on one queue, both told that
// feeds are due at the same moment, poll each feed once and take every item exactly once. A
// queue needs connections of its own, so this runs on a real PostgreSQL; the embedded database
// serves two connections (the app's and one script's), which is why the README's fallback on it is
// "Poll now" and `npm run import -- --feed`.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { followFeed, type PollResult } from "@/lib/feeds/poll";
import { startFeedWorker, type FeedWorker } from "@/lib/feeds/worker";

const onPostgres = inject("databaseKind") === "postgres";
let server: Server;
let base: string;
const workers: FeedWorker[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    const feed = /^\/feed-(\w)\.xml$/.exec(path);
    if (feed) {
      const items = [1, 2, 3, 4].map((n) => `${feed[1]}${n}`);
      return res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Worker feed ${feed[1]}</title>${items.map((id) => `<item><title>${id}</title><link>${base}/story/${id}</link><guid>${id}</guid></item>`).join("")}</channel></rss>`,
        );
    }
    const story = /^\/story\/(\w)(\d)$/.exec(path);
    if (story)
      return res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          `<html><head><title>Worker story ${story[1]}${story[2]}</title><meta property="og:site_name" content="Worker Wire"></head><body><article><p>Kestrel Networks unit ${story[1]}${story[2]} ordered ${story[1]!.charCodeAt(0) * 10 + Number(story[2])} accelerators from Nvidia for a new data centre, the company said on Monday, its largest order so far by a wide margin, with deliveries due to begin in the autumn.</p></article></body></html>`,
        );
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  server?.closeAllConnections();
  server?.close();
  await db.feed.deleteMany({ where: { url: { startsWith: base } } });
  await db.article.deleteMany({ where: { outlet: "Worker Wire" } });
});

describe("the feed worker", () => {
  it.runIf(onPostgres)(
    "two workers on one queue poll each due feed once and take every item exactly once",
    async () => {
      const feeds = await Promise.all(["a", "b", "c"].map((name) => followFeed(`${base}/feed-${name}.xml`, 60)));
      const polls: PollResult[] = [];
      for (let i = 0; i < 2; i++) {
        workers.push(
          await startFeedWorker(process.env.DATABASE_URL!, {
            fetch: { allowPrivate: true },
            schedule: false,
            pollingIntervalSeconds: 0.5,
            onPolled: (result) => polls.push(result),
          }),
        );
      }
      // The minute's job fires on both at once: each feed is queued once (singletonKey) and polled once.
      await Promise.all(workers.map((worker) => worker.queueDue()));
      const deadline = Date.now() + 60_000;
      while (polls.length < feeds.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(polls.map((poll) => poll.feedId).sort()).toEqual(feeds.map((feed) => feed.id).sort());
      expect(polls.reduce((n, poll) => n + poll.imported, 0)).toBe(12);
      const items = await db.feedItem.findMany({ where: { feedId: { in: feeds.map((feed) => feed.id) } } });
      expect(items).toHaveLength(12);
      expect(items.every((item) => item.state === "imported")).toBe(true);
      expect(new Set(items.map((item) => item.articleId)).size).toBe(12);
      // Polled feeds are not due again for their interval: a second minute queues nothing.
      expect(await workers[0]!.queueDue()).toBe(0);
    },
    90_000,
  );
});
