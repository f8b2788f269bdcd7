// npm run --silent extract -- <file.txt> [--published YYYY-MM-DD]
// Prints {"facts":[…],"events":[…],"entities":[…]} for the article in the file, and nothing else on
// stdout. Events are dated actions without a number: {type, date, entities, quote, start, end}.
// Every fact carries `confidence`, how likely it is right as proposed (lib/extract/confidence.ts).
// Known entities come from the database when DATABASE_URL is set, else from the shipped seed list.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { loadGazetteer } from "@/lib/extract/gazetteer-source";
import { extractFacts } from "@/lib/extract/extract";

const argsSchema = z.object({
  file: z.string({ error: "usage: npm run --silent extract -- <file.txt> [--published YYYY-MM-DD]" }).min(1),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "--published must be a date as YYYY-MM-DD")
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "--published is not a real date")
    .optional(),
});

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf("--published");
  const parsed = argsSchema.safeParse({ file: argv.find((arg, i) => !arg.startsWith("--") && (at < 0 || i !== at + 1)), published: at >= 0 ? argv[at + 1] : undefined });
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  let text: string;
  try {
    text = await readFile(parsed.data.file, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${parsed.data.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text.includes("\u0000")) throw new Error(`${parsed.data.file} is not a text file`);
  const gazetteer = await loadGazetteer();
  const published = parsed.data.published ? new Date(`${parsed.data.published}T00:00:00Z`) : null;
  const { facts, events, entities } = extractFacts(text, { gazetteer, published });
  process.stdout.write(
    `${JSON.stringify({
      facts: facts.map(({ kind, metric, subject, object, value, valueMax, unit, approx, bound, date, quote, start, end, confidence }) => ({
        kind,
        metric,
        subject,
        object,
        value,
        valueMax,
        unit,
        approx,
        bound,
        date,
        quote,
        start,
        end,
        confidence,
      })),
      events,
      entities: entities.map(({ name, kind, start, end, known }) => ({ name, kind, start, end, known })),
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`extract: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
