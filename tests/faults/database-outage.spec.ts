// PostgreSQL stopped while browsing: pages answer 503 "data temporarily unavailable", the health
// check says so, and when the database is back the app recovers without a restart. Runs its own
// PostgreSQL cluster on a private loopback port and its own `next start` against it.
import type { ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { prepareDatabase } from "@/lib/database/prepare";
import { createCluster, startNextServer } from "./clusters";

const PG_PORT = 5499;
const APP_PORT = 3401;
const base = `http://localhost:${APP_PORT}`;

test.describe.configure({ mode: "serial" });

let cluster: ReturnType<typeof createCluster>;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  cluster = createCluster("fault", PG_PORT);
  await prepareDatabase(cluster.url, { seed: "always" });
  app = await startNextServer(APP_PORT, { DATABASE_URL: cluster.url });
});

test.afterAll(() => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  cluster.remove();
});

test("pages say 503 while PostgreSQL is down and recover by themselves when it returns", async ({ request }) => {
  expect((await request.get(`${base}/`)).status()).toBe(200);

  cluster.stop();
  // From the first request after the stop: the server's watching connection closed with it.
  expect((await request.get(`${base}/`)).status()).toBe(503);
  const page = await request.get(`${base}/events`);
  expect(page.status()).toBe(503);
  expect(await page.text()).toContain("Data temporarily unavailable");
  expect(page.headers()["retry-after"]).toBe("5");
  const health = await request.get(`${base}/api/health`);
  expect(health.status()).toBe(503);
  expect((await health.json()).database).toBe("unreachable");
  const image = await request.get(`${base}/api/charts/timeline.png`);
  expect(image.status()).toBe(503);
  expect((await image.json()).error.code).toBe("database_unavailable");

  cluster.start();
  await expect.poll(async () => (await request.get(`${base}/`)).status(), { timeout: 20_000 }).toBe(200);
  expect(await (await request.get(`${base}/`)).text()).toContain("Timeline of");
  expect((await request.get(`${base}/api/health`)).status()).toBe(200);
});
