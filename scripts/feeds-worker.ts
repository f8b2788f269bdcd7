// npm run feeds:worker — polls every followed feed when it is due, until stopped (Ctrl-C). Run as
// many as you like against one PostgreSQL: each poll and each item is taken by exactly one. Needs a
// real PostgreSQL (DATABASE_URL): the embedded database serves two connections, and a queue needs
// its own; on the embedded database, poll from /feeds or with `npm run import -- --feed <url>`.
import { startFeedWorker } from "@/lib/feeds/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("feeds:worker needs DATABASE_URL (a real PostgreSQL). On the embedded database, poll from /feeds or with npm run import -- --feed <url>.");
  process.exit(1);
}
const worker = await startFeedWorker(url, {
  onPolled: (result) => console.log(JSON.stringify({ level: "info", component: "feed-worker", ...result })),
});
console.log("Feed worker started: due feeds are polled every minute.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
