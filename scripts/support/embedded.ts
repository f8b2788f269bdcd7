// The embedded database's data directory, shared by `npm start` and the command-line scripts: a
// lock file with the owner's process id (PGlite is single-process) and, while `npm start` serves it,
// a file with its address, so a script can use the running app's database.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// CHIPWATCH_DATA_DIR keeps a second embedded database apart (the browser tests use .data/e2e).
export const dataDir = path.resolve(process.env.CHIPWATCH_DATA_DIR ?? ".data");
export const lockFile = path.join(dataDir, "pglite.lock");
/** Written by `npm start` while it serves the embedded database: its postgresql:// address. */
export const addressFile = path.join(dataDir, "pglite.address");

export class EmbeddedDatabaseBusy extends Error {}

/** The process holding the embedded database, if it is still running. */
export async function lockHolder(): Promise<number | null> {
  if (!existsSync(lockFile)) return null;
  const pid = Number(await readFile(lockFile, "utf8"));
  return pid && pid !== process.pid && isAlive(pid) ? pid : null;
}

export async function takeLock() {
  await mkdir(dataDir, { recursive: true });
  const holder = await lockHolder();
  if (holder)
    throw new EmbeddedDatabaseBusy(`${path.relative(process.cwd(), dataDir)}/pglite is in use by process ${holder} (another npm start?). Stop it first, or set DATABASE_URL.`);
  await writeFile(lockFile, String(process.pid));
}

export async function releaseLock() {
  await rm(addressFile, { force: true });
  await rm(lockFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
