// npm run loadtest [-- --duration 30 --connections 100 --rounds 3 --json out.json]
// Drives the production server from this (separate) process with autocannon on loopback:
// `/`, `/events?company=nvidia`, `/api/charts/timeline.png` and the JSON API, round after round,
// and samples the server's memory after each round; then a mixed run: 20 connections browsing
// while 10 clients ask for distinct 4000×2500×2 PNGs. Prints numbers; asserts nothing.
// Uses BENCH_URL (and BENCH_PID for memory) when given, else starts `npm start` on port 3500
// with its own embedded database in .data/loadtest.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { startProductionServer } from "./bench/server";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const duration = arg("duration", 30);
const connections = arg("connections", 100);
const rounds = arg("rounds", 3);
const PATHS = ["/", "/events?company=nvidia", "/api/charts/timeline.png", "/api/charts/timeline.json"];
let stopServer: (() => void) | undefined;

async function main() {
  const port = 3500;
  let base = process.env.BENCH_URL;
  if (!base) {
    // One address drives everything here: the per-client image limit would measure itself.
    const server = await startProductionServer(port, { CHIPWATCH_DATA_DIR: ".data/loadtest", CHIPWATCH_IMAGE_RATE_LIMIT: "0" });
    base = server.base;
    stopServer = server.stop;
  }
  const pid = process.env.BENCH_PID ? Number(process.env.BENCH_PID) : listeningPid(new URL(base).port || "80");
  const results: { round: number; path: string; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number }[] = [];
  const memory: { round: number; rssMb: number | null }[] = [{ round: 0, rssMb: rss(pid) }];
  for (let round = 1; round <= rounds; round++) {
    for (const path of PATHS) {
      const result = await autocannon({ url: `${base}${path}`, connections, duration });
      results.push({
        round,
        path,
        requests: result.requests.total,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
      process.stderr.write(`round ${round} ${path}: p99 ${result.latency.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx\n`);
    }
    memory.push({ round, rssMb: rss(pid) });
  }
  console.log(`\n${connections} connections × ${duration} s per path, ${rounds} rounds, server pid ${pid ?? "unknown"}\n`);
  console.log("| round | path | requests | req/s | p50 ms | p99 ms | errors | non-2xx |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of results) console.log(`| ${r.round} | \`${r.path}\` | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  console.log(`\nserver RSS (MB) after each round: ${memory.map((m) => `${m.round}: ${m.rssMb ?? "?"}`).join(", ")}`);

  // Mixed: readers browse while ten clients ask for distinct 4000×2500 PNGs at 2× (each a fresh
  // render: no cache can answer). The renderer's queue may refuse some with a deliberate 503.
  const mixed = await mixedRun(base, duration);
  console.log(
    `\nmixed (${duration} s): browsing 20 connections on / and /events?company=nvidia — worst path p50 ${mixed.browsing.p50} ms, worst path p99 ${mixed.browsing.p99} ms, ${mixed.browsing.requests} requests, ${mixed.browsing.errors} errors, ${mixed.browsing.non2xx} non-2xx`,
  );
  console.log(
    `mixed: 10 clients × distinct 4000×2500×2 PNGs — ${mixed.images.ok} drawn, ${mixed.images.busy} refused busy (503), ${mixed.images.other5xx} other 5xx, ${mixed.images.other} other`,
  );
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ duration, connections, results, memory, mixed }, null, 2));
}

async function mixedRun(base: string, seconds: number) {
  const until = Date.now() + seconds * 1000;
  const images = { ok: 0, busy: 0, other5xx: 0, other: 0 };
  let n = 0;
  const client = async () => {
    while (Date.now() < until) {
      // A width no one asked for before: a render, not a cached file.
      const width = 3000 + (n++ % 1000);
      const status = await fetch(`${base}/api/charts/timeline.png?width=${width}&height=2500&scale=2`).then(
        async (r) => (await r.arrayBuffer(), r.status),
        () => 0,
      );
      if (status === 200) images.ok++;
      else if (status === 503) images.busy++;
      else if (status >= 500) images.other5xx++;
      else images.other++;
    }
  };
  const [browseHome, browseEvents] = await Promise.all([
    autocannon({ url: `${base}/`, connections: 10, duration: seconds }),
    autocannon({ url: `${base}/events?company=nvidia`, connections: 10, duration: seconds }),
    ...Array.from({ length: 10 }, client),
  ]);
  const requests = browseHome.requests.total + browseEvents.requests.total;
  return {
    browsing: {
      requests,
      p50: Math.max(browseHome.latency.p50, browseEvents.latency.p50),
      p99: Math.max(browseHome.latency.p99, browseEvents.latency.p99),
      errors: browseHome.errors + browseHome.timeouts + browseEvents.errors + browseEvents.timeouts,
      non2xx: browseHome.non2xx + browseEvents.non2xx,
    },
    images,
  };
}

function rss(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/** The process listening on the port (the Next.js server), from `ss`. */
function listeningPid(port: string): number | null {
  try {
    const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    return Number(/pid=(\d+)/.exec(out)?.[1]) || null;
  } catch {
    return null;
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
