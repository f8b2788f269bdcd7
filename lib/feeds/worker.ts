// The feed worker: pg-boss (a PostgreSQL job queue — SKIP LOCKED, so each job goes to exactly one
// worker) runs a job every minute that queues a poll for every feed that is due, one job per feed
// (singletonKey: a feed is never polled by two workers at once), and works those polls. Any number
// of `npm run feeds:worker` processes (or app instances) share one queue. pg-boss 10: the newest
// that runs on Node 20 (12.x and graphile-worker 0.18 need Node 22).
import PgBoss from "pg-boss";
import { logger } from "@/lib/log";
import { dueFeeds, pollFeed, type PollResult } from "@/lib/feeds/poll";
import type { FetchOptions } from "@/lib/intake/fetch";

const DUE = "feeds-due";
const POLL = "feed-poll";

export type FeedWorker = { boss: PgBoss; queueDue: () => Promise<number>; stop: () => Promise<void> };

export async function startFeedWorker(
  connectionString: string,
  options: { fetch?: FetchOptions; onPolled?: (result: PollResult) => void; schedule?: boolean; pollingIntervalSeconds?: number } = {},
): Promise<FeedWorker> {
  const boss = new PgBoss({ connectionString, max: 3, schema: "pgboss" });
  boss.on("error", (error) => logger.error({ component: "feed-worker" }, error.message));
  await boss.start();
  await boss.createQueue(DUE);
  // "stately": one poll of a feed queued and one running at most, whoever asks (singletonKey: the feed).
  await boss.createQueue(POLL, { name: POLL, policy: "stately" });
  const queueDue = async () => {
    const ids = await dueFeeds();
    for (const feedId of ids) await boss.send(POLL, { feedId }, { singletonKey: String(feedId), retryLimit: 0 });
    return ids.length;
  };
  if (options.schedule !== false) await boss.schedule(DUE, "* * * * *", {}, { tz: "UTC" });
  await boss.work(DUE, async () => {
    await queueDue();
  });
  await boss.work<{ feedId: number }>(POLL, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
    for (const job of jobs) options.onPolled?.(await pollFeed(job.data.feedId, options.fetch));
  });
  return { boss, queueDue, stop: () => boss.stop({ graceful: true, wait: true }) };
}
