// Behind a real reverse proxy (Debian's nginx, started here) with CHIPWATCH_PUBLIC_URL set, every
// link Chipwatch writes — in pages, images, files, feeds, embeds, oEmbed and API answers — names
// the public address, and no answer of any route mentions localhost or 127.0.0.1 (issue 16).
// The data API pages through all of Nvidia's facts through the proxy by following next_url.
import { type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { prepareDatabase } from "@/lib/database/prepare";
import { createThrowawayDatabase } from "../support/throwaway-database";
import { proxyLocation, startNextServer, startNginx } from "./clusters";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const APP_PORT = 3402;
const PROXY_PORT = 3403;
const PUBLIC = "https://chipwatch.example.org";

test.describe.configure({ mode: "serial" });

let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
let app: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let dir: string;

/** A GET through nginx as a browser on chipwatch.example.org sends it (Node's fetch will not set Host). */
function viaProxy(pathAndQuery: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port: PROXY_PORT, path: pathAndQuery, headers: { Host: "chipwatch.example.org", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await createThrowawayDatabase(SERVER);
  await prepareDatabase(database.url, { seed: "always" });
  app = await startNextServer(APP_PORT, { DATABASE_URL: database.url, CHIPWATCH_PUBLIC_URL: PUBLIC, CHIPWATCH_TRUST_PROXY: "1" });
  dir = mkdtempSync(path.join(os.tmpdir(), "chipwatch-nginx-"));
  chmodSync(dir, 0o777);
  nginx = await startNginx(
    dir,
    `  access_log off;
  server {
    listen 127.0.0.1:${PROXY_PORT};
    server_name chipwatch.example.org;
${proxyLocation(`127.0.0.1:${APP_PORT}`)}
  }`,
    `http://127.0.0.1:${PROXY_PORT}/api/health`,
  );
});

test.afterAll(async () => {
  nginx?.kill("SIGTERM");
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await database?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("no route answers with localhost or 127.0.0.1; links name the public address", async () => {
  const routes = [
    "/",
    "/?company=nvidia&type=export_control",
    "/events",
    "/events?q=stockpile",
    "/events/1",
    "/companies",
    "/companies/nvidia",
    "/compare",
    "/articles/1",
    "/sign-in",
    "/no-such-page",
    "/?utm_source=newsletter&company=nvidia",
    "/feed.xml?company=nvidia",
    "/embed/timeline?company=huawei",
    `/oembed?url=${encodeURIComponent(`${PUBLIC}/?company=huawei`)}`,
    "/api/charts/timeline.svg?company=nvidia",
    "/api/charts/timeline.csv?company=nvidia",
    "/api/charts/timeline.json?company=nvidia",
    "/api/charts/compare.json",
    "/api/v1/facts?company=nvidia&limit=5",
    "/api/v1/events?limit=5&updated_since=2020-01-01T00:00:00Z",
    "/api/v1/revisions?record_type=event",
    "/api/v1/openapi.json",
    "/api/health",
  ];
  for (const route of routes) {
    // A client's own forwarded headers are overwritten by nginx and never reach a link.
    const response = await viaProxy(route, { "X-Forwarded-Host": "evil.example" });
    expect(response.status, route).toBeLessThan(500);
    const everything = `${JSON.stringify(response.headers)}\n${response.body}`;
    expect(everything, route).not.toMatch(/localhost|127\.0\.0\.1|evil\.example/);
  }
  const svg = await viaProxy("/api/charts/timeline.svg?company=nvidia");
  expect(svg.body).toContain(`${PUBLIC}/?company=nvidia`);
  const feed = await viaProxy("/feed.xml?company=nvidia");
  expect(feed.body).toContain(`<link href="${PUBLIC}/events/`);
});

test("the data API pages through every Nvidia fact by cursor through the proxy", async () => {
  const all = JSON.parse((await viaProxy("/api/v1/facts?company=nvidia&limit=1000")).body) as { data: { id: number }[] };
  expect(all.data.length).toBeGreaterThan(50);
  const seen: number[] = [];
  let next: string | null = "/api/v1/facts?company=nvidia&limit=50";
  while (next) {
    const response = await viaProxy(next);
    expect(response.status).toBe(200);
    const page = JSON.parse(response.body) as { data: { id: number }[]; meta: { next_url: string | null } };
    seen.push(...page.data.map((fact) => fact.id));
    if (page.meta.next_url) {
      expect(page.meta.next_url.startsWith(`${PUBLIC}/api/v1/facts?`)).toBe(true);
      expect(response.headers.link).toBe(`<${page.meta.next_url}>; rel="next"`);
    }
    next = page.meta.next_url ? page.meta.next_url.slice(PUBLIC.length) : null;
  }
  expect(seen).toEqual(all.data.map((fact) => fact.id));
  const csv = await viaProxy("/api/v1/facts?company=nvidia&limit=3&format=csv");
  expect(csv.headers["content-type"]).toContain("text/csv");
  expect(csv.body.split("\r\n")[0]).toMatch(/^id,event_id,metric,metric_label,qualifiers,value,value_max,unit/);
  const bad = await viaProxy("/api/v1/facts?limit=0&colour=red");
  expect(bad.status).toBe(400);
  expect(JSON.parse(bad.body).error.code).toBe("invalid_query");
});
