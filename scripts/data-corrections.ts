// npm run data:corrections -- <directory> — writes every article editors decided on as an
// evaluation case (NN.json, the shared evaluation set's format: text, publication date and the
// accepted facts as gold), so corrections become test data:
//   python3 ../shared/eval/score.py --dir <directory> --cmd 'npm run --silent extract -- {file} --published {published}'
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "./support/database";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { correctionCases } from "@/lib/data/corrections";
import { db } from "@/lib/db";

const directory = process.argv[2];
try {
  if (!directory) throw new Error("usage: npm run data:corrections -- <directory>");
  await mkdir(directory, { recursive: true });
  const cases = await correctionCases(db);
  for (const [index, evaluationCase] of cases.entries()) {
    await writeFile(path.join(directory, `${String(index + 1).padStart(2, "0")}.json`), `${JSON.stringify(evaluationCase, null, 1)}\n`);
  }
  const facts = cases.reduce((n, c) => n + c.gold.length, 0);
  const rejected = cases.reduce((n, c) => n + c.rejected, 0);
  console.log(`Wrote ${cases.length} evaluation case(s) to ${directory}: ${facts} accepted fact(s) as gold, ${rejected} rejected proposal(s).`);
} catch (error) {
  console.error(`data:corrections failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeScriptDatabase();
}
