// Following feeds while the app serves, started by instrumentation.ts. On a real PostgreSQL every
// app instance joins the pg-boss queue (lib/feeds/worker.ts), which gives each poll and each item
// to exactly one of them. On the embedded database a queue cannot run — it needs connections of
// its own and PGlite serves the app one — and there is only one app process, so the app polls the
// due feeds itself once a minute, one at a time, through the same pollFeed and its item claims.
// CHIPWATCH_FEEDS=off turns both off (then poll from /feeds or `npm run feeds:worker`).
import { dueFeeds, pollFeed, type PollResult } from "@/lib/feeds/poll";
import { errorMessage, logger } from "@/lib/log";
import { startFeedWorker } from "@/lib/feeds/worker";

const MINUTE = 60_000;

/** Polls every feed that is due, one after another; what the embedded database's timer runs. */
export async function pollDueFeeds(onPolled: (result: PollResult) => void = () => {}): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const feedId of await dueFeeds()) {
    const result = await pollFeed(feedId);
    onPolled(result);
    results.push(result);
  }
  return results;
}

export async function followFeedsWhileServing(): Promise<void> {
  if (process.env.CHIPWATCH_FEEDS === "off" || !process.env.DATABASE_URL) return;
  const log = (result: PollResult) => logger.info({ component: "feeds", ...result }, "feeds polled");
  const fail = (error: unknown) => logger.error({ component: "feeds" }, errorMessage(error));
  if (process.env.CHIPWATCH_EMBEDDED_DB !== "1") {
    // Not awaited: the server answers while the queue connects (or logs why it cannot).
    void startFeedWorker(process.env.DATABASE_URL, { onPolled: log }).catch(fail);
    return;
  }
  let running = false;
  const tick = () => {
    if (running) return; // a slow poll is not started again on top of itself
    running = true;
    pollDueFeeds(log)
      .catch(fail)
      .finally(() => (running = false));
  };
  setInterval(tick, MINUTE).unref();
}
