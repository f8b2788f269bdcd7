// npm run loadtest [-- --duration 30 --connections 100 --rounds 3 --json out.json]
// Drives the production server from this (separate) process with autocannon on loopback:
// `/`, `/events?company=nvidia`, `/api/charts/timeline.png` and the JSON API, round after round,
// and samples the server's memory after each round. Prints numbers; asserts nothing.
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
    const server = await startProductionServer(port, { CHIPWATCH_DATA_DIR: ".data/loadtest" });
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
  const jsonAt = process.argv.indexOf("--json");
  if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify({ duration, connections, results, memory }, null, 2));
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
