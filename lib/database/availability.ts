// Is the database reachable right now? Checked at most every two seconds (a fresh connection and
// SELECT 1), so pages can answer 503 "temporarily unavailable" quickly while it is down and recover
// on their own when it is back. The embedded database lives in the launcher: always reachable.
import pg from "pg";

const CHECK_EVERY_MS = 2_000;
let last: { at: number; ok: boolean; pending?: Promise<boolean> } = { at: 0, ok: true };

export function databaseReachable(now = Date.now()): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.CHIPWATCH_EMBEDDED_DB === "1") return Promise.resolve(true);
  if (now - last.at < CHECK_EVERY_MS) return last.pending ?? Promise.resolve(last.ok);
  const pending = check(url).then((ok) => {
    last = { at: Date.now(), ok };
    return ok;
  });
  last = { ...last, at: now, pending };
  return pending;
}

async function check(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500, query_timeout: 1_500 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
