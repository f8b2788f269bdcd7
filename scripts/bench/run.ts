// npm run bench -- [--facts 10000,100000,1000000] [--json bench.json] [--duration 10] [--connections 20]
// The scale benchmark. For each size it builds (or reuses) a synthetic database
// chipwatch_bench_<facts> on the local PostgreSQL (BENCH_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432), then measures
//   1. the SQL behind each dashboard widget, with and without a company filter, and a naive
//      baseline (Prisma findMany + JavaScript) on the same data — scripts/bench/widgets.ts;
//   2. the production server (`npm start` on that database): `/` first rendered after a save (a
//      write that invalidates every cache: cold), first renders of distinct filter views the app
//      parses (no page cache can answer them), and `/` from the page cache (warm); then, under
//      autocannon load from this process, time to first byte of a probe request (warm: the page
//      cache answers), response time, errors, bytes of `/` and the first-load JavaScript of `/`;
//      where `taskset` works and there are two CPUs or more, the server runs on the last CPU and
//      this process (load and probes) on the others;
// and once: extraction throughput (MB/s) and bulk import throughput (articles/s).
// Prints markdown tables; --json also writes everything as JSON. Asserts nothing.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { generateDataset } from "../synth/generate";
import { ensureDatabase, synthesize } from "../synth/load";
import { startProductionServer } from "./server";
import { round, summarize, type Timing, type WidgetResult } from "./stats";

const option = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const SIZES = option("facts", "10000,100000,1000000").split(",").map(Number);
const DURATION = Number(option("duration", "10"));
const CONNECTIONS = Number(option("connections", "20"));
const SEED = 20261129;
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432";
const PORT = 3700;

type HttpResult = { path: string; requests: number; rps: number; errors: number; ttfbMedian: number; ttfbP95: number; latencyP50: number; latencyP99: number; bytes: number };
type Baseline = { widget: string; what: string; filter: "all" | "company"; median: number; p95: number; samples: number; ours: number; ratio: number; plan: string };
type PageTimings = { afterSave: Timing; firstView: Timing; warm: Timing; samples: number };
type SizeResult = {
  facts: number;
  synth: { reused: boolean; seconds: number };
  counts: { facts: number; events: number; entities: number };
  widgets: WidgetResult[];
  baselines: Baseline[];
  plans: Record<string, string[]>;
  naive: { widget: string; median: number; p95: number; ratio: number };
  http: HttpResult[];
  pages: PageTimings;
  homeBytes: number;
  firstLoadJsGzip: number;
};

if (SIZES.some((n) => !Number.isInteger(n) || n < 100)) {
  console.error("--facts: a comma-separated list of whole numbers ≥ 100, e.g. 10000,100000,1000000");
  process.exit(1);
}

/** A note on a cell measured with fewer samples than asked for (the time budget ran out). */
const fewSamples = (samples: number | undefined) => (samples === undefined || samples >= 50 ? "" : samples < 20 ? ` (max of ${samples})` : ` (${samples} runs)`);

async function main() {
  const results: SizeResult[] = [];
  for (const facts of SIZES) {
    const url = `${POSTGRES}/chipwatch_bench_${facts}`;
    log(`\n== ${facts.toLocaleString("en-US")} facts (${url.replace(/\/\/[^@]*@/, "//")})`);
    const synth = await synthesize(url, { facts, seed: SEED }, log);
    log(`dataset ${synth.reused ? "reused" : "built"} in ${synth.seconds.toFixed(1)} s`);
    const widgetOutput = execFileSync("npx", ["tsx", "scripts/bench/widgets.ts"], {
      // The app's 8 s statement limit protects a server; here a baseline over ten million facts may take longer.
      env: { ...process.env, DATABASE_URL: url, CHIPWATCH_STATEMENT_TIMEOUT_MS: process.env.CHIPWATCH_STATEMENT_TIMEOUT_MS ?? "120000" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    const widgets = JSON.parse(widgetOutput) as Pick<SizeResult, "counts" | "widgets" | "naive" | "baselines" | "plans"> & { company: string };
    results.push({ facts, synth: { reused: synth.reused, seconds: round(synth.seconds) }, ...widgets, ...(await measureServer(url, widgets.company)) });
  }
  const extraction = measureExtraction();
  const importRate = await measureImport();
  printReport(results, extraction, importRate);
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt > 0) {
    writeFileSync(
      process.argv[jsonAt + 1]!,
      `${JSON.stringify({ machine: machine(), pinning: pinning(), duration: DURATION, connections: CONNECTIONS, sizes: results, extraction, import: importRate }, null, 2)}\n`,
    );
  }
}

/**
 * Where the server and the load generator run: apart, when taskset works and there are CPUs to
 * split (decided once: after it, this process sees only its own CPUs).
 */
const pinning = (() => {
  let decided: { server: string | null; bench: string | null } | null = null;
  return () => {
    if (decided) return decided;
    const cpus = os.cpus().length;
    decided = { server: null, bench: null };
    if (cpus >= 2) {
      try {
        execFileSync("taskset", ["-pc", `0-${cpus - 2}`, String(process.pid)], { stdio: "ignore" });
        decided = { server: String(cpus - 1), bench: cpus === 2 ? "0" : `0-${cpus - 2}` };
      } catch {
        // taskset missing or not permitted: everything shares every CPU, and the report says so.
      }
    }
    return decided;
  };
})();

const DOCUMENT = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html" };
const SAMPLES = 60;

/**
 * Page timings (TTFB, document requests as a browser sends them): `/` first rendered after a save
 * (a real write bumps the data version, so neither the page cache nor the result cache can
 * answer), first renders of distinct filter views, and `/` from the page cache.
 */
async function measurePages(base: string, url: string): Promise<PageTimings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const afterSave: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // A save as an editor makes one: a statement on events (the data version's trigger fires).
      await client.query("UPDATE events SET summary = summary WHERE id = (SELECT min(id) FROM events)");
      afterSave.push((await timeToFirstByte(`${base}/`, DOCUMENT)).ttfb);
    }
    const types = ["export_control", "license", "entity_listing", "chip_order", "stockpile", "penalty", "investigation", "product_launch", "financial", "policy"];
    const countries = ["US", "CN", "NL", "JP", "KR", "TW"];
    const views = types.flatMap((type) => countries.map((country) => `/?country=${country}&type=${type}`)).slice(0, SAMPLES);
    const firstView: number[] = [];
    for (const view of views) firstView.push((await timeToFirstByte(`${base}${view}`, DOCUMENT)).ttfb);
    const warm: number[] = [];
    for (let i = 0; i < SAMPLES; i++) warm.push((await timeToFirstByte(`${base}/`, DOCUMENT)).ttfb);
    return { afterSave: summarize(afterSave), firstView: summarize(firstView), warm: summarize(warm), samples: SAMPLES };
  } finally {
    await client.end();
  }
}

async function measureServer(url: string, company: string): Promise<Pick<SizeResult, "http" | "pages" | "homeBytes" | "firstLoadJsGzip">> {
  log("starting the production server");
  const pinned = pinning();
  if (pinned.server) log(`  server pinned to CPU ${pinned.server}, load generator to CPU ${pinned.bench}`);
  const server = await startProductionServer(PORT, { DATABASE_URL: url, CHIPWATCH_EMBEDDED_DB: "", DATABASE_POOL_SIZE: "10", CHIPWATCH_IMAGE_RATE_LIMIT: "0" }, 600, pinned.server);
  try {
    const base = server.base;
    const home = await fetch(`${base}/`).then((r) => r.text());
    const pages = await measurePages(base, url);
    log(`  / after a save: TTFB p95 ${pages.afterSave.p95} ms; first view: p95 ${pages.firstView.p95} ms; warm: p95 ${pages.warm.p95} ms`);
    const firstLoadJsGzip = await firstLoadJs(base, home);
    const http: HttpResult[] = [];
    for (const pathname of ["/", `/?company=${encodeURIComponent(company)}`, "/events", "/api/charts/timeline.png"]) {
      await timeToFirstByte(`${base}${pathname}`, pathname.startsWith("/api/") ? {} : DOCUMENT); // first render, outside the measurement
      // As a browser asks for a page (Fetch metadata): the page cache answers such requests.
      const headers = pathname.startsWith("/api/") ? {} : DOCUMENT;
      const load = autocannon({ url: `${base}${pathname}`, connections: CONNECTIONS - 1, duration: DURATION, headers });
      const ttfb: number[] = [];
      const until = Date.now() + (DURATION - 1) * 1000;
      let bytes = 0;
      while (Date.now() < until) {
        const probe = await timeToFirstByte(`${base}${pathname}`, headers);
        ttfb.push(probe.ttfb);
        bytes = probe.bytes;
      }
      const result = await load;
      const ttfbSummary = summarize(ttfb);
      http.push({
        path: pathname,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        errors: result.errors + result.timeouts + result.non2xx,
        ttfbMedian: ttfbSummary.median,
        ttfbP95: ttfbSummary.p95,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        bytes,
      });
      log(
        `  ${pathname}: TTFB p95 ${ttfbSummary.p95} ms under ${CONNECTIONS} connections, ${Math.round(result.requests.average)} req/s, ${result.errors + result.timeouts + result.non2xx} errors`,
      );
    }
    return { http, pages, homeBytes: Buffer.byteLength(home), firstLoadJsGzip };
  } finally {
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

/** Milliseconds until the response headers and first body bytes arrive, and the body size. */
function timeToFirstByte(url: string, headers: Record<string, string> = {}): Promise<{ ttfb: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    let bytes = 0;
    request(url, { headers }, (response) => {
      response.on("data", (chunk: Buffer) => {
        if (!ttfb) ttfb = performance.now() - started;
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ ttfb: round(ttfb || performance.now() - started), bytes }));
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

/** The gzip size of every script the page loads before it is interactive. */
async function firstLoadJs(base: string, html: string): Promise<number> {
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of sources) total += gzipSync(await fetch(new URL(src, base)).then((r) => r.text())).length;
  return total;
}

function measureExtraction(): number {
  log("\n== extraction throughput (npm run bench:extract)");
  const output = execFileSync("npx", ["tsx", "scripts/bench/extract.ts"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const rate = Number(/\| ([\d.]+) MB\/s/.exec(output)?.[1]);
  log(`  ${rate} MB/s`);
  return rate;
}

/** `npm run import --accept` of 200 synthetic articles into an empty scratch database. */
async function measureImport(): Promise<{ articles: number; seconds: number; perSecond: number }> {
  log("\n== bulk import throughput (npm run import)");
  const url = `${POSTGRES}/chipwatch_bench_import`;
  await ensureDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
  await client.end();
  execFileSync("npx", ["tsx", "scripts/migrate.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const directory = mkdtempSync(path.join(tmpdir(), "chipwatch-import-"));
  const file = path.join(directory, "articles.ndjson");
  const lines: string[] = [];
  for (const { article } of generateDataset({ facts: 2_000, seed: SEED }).events()) {
    lines.push(JSON.stringify({ text: article.text, url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt }));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/import.ts", file, "--accept"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`import exited with ${code}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const perSecond = round(lines.length / seconds);
  log(`  ${lines.length} articles in ${seconds.toFixed(1)} s (process start included): ${perSecond} articles/s`);
  return { articles: lines.length, seconds: round(seconds), perSecond };
}

function printReport(results: SizeResult[], extraction: number, importRate: { articles: number; seconds: number; perSecond: number }) {
  const sizes = results.map((r) => r.facts.toLocaleString("en-US"));
  const m = machine();
  const pin = pinning();
  console.log(`\n## Chipwatch benchmark — ${m.cpus} × ${m.cpu}, ${m.memoryGb} GB, Node ${process.version}, ${m.postgres}\n`);
  console.log(
    pin.server
      ? `Server pinned to CPU ${pin.server}, load generator and probes to CPU ${pin.bench} (taskset); PostgreSQL unpinned.\n`
      : "Server, load generator and PostgreSQL share every CPU (taskset unavailable or one CPU).\n",
  );
  const runs = results[0]?.widgets[0]?.samples ?? 0;
  console.log(`### SQL per widget, cold (result cache emptied before each run): median / p95 ms, ${runs} runs; warm p95 (result cache hit)\n`);
  console.log(
    `| widget | filter | ${sizes.map((size) => `${size} cold`).join(" | ")} | ${sizes.map((size) => `${size} warm p95`).join(" | ")} | growth of cold p95, largest ÷ smallest |`,
  );
  console.log(`|---|---|${sizes.map(() => "---|").join("")}${sizes.map(() => "---|").join("")}---|`);
  for (const row of results[0]?.widgets ?? []) {
    const cells = results.map((r) => r.widgets.find((w) => w.widget === row.widget && w.filter === row.filter)!);
    const growth = cells.length > 1 ? round(cells[cells.length - 1]!.p95 / Math.max(cells[0]!.p95, 0.01)) : 1;
    console.log(
      `| ${row.widget} | ${row.filter} | ${cells.map((c) => `${c.median} / ${c.p95}${fewSamples(c.samples)}`).join(" | ")} | ${cells.map((c) => `${c.warmP95 ?? "–"}`).join(" | ")} | ${growth}× |`,
    );
  }
  console.log(`\n### Baselines: what a user would run instead (p95 ms, cold)\n`);
  console.log(`| query | filter | ${sizes.map((size) => `${size}: plain GROUP BY / Chipwatch / ratio`).join(" | ")} |`);
  console.log(`|---|---|${sizes.map(() => "---|").join("")}`);
  for (const row of results[0]?.baselines ?? []) {
    const cells = results.map((r) => r.baselines.find((b) => b.what === row.what && b.filter === row.filter)!);
    console.log(`| plain SQL GROUP BY: ${row.what} | ${row.filter} | ${cells.map((c) => `${c.p95}${fewSamples(c.samples)} / ${c.ours} / **${c.ratio}×**`).join(" | ")} |`);
  }
  console.log(`| naive: orders per quarter via Prisma findMany + JS (median) | all | ${results.map((r) => `${r.naive.median} / – / **${r.naive.ratio}×**`).join(" | ")} |`);
  console.log(`\n### Pages (TTFB ms, median / p95 of ${results[0]?.pages.samples ?? 0} document requests, one at a time)\n`);
  console.log(`| facts | \`/\` first render after a save (cold) | first render of a filter view | \`/\` from the page cache (warm) |`);
  console.log(`|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.facts.toLocaleString("en-US")} | ${r.pages.afterSave.median} / ${r.pages.afterSave.p95} | ${r.pages.firstView.median} / ${r.pages.firstView.p95} | ${r.pages.warm.median} / ${r.pages.warm.p95} |`,
    );
  console.log(
    `\n### Production server under load, warm (${CONNECTIONS} concurrent connections, ${DURATION} s per path; the page cache answers; TTFB of a probe request during the load)\n`,
  );
  console.log(`| path | facts | TTFB median / p95 ms | req/s | response p50 / p99 ms | errors | bytes |`);
  console.log(`|---|---|---|---|---|---|---|`);
  for (const r of results)
    for (const h of r.http)
      console.log(
        `| \`${h.path.replace(/company=.*/, "company=<busiest>")}\` | ${r.facts.toLocaleString("en-US")} | ${h.ttfbMedian} / ${h.ttfbP95} | ${h.rps} | ${h.latencyP50} / ${h.latencyP99} | ${h.errors} | ${h.bytes.toLocaleString("en-US")} |`,
      );
  console.log(`\n| facts | \`/\` HTML + RSC bytes | growth vs smallest | first-load JS of \`/\` (gzip) |`);
  console.log(`|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.facts.toLocaleString("en-US")} | ${r.homeBytes.toLocaleString("en-US")} | ${round(r.homeBytes / results[0]!.homeBytes)}× | ${(r.firstLoadJsGzip / 1024).toFixed(1)} kB |`,
    );
  console.log(
    `\n### Throughput\n\n| what | result |\n|---|---|\n| extraction (npm run bench:extract) | ${extraction} MB/s |\n| bulk import with extraction (npm run import --accept, ${importRate.articles} articles) | ${importRate.perSecond} articles/s (${importRate.seconds} s incl. process start) |`,
  );
  console.log(`\n### Datasets\n\n| facts | events | entities | built in |\n|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.counts.facts.toLocaleString("en-US")} | ${r.counts.events.toLocaleString("en-US")} | ${r.counts.entities.toLocaleString("en-US")} | ${r.synth.reused ? "reused" : `${r.synth.seconds} s`} |`,
    );
}

function machine() {
  const cpuinfo = execFileSync(
    "sh",
    ["-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; nproc --all; free -g | awk '/Mem:/{print $2}'; psql --version 2>/dev/null || true"],
    {
      encoding: "utf8",
    },
  ).split("\n");
  return { cpu: cpuinfo[0]!.trim(), cpus: Number(cpuinfo[1]), memoryGb: Number(cpuinfo[2]), postgres: (cpuinfo[3] ?? "").replace("psql (PostgreSQL)", "PostgreSQL").trim() };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
