// npm run data:import -- <file.ndjson> — restores a backup into an empty, migrated database.
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "./support/database";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { db } from "@/lib/db";
import { importBackup } from "@/lib/data/backup";

const file = process.argv[2];
try {
  if (!file) throw new Error("usage: npm run data:import -- <file.ndjson>");
  const counts = await importBackup(db, createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
  console.log(
    `restored ${Object.entries(counts)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ")}`,
  );
} catch (error) {
  console.error(`data:import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeScriptDatabase();
}
