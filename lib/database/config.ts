// Where the database is and how many connections a process may open to it.

export class DatabaseConfigError extends Error {}

export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new DatabaseConfigError(
      "DATABASE_URL is not set. Run `npm start` (it starts an embedded PostgreSQL) " + "or set DATABASE_URL=postgresql://user@host:5432/db for a real server.",
    );
  }
  return url;
}

// PGlite's socket server multiplexes every connection onto one session: with several
// concurrent transactions it returned wrong rows. The launcher marks it embedded, and then each
// process keeps to a single connection.
export function databasePoolSize(): number {
  if (process.env.CHIPWATCH_EMBEDDED_DB === "1") return 1;
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

/** The server this process reads from: its replica (chosen by process id) when configured, else the primary. */
export function readDatabaseUrl(): string | undefined {
  const urls = replicaUrls();
  return urls.length ? urls[process.pid % urls.length] : process.env.DATABASE_URL;
}

/** DATABASE_REPLICA_URLS: comma-separated read replicas of DATABASE_URL (empty: none). */
export function replicaUrls(): string[] {
  return (process.env.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

export type QueryTimeouts = { statementMs: number; lockMs: number };

/**
 * How long one query of the app may run (CHIPWATCH_STATEMENT_TIMEOUT_MS, default 8 s) and wait
 * for a lock (CHIPWATCH_LOCK_TIMEOUT_MS, default 2 s). Null on the embedded database, which
 * serves one session and takes no per-connection settings.
 */
export function queryTimeouts(): QueryTimeouts | null {
  if (process.env.CHIPWATCH_EMBEDDED_DB === "1") return null;
  const read = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return { statementMs: read("CHIPWATCH_STATEMENT_TIMEOUT_MS", 8_000), lockMs: read("CHIPWATCH_LOCK_TIMEOUT_MS", 2_000) };
}
