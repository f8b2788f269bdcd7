// Shared by the fault tests: private PostgreSQL clusters built with Debian's PostgreSQL 15 tools
// (run as the postgres user), and the production server against them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareDatabase } from "@/lib/database/prepare";

const BIN = "/usr/lib/postgresql/15/bin";

/** Runs a PostgreSQL server tool (initdb, pg_ctl, pg_basebackup) as the postgres user. */
export const asPostgres = (command: string, args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", `${BIN}/${command}`, ...args], { stdio: "pipe" });

/** Whether `url` answers 2xx within `withinMs`, asked every half second. */
async function answers(url: string, withinMs: number): Promise<boolean> {
  const ok = () =>
    fetch(url).then(
      (response) => response.ok,
      () => false,
    );
  const until = Date.now() + withinMs;
  while (!(await ok())) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return true;
}

/** The production server npm start runs (scripts/serve.ts) on `port` with `env` (its own process group), once /api/health answers. */
export async function startNextServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const app = spawn("npx", ["tsx", "scripts/serve.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), CHIPWATCH_EMBEDDED_DB: "", ...env },
    stdio: "ignore",
    detached: true,
  });
  if (await answers(`http://localhost:${port}/api/health`, 30_000)) return app;
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

/**
 * A private primary on `primaryPort` with a hot-standby streaming replica on `replicaPort` (cloned
 * by pg_basebackup -R), each logging every statement to `<dir>/<primary|replica>.log`, and a
 * database `chipwatch` migrated and seeded with the demo data.
 */
export async function createReplicatedPair(name: string, primaryPort: number, replicaPort: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `chipwatch-${name}-`));
  chmodSync(dir, 0o777);
  asPostgres("initdb", ["-D", `${dir}/primary`, "-A", "trust", "-U", "postgres"]);
  const options = (port: number) => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c wal_level=replica -c max_wal_senders=5 -c log_statement=all`;
  asPostgres("pg_ctl", ["-D", `${dir}/primary`, "-l", `${dir}/primary.log`, "-w", "-o", options(primaryPort), "start"]);
  await queryOnce(`postgresql://postgres@127.0.0.1:${primaryPort}/postgres`, "CREATE DATABASE chipwatch");
  const primaryUrl = `postgresql://postgres@127.0.0.1:${primaryPort}/chipwatch`;
  await prepareDatabase(primaryUrl, { seed: "always" });
  asPostgres("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", `${dir}/replica`, "-R", "-X", "stream"]);
  asPostgres("pg_ctl", ["-D", `${dir}/replica`, "-l", `${dir}/replica.log`, "-w", "-o", options(replicaPort), "start"]);
  return {
    dir,
    primaryUrl,
    replicaUrl: `postgresql://postgres@127.0.0.1:${replicaPort}/chipwatch`,
    primaryLog: `${dir}/primary.log`,
    replicaLog: `${dir}/replica.log`,
    /** Stops both servers and deletes them. */
    remove: () => {
      for (const cluster of ["replica", "primary"]) {
        try {
          asPostgres("pg_ctl", ["-D", `${dir}/${cluster}`, "-m", "immediate", "stop"]);
        } catch {
          // not running
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows of one query on a fresh connection. */
export async function queryOnce<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * The location block a deployment puts in front of Chipwatch: forwarded host (`host`, an nginx
 * variable: `$host`, or `$http_host` to keep the port), scheme and address; no buffering, as pages stream.
 */
export const proxyLocation = (target: string, host = "$host") => `    location / {
      proxy_pass http://${target};
      proxy_http_version 1.1;
      proxy_set_header Host ${host};
      proxy_set_header X-Forwarded-Host ${host};
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_buffering off;
    }`;

/** Debian's nginx in the foreground with `http` as the body of its http block; its files in `dir`. */
export async function startNginx(dir: string, http: string, healthUrl: string): Promise<ChildProcess> {
  writeFileSync(
    `${dir}/nginx.conf`,
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http}
}
`,
  );
  const nginx = spawn(process.env.NGINX_PATH ?? "/usr/sbin/nginx", ["-c", `${dir}/nginx.conf`, "-p", dir], { stdio: "ignore" });
  if (await answers(healthUrl, 20_000)) return nginx;
  nginx.kill("SIGTERM");
  throw new Error(`nginx did not answer ${healthUrl}`);
}
