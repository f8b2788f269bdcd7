// Shared by the fault tests: private PostgreSQL clusters built with Debian's PostgreSQL 15 tools
// (run as the postgres user), and the production server against them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

/** Runs a PostgreSQL server tool (initdb, pg_ctl, pg_basebackup) as the postgres user. */
export const asPostgres = (command: string, args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${command}`, ...args], { stdio: "pipe" });

/** The production server npm start runs (scripts/serve.ts) on `port` with `env` (its own process group), once /api/health answers. */
export async function startNextServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const app = spawn("npx", ["tsx", "scripts/serve.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), CHIPWATCH_EMBEDDED_DB: "", ...env },
    stdio: "ignore",
    detached: true,
  });
  for (let i = 0; i < 60; i++) {
    if (
      await fetch(`http://localhost:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return app;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (app.pid) process.kill(-app.pid, "SIGTERM");
  throw new Error("next start did not come up");
}

/** A private, seeded-on-demand PostgreSQL cluster in a temporary directory on a loopback port. */
export function createCluster(name: string, port: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `chipwatch-${name}-`));
  chmodSync(dir, 0o777);
  asPostgres("initdb", ["-D", `${dir}/data`, "-A", "trust", "-U", "postgres"]);
  const cluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () => asPostgres("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/log`, "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start"]),
    stop: () => asPostgres("pg_ctl", ["-D", `${dir}/data`, "-m", "immediate", "stop"]),
    /** Stops it if it runs, and deletes it. */
    remove: () => {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
