// npm run bench:export — export speed, printed (never asserted in tests):
//   server: GET /api/charts/timeline.png with all demo data, warm, median and p95;
//   client: the browser download path on a timeline with 1,000 marks, in Debian's Chromium.
// Uses BENCH_URL when given, otherwise starts `npm start` on port 3300 (embedded database).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { startProductionServer } from "./server";
import { summarize } from "./stats";

const runs = Number(process.env.BENCH_RUNS ?? 30);
let stopServer: (() => void) | undefined;

async function main() {
  let base = process.env.BENCH_URL;
  if (!base) {
    const server = await startProductionServer(3300);
    base = server.base;
    stopServer = server.stop;
  }
  // A unique, ignored parameter per request defeats the render cache: this times real rendering.
  const serverTimes = await timeServer((i) => `${base}/api/charts/timeline.png?run=${Date.now()}-${i}`);
  const cachedTimes = await timeServer(() => `${base}/api/charts/timeline.png`);
  const clientTimes = await timeClient(base, 1000);
  const results = {
    machine: `${process.platform} ${process.arch}, node ${process.version}, ${(await import("node:os")).cpus().length} cores`,
    serverTimelinePng: summarize(serverTimes),
    serverTimelinePngCached: summarize(cachedTimes),
    clientPng1000Marks: summarize(clientTimes),
  };
  console.log("\n| measurement | median | p95 | runs | target |");
  console.log("|---|---|---|---|---|");
  console.log(`| server PNG, timeline, all demo data (warm) | ${results.serverTimelinePng.median} ms | ${results.serverTimelinePng.p95} ms | ${serverTimes.length} | < 200 ms |`);
  console.log(
    `| server PNG, timeline, repeated URL (render cache) | ${results.serverTimelinePngCached.median} ms | ${results.serverTimelinePngCached.p95} ms | ${cachedTimes.length} | |`,
  );
  console.log(`| client PNG, 1,000 marks, 2× | ${results.clientPng1000Marks.median} ms | ${results.clientPng1000Marks.p95} ms | ${clientTimes.length} | < 500 ms |`);
  console.log(`\n${results.machine}`);
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt > 0 && process.argv[jsonAt + 1]) await writeFile(process.argv[jsonAt + 1]!, JSON.stringify(results, null, 2));
}

async function timeServer(url: (run: number) => string) {
  for (let i = 0; i < 5; i++) await (await fetch(url(-i - 1))).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(url(i));
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url(i)} answered ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function timeClient(base: string, marks: number) {
  const bundle = await build({
    entryPoints: [path.resolve("scripts/bench/export-client-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    alias: { "@": path.resolve(".") },
    logLevel: "silent",
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/api/health`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    type Bench = { exportPng: (marks: number) => Promise<{ ms: number; bytes: number }> };
    const once = () => page.evaluate((n) => (window as unknown as { chipwatchBench: Bench }).chipwatchBench.exportPng(n), marks);
    for (let i = 0; i < 3; i++) await once();
    const times: number[] = [];
    for (let i = 0; i < Math.min(runs, 20); i++) times.push((await once()).ms);
    return times;
  } finally {
    await browser.close();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopServer?.();
  });
