// Reads from a real streaming replica, writes to the primary. Builds a private primary cluster on
// a loopback port, clones it with pg_basebackup into a hot-standby replica on another port, runs
// `next start` with DATABASE_URL (primary) and DATABASE_REPLICA_URLS (replica), and reads both
// servers' statement logs: dashboard SELECTs reach the replica and not the primary, while a bulk
// import running at the same time writes to the primary, and its article appears on the
// dashboard once replicated.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createReplicatedPair, queryOnce, startNextServer } from "./clusters";

const PRIMARY_PORT = 5497;
const REPLICA_PORT = 5498;
const APP_PORT = 3402;
const base = `http://localhost:${APP_PORT}`;

test.describe.configure({ mode: "serial" });

let pair: Awaited<ReturnType<typeof createReplicatedPair>>;
let app: ChildProcess | undefined;

/** The log lines a server wrote since `from` (a byte offset). */
const logSince = (file: string, from: number) => readFileSync(file).subarray(from).toString("utf8");
const logSize = (file: string) => statSync(file).size;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pair = await createReplicatedPair("replica", PRIMARY_PORT, REPLICA_PORT);
  app = await startNextServer(APP_PORT, { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URLS: pair.replicaUrl });
});

test.afterAll(() => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  pair?.remove();
});

test("dashboard reads are served by the streaming replica while an import writes to the primary", async ({ request }) => {
  test.setTimeout(120_000);
  const [standby] = await queryOnce<{ recovering: boolean }>(pair.replicaUrl, "SELECT pg_is_in_recovery() AS recovering");
  const [leader] = await queryOnce<{ recovering: boolean }>(pair.primaryUrl, "SELECT pg_is_in_recovery() AS recovering");
  expect(standby!.recovering).toBe(true);
  expect(leader!.recovering).toBe(false);
  const [streaming] = await queryOnce<{ n: string }>(pair.primaryUrl, "SELECT count(*) AS n FROM pg_stat_replication WHERE state = 'streaming'");
  expect(Number(streaming!.n)).toBe(1);

  const { primaryLog, replicaLog } = pair;
  const primaryFrom = logSize(primaryLog);
  const replicaFrom = logSize(replicaLog);

  // An ingest (bulk import with extraction, accepted) writing to the primary…
  const articleFile = path.join(pair.dir, "article.ndjson");
  const title = "Replica test: Nvidia orders 12,345 accelerators";
  writeFileSync(
    articleFile,
    `${JSON.stringify({ url: "https://example.org/replica-test", title, outlet: "example.org", publishedAt: "2026-11-01", text: "Nvidia placed an order for 12,345 H20 AI chips with TSMC, according to two people familiar with the matter." })}\n`,
  );
  const importer = spawn("npx", ["tsx", "scripts/import.ts", articleFile, "--accept"], {
    env: { ...process.env, DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URLS: "" },
    stdio: "ignore",
  });
  const imported = new Promise<number | null>((resolve) => importer.on("exit", resolve));

  // …while readers browse the dashboard.
  for (let round = 0; round < 3; round++) {
    for (const pathname of ["/", "/events?company=nvidia", "/companies/nvidia", "/api/charts/timeline.json"]) {
      expect((await request.get(`${base}${pathname}`)).status(), pathname).toBe(200);
    }
  }
  expect(await imported).toBe(0);

  // The imported article reaches the replica, and the page that reads it from there shows it.
  const [{ id } = { id: 0 }] = await queryOnce<{ id: number }>(pair.primaryUrl, "SELECT id FROM articles WHERE url = 'https://example.org/replica-test'");
  expect(id).toBeGreaterThan(0);
  await expect.poll(async () => (await queryOnce<{ n: string }>(pair.replicaUrl, `SELECT count(*) AS n FROM articles WHERE id = ${id}`))[0]!.n, { timeout: 15_000 }).toBe("1");
  await expect.poll(async () => (await request.get(`${base}/articles/${id}`)).status(), { timeout: 15_000 }).toBe(200);
  expect(await (await request.get(`${base}/articles/${id}`)).text()).toContain("12,345");

  const onPrimary = logSince(primaryLog, primaryFrom);
  const onReplica = logSince(replicaLog, replicaFrom);
  // Dashboard queries (events with their scope, the data version) ran on the replica only.
  expect(onReplica).toMatch(/FROM events e/);
  expect(onReplica).toMatch(/FROM data_version/);
  expect(onPrimary).not.toMatch(/FROM events e/);
  expect(onPrimary).not.toMatch(/FROM data_version/);
  // The import's writes ran on the primary; a standby cannot write at all.
  expect(onPrimary).toMatch(/INSERT INTO "public"\."articles"/);
  expect(onPrimary).toMatch(/INSERT INTO "public"\."facts"/);
  expect(onReplica).not.toMatch(/INSERT INTO/);
});
