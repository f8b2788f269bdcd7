// npm run data:export -- [file.ndjson]  (default: stdout) — every article, entity, event and fact.
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "./support/database";
import { createWriteStream } from "node:fs";
import { db } from "@/lib/db";
import { exportBackup } from "@/lib/data/backup";

const file = process.argv[2];
const out: NodeJS.WritableStream = file ? createWriteStream(file) : process.stdout;
try {
  let lines = 0;
  for await (const line of exportBackup(db)) {
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    lines++;
  }
  if (file) await new Promise<void>((resolve) => out.end(() => resolve()));
  process.stderr.write(`exported ${lines - 1} rows${file ? ` to ${file}` : ""}\n`);
} catch (error) {
  process.stderr.write(`data:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeScriptDatabase();
}
