// Reads from a real streaming replica, writes to the primary. Builds a private primary cluster on
// a loopback port, clones it with pg_basebackup into a hot-standby replica on another port, runs
// `next start` with DATABASE_URL (primary) and DATABASE_REPLICA_URLS (replica), and reads both
// servers' statement logs: dashboard SELECTs reach the replica and not the primary, while a bulk
// import running at the same time writes to the primary, and its article appears on the
// dashboard once replicated.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { prepareDatabase } from "@/lib/database/prepare";
import { asPostgres, startNextServer } from "./clusters";

const PRIMARY_PORT = 5497;
const REPLICA_PORT = 5498;
const APP_PORT = 3402;
const base = `http://localhost:${APP_PORT}`;
const primaryUrl = `postgresql://postgres@127.0.0.1:${PRIMARY_PORT}/chipwatch`;
const replicaUrl = `postgresql://postgres@127.0.0.1:${REPLICA_PORT}/chipwatch`;

test.describe.configure({ mode: "serial" });

let dir: string;
let app: ChildProcess | undefined;

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The log lines a server wrote since `from` (a byte offset). */
const logSince = (file: string, from: number) => readFileSync(file).subarray(from).toString("utf8");
const logSize = (file: string) => statSync(file).size;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(os.tmpdir(), "chipwatch-replica-"));
  chmodSync(dir, 0o777);
  asPostgres("initdb", ["-D", `${dir}/primary`, "-A", "trust", "-U", "postgres"]);
  const options = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=5 -c log_statement=all`;
  asPostgres("pg_ctl", ["-D", `${dir}/primary`, "-l", `${dir}/primary.log`, "-w", "-o", options(PRIMARY_PORT), "start"]);
  await query(`postgresql://postgres@127.0.0.1:${PRIMARY_PORT}/postgres`, "CREATE DATABASE chipwatch");
  await prepareDatabase(primaryUrl, { seed: "always" });
  // A hot standby streaming from the primary (-R writes primary_conninfo and standby.signal).
  asPostgres("pg_basebackup", ["-h", "127.0.0.1", "-p", String(PRIMARY_PORT), "-U", "postgres", "-D", `${dir}/replica`, "-R", "-X", "stream"]);
  asPostgres("pg_ctl", ["-D", `${dir}/replica`, "-l", `${dir}/replica.log`, "-w", "-o", options(REPLICA_PORT), "start"]);
  app = await startNextServer(APP_PORT, { DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: replicaUrl });
});

test.afterAll(() => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  for (const cluster of ["replica", "primary"]) {
    try {
      asPostgres("pg_ctl", ["-D", `${dir}/${cluster}`, "-m", "immediate", "stop"]);
    } catch {
      // not running
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

test("dashboard reads are served by the streaming replica while an import writes to the primary", async ({ request }) => {
  test.setTimeout(120_000);
  const [standby] = await query<{ recovering: boolean }>(replicaUrl, "SELECT pg_is_in_recovery() AS recovering");
  const [leader] = await query<{ recovering: boolean }>(primaryUrl, "SELECT pg_is_in_recovery() AS recovering");
  expect(standby!.recovering).toBe(true);
  expect(leader!.recovering).toBe(false);
  const [streaming] = await query<{ n: string }>(primaryUrl, "SELECT count(*) AS n FROM pg_stat_replication WHERE state = 'streaming'");
  expect(Number(streaming!.n)).toBe(1);

  const primaryLog = `${dir}/primary.log`;
  const replicaLog = `${dir}/replica.log`;
  const primaryFrom = logSize(primaryLog);
  const replicaFrom = logSize(replicaLog);

  // An ingest (bulk import with extraction, accepted) writing to the primary…
  const articleFile = path.join(dir, "article.ndjson");
  const title = "Replica test: Nvidia orders 12,345 accelerators";
  writeFileSync(
    articleFile,
    `${JSON.stringify({ url: "https://example.org/replica-test", title, outlet: "example.org", publishedAt: "2026-11-01", text: "Nvidia placed an order for 12,345 H20 AI chips with TSMC, according to two people familiar with the matter." })}\n`,
  );
  const importer = spawn("npx", ["tsx", "scripts/import.ts", articleFile, "--accept"], {
    env: { ...process.env, DATABASE_URL: primaryUrl, DATABASE_REPLICA_URLS: "" },
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
  const [{ id } = { id: 0 }] = await query<{ id: number }>(primaryUrl, "SELECT id FROM articles WHERE url = 'https://example.org/replica-test'");
  expect(id).toBeGreaterThan(0);
  await expect.poll(async () => (await query<{ n: string }>(replicaUrl, `SELECT count(*) AS n FROM articles WHERE id = ${id}`))[0]!.n, { timeout: 15_000 }).toBe("1");
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
