// Shared by the fault tests: private PostgreSQL clusters built with Debian's PostgreSQL 15 tools
// (run as the postgres user), and the production server against them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";

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
