// npm run eval:extract — scores lib/extract on the labelled development set and, side by side,
// Microsoft's recognizers-text (number with unit) as a baseline.
import { recognizeNumber } from "@microsoft/recognizers-text-number";
import { recognizeAge, recognizeCurrency, recognizeDimension } from "@microsoft/recognizers-text-number-with-unit";
import { buildGazetteer } from "@/lib/extract/entities";
import { scoreCases, scoresFromCounts, type PredictedFact, type Scores } from "@/lib/extract/evaluate";
import { extractFacts } from "@/lib/extract/extract";
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import { buildDevSet } from "./eval/dev-set";

async function main() {
  const gazetteer = buildGazetteer(await seedGazetteerEntries());
  const sets = await buildDevSet(gazetteer);
  const ours = (text: string): PredictedFact[] => extractFacts(text, { gazetteer, published: null }).facts;
  const rows: string[] = [];
  const all = { ours: [] as Scores[], baseline: [] as Scores[] };
  for (const set of sets) {
    const a = scoreCases(set.cases, ours);
    const b = scoreCases(set.cases, baseline, { unitAgnostic: true });
    all.ours.push(a);
    all.baseline.push(b);
    rows.push(row(set.name, set.cases.length, a, b));
  }
  const total = (list: Scores[]) => combine(list);
  console.log("| set | texts | gold | recall | precision | subject | kind | baseline recall | baseline precision |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const line of rows) console.log(line);
  console.log(
    row(
      "**all**",
      sets.reduce((n, s) => n + s.cases.length, 0),
      total(all.ours),
      total(all.baseline),
    ),
  );
  console.log("\nsubject = share of matched facts whose text names the subject that got the right one; kind = share of matched facts with the right kind.");
  console.log("Baseline: @microsoft/recognizers-text-number-with-unit (currency, dimension, age) plus plain numbers; matched on value only (no units, subjects or kinds).");
}

function baseline(text: string): PredictedFact[] {
  const found = [...recognizeCurrency(text, "en-us"), ...recognizeDimension(text, "en-us"), ...recognizeAge(text, "en-us")];
  const numbers = recognizeNumber(text, "en-us").filter((n) => !found.some((f) => n.start >= f.start && n.end <= f.end));
  return [...found, ...numbers].flatMap((result) => {
    const value = Number((result.resolution as { value?: string } | undefined)?.value);
    if (!Number.isFinite(value)) return [];
    return [{ value, valueMax: null, unit: "count", subject: null, kind: null, start: result.start, end: result.end + 1 }];
  });
}

function combine(list: Scores[]): Scores {
  const sum = (key: keyof Scores) => list.reduce((n, s) => n + (s[key] as number), 0);
  return scoresFromCounts({
    gold: sum("gold"),
    predicted: sum("predicted"),
    matched: sum("matched"),
    subjectChecked: sum("subjectChecked"),
    subjectCorrect: sum("subjectCorrect"),
    kindCorrect: sum("kindCorrect"),
  });
}

function row(name: string, texts: number, a: Scores, b: Scores) {
  const f = (x: number) => x.toFixed(2);
  return `| ${name} | ${texts} | ${a.gold} | ${f(a.recall)} | ${f(a.precision)} | ${f(a.subjectAccuracy)} (${a.subjectChecked}) | ${f(a.kindAccuracy)} | ${f(b.recall)} | ${f(b.precision)} |`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
