// Imported first by every command-line script that needs the database: without DATABASE_URL it
// reaches the embedded database of `npm ci && npm start` — through the running app (which serves
// a second connection for scripts) or, when the app is stopped, by opening it here for the
// script's run — and says clearly when it is locked.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/database/embedded";
import { addressFile, dataDir, lockHolder, releaseLock, takeLock } from "./embedded";

let opened: EmbeddedDatabase | undefined;

if (!process.env.DATABASE_URL) {
  const holder = await lockHolder();
  const where = `${path.relative(process.cwd(), dataDir)}/pglite`;
  if (holder) {
    if (!existsSync(addressFile)) {
      console.error(
        `The embedded database in ${where} is in use by process ${holder} and is not serving yet (npm start still starting?). Try again in a few seconds, or set DATABASE_URL.`,
      );
      process.exit(1);
    }
    process.env.DATABASE_URL = (await readFile(addressFile, "utf8")).trim();
    console.error(`[chipwatch] using the embedded database of the running app (process ${holder}).`);
  } else {
    await takeLock();
    opened = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
    process.env.DATABASE_URL = opened.url;
    const { prepareDatabase } = await import("@/lib/database/prepare");
    await prepareDatabase(opened.url, { seed: "if-new" });
    console.error(`[chipwatch] opened the embedded database in ${where} for this command (npm start is not running).`);
  }
  // PGlite serves one session: each process keeps to a single connection (lib/database/config.ts).
  process.env.CHIPWATCH_EMBEDDED_DB = "1";
}

/** Scripts call this last: a database opened here is closed and its lock released. */
export async function closeScriptDatabase() {
  if (!opened) return;
  const database = opened;
  opened = undefined;
  await database.stop();
  await releaseLock();
}
