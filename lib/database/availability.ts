// Can the database answer right now? Checked at most every two seconds with a fresh connection
// that reads the data version — the row every page reads first — waiting at most 1 s for a lock,
// so pages answer 503 "temporarily unavailable" in seconds while the database is down or that row
// is locked, and recover on their own; a watching connection notices at once when the database
// goes away. The embedded database lives in the launcher: always there.
import pg from "pg";
import { readDatabaseUrl } from "@/lib/database/config";

const CHECK_EVERY_MS = 2_000;
let last: { at: number; ok: boolean; pending?: Promise<boolean> } = { at: 0, ok: true };

export function databaseReachable(now = Date.now()): Promise<boolean> {
  // Where pages read: this process's replica when there is one.
  const url = readDatabaseUrl();
  if (!url || process.env.CHIPWATCH_EMBEDDED_DB === "1") return Promise.resolve(true);
  if (now - last.at < CHECK_EVERY_MS) return last.pending ?? Promise.resolve(last.ok);
  const pending = check(url).then((ok) => {
    last = { at: Date.now(), ok };
    if (ok) watch(url);
    return ok;
  });
  last = { ...last, at: now, pending };
  return pending;
}

// One idle connection per process that only listens: when the database goes away its socket
// closes, and from that moment requests get the 503 instead of waiting for the next check.
let watcher: pg.Client | null = null;

function watch(url: string) {
  if (watcher) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  watcher = client;
  const lost = () => {
    if (watcher !== client) return;
    watcher = null;
    last = { at: Date.now(), ok: false };
  };
  client.on("error", lost);
  client.on("end", lost);
  client.connect().catch(lost);
}

async function check(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500, query_timeout: 1_500, lock_timeout: 1_000, statement_timeout: 1_500 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT version FROM data_version");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
