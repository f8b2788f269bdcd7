// A stuck database never hangs a page (issue 12): while another session holds an exclusive lock on
// data_version — the row every page reads first — for 20 s, every page and API answers within 5 s
// (a 503 that says why), the health check says the database is not answering, and everything
// recovers when the lock goes (issue 12, defect 4, as reported). Runs its own PostgreSQL cluster
// and production server, like tests/faults.
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { prepareDatabase } from "@/lib/database/prepare";
import { createCluster, startNextServer } from "../faults/clusters";

const PG_PORT = 5498;
const APP_PORT = 3402;
const base = `http://localhost:${APP_PORT}`;

test.describe.configure({ mode: "serial" });

let cluster: ReturnType<typeof createCluster>;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  cluster = createCluster("lock", PG_PORT);
  await prepareDatabase(cluster.url, { seed: "always" });
  // The page cache would answer from memory without asking the database: ask it every time.
  app = await startNextServer(APP_PORT, { DATABASE_URL: cluster.url, CHIPWATCH_PAGE_CACHE: "0" });
});

test.afterAll(() => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  cluster.remove();
});

test("a 20 s lock on data_version: every page answers within 5 s, then all recover", async ({ request }) => {
  expect((await request.get(`${base}/`)).status()).toBe(200);
  const holder = new pg.Client({ connectionString: cluster.url });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE data_version IN ACCESS EXCLUSIVE MODE");
  const released = new Promise<void>((resolve) =>
    setTimeout(
      () =>
        void holder
          .query("ROLLBACK")
          .then(() => holder.end())
          .then(resolve),
      20_000,
    ),
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // past the last good availability check
    for (const pathname of ["/", "/events", "/companies/nvidia", "/api/charts/timeline.json", "/api/health"]) {
      const started = Date.now();
      const response = await request.get(`${base}${pathname}`, { timeout: 15_000 });
      const seconds = (Date.now() - started) / 1000;
      expect(seconds, `${pathname} answered in ${seconds} s`).toBeLessThan(5);
      expect(response.status(), pathname).toBe(503);
    }
  } finally {
    await released;
  }
  await expect.poll(async () => (await request.get(`${base}/`)).status(), { timeout: 15_000 }).toBe(200);
  expect((await request.get(`${base}/api/health`)).status()).toBe(200);
});
