// npm run bench:feeds -- [--feeds 50] [--items 20] — the intake end to end: a local server serves
// N feeds of M items each (RSS), every item an article page built from the 30 shared news texts
// (each page made unique, so none is refused as the same text); Chipwatch follows every feed and
// polls them all, two pollers at a time, fetching, reducing to text, extracting and saving each
// item's proposals for review — in a database of its own (chipwatch_bench_feeds on
// BENCH_POSTGRES_URL, default the local PostgreSQL), migrated and seeded like a new install.
// Prints the wall time and the throughput. Cold: nothing is cached between items.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import pg from "pg";
import { loadSharedSet, sharedSetAvailable } from "../eval/shared-set";

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const FEEDS = Number(option("feeds", "50"));
const ITEMS = Number(option("items", "20"));
const SERVER = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
const DATABASE = "chipwatch_bench_feeds";

const texts = [...(sharedSetAvailable() ? loadSharedSet().map((doc) => doc.text) : []), readFileSync("prisma/seed-data/seed-article.txt", "utf8")];
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
function page(feed: number, item: number): string {
  const text = texts[(feed * ITEMS + item) % texts.length]!;
  const [headline, ...rest] = text.split("\n");
  const paragraphs = rest
    .join("\n")
    .split(/\n\s*\n/)
    .filter((p) => p.trim());
  return `<!doctype html><html><head><title>${escape(headline!)} | Bench Wire ${feed}</title><meta property="og:site_name" content="Bench Wire ${feed}"><meta property="article:published_time" content="2025-06-${String((item % 28) + 1).padStart(2, "0")}T08:00:00Z"></head><body><nav>Home | World | Tech | Subscribe</nav><article><h1>${escape(headline!)}</h1><p>Dispatch ${feed}-${item} from the Bench Wire desk.</p>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("")}</article><footer>© Bench Wire ${feed}</footer></body></html>`;
}

async function main() {
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  process.env.DATABASE_URL = `${SERVER}/${DATABASE}`;
  process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE = "1";
  // Imported after DATABASE_URL is set: the Prisma client reads it once.
  const { prepareDatabase } = await import("@/lib/database/prepare");
  const { db } = await import("@/lib/db");
  const { followFeed, pollFeed } = await import("@/lib/feeds/poll");
  await prepareDatabase(process.env.DATABASE_URL, { seed: "always" });

  const server = createServer((req, res) => {
    const feed = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? "");
    if (feed) {
      const n = Number(feed[1]);
      const items = Array.from({ length: ITEMS }, (_, i) => `<item><title>Item ${n}-${i}</title><link>${base}/story/${n}/${i}</link><guid>${n}-${i}</guid></item>`).join("");
      return res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench Wire ${n}</title>${items}</channel></rss>`);
    }
    const story = /^\/story\/(\d+)\/(\d+)$/.exec(req.url ?? "");
    if (story) return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(Number(story[1]), Number(story[2])));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const feeds = [];
    for (let i = 0; i < FEEDS; i++) feeds.push((await followFeed(`${base}/feed/${i}.xml`, 60)).id);
    const started = performance.now();
    const queue = [...feeds];
    const totals = { taken: 0, imported: 0, duplicates: 0, failed: 0 };
    // Two pollers at a time, like two worker processes on the 2-core machine.
    await Promise.all(
      [0, 1].map(async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const result = await pollFeed(id);
          totals.taken += result.taken;
          totals.imported += result.imported;
          totals.duplicates += result.duplicates;
          totals.failed += result.failed;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const facts = await db.fact.count({ where: { reviewStatus: "pending" } });
    console.log(`| feeds × items | pages | imported | already in | failed | proposals queued | wall time | pages/s | target |`);
    console.log(`|---|---|---|---|---|---|---|---|---|`);
    console.log(
      `| ${FEEDS} × ${ITEMS} | ${totals.taken} | ${totals.imported} | ${totals.duplicates} | ${totals.failed} | ${facts} | ${seconds.toFixed(1)} s | ${(totals.taken / seconds).toFixed(1)} | ≤ 60 s for 1,000 |`,
    );
    await db.$disconnect();
  } finally {
    server.closeAllConnections();
    server.close();
    const cleanup = new pg.Client({ connectionString: `${SERVER}/postgres` });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await cleanup.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
