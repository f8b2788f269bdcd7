// npm run eval:extract [-- --verbose] — scores lib/extract on the labelled development set and, side
// by side, Microsoft's recognizers-text (number with unit) as a baseline; then, when ../shared/eval
// is beside the repo, on the shared set of 30 news texts with its own scorer (score.py, the one that
// judges the hidden set), and fails below SHARED_FLOOR so a regression cannot land.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { recognizeNumber } from "@microsoft/recognizers-text-number";
import { recognizeAge, recognizeCurrency, recognizeDimension } from "@microsoft/recognizers-text-number-with-unit";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { scoreCases, scoresFromCounts, type PredictedFact, type Scores } from "@/lib/extract/evaluate";
import { extractFacts } from "@/lib/extract/extract";
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import type { Gazetteer } from "@/lib/extract/entities";
import { buildDevSet } from "./eval/dev-set";
import { scoreSharedSet as scoreInProcess, type SharedRun } from "./eval/run-shared";
import type { GoldOutcome } from "./eval/shared-set";

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
  await scoreSharedSet(process.argv.includes("--verbose"), gazetteer);
  await scoreCorrections();
}

// 0.02 under what the extractor reached on the shared set when the floor was set (see README).
const SHARED_FLOOR = { recall: 0.96, precision: 0.98, attribution: 0.86, kind_accuracy: 0.92, event_recall: 0.94 } as const;

async function scoreSharedSet(verbose: boolean, gazetteer: Gazetteer) {
  const scorer = path.resolve("../shared/eval/score.py");
  if (!existsSync(scorer)) {
    console.log("\nShared set: ../shared/eval not found beside the repo; skipped.");
    return;
  }
  const score = runScorer(scorer, null, verbose);
  console.log("\n| shared set (../shared/eval/dev, score.py) | gold | recall | precision | subject | kind | event recall |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(
    `| 30 news texts | ${score.gold} (+${score.events} events) | ${score.recall} | ${score.precision} | ${score.attribution} | ${score.kind_accuracy} | ${score.event_recall} |`,
  );
  // The in-process port of the scorer (ablation and calibration use it) must agree with score.py.
  const inProcess = scoreInProcess(gazetteer);
  const differs = (["recall", "precision", "attribution"] as const).filter((key) => inProcess.total[key] !== score[key]);
  if (differs.length) throw new Error(`scripts/eval/shared-set.ts no longer agrees with score.py on ${differs.join(", ")}`);
  printPerKind(inProcess.runs);
  const below = (Object.keys(SHARED_FLOOR) as (keyof typeof SHARED_FLOOR)[]).filter((key) => score[key] < SHARED_FLOOR[key]);
  if (score.failures > 0) below.push("failures" as never);
  if (below.length) throw new Error(`the shared-set score fell below its floor: ${below.map((key) => `${key} ${score[key]} < ${SHARED_FLOOR[key] ?? 0}`).join(", ")}`);
  console.log(`Floor (fails below): ${JSON.stringify(SHARED_FLOOR)}`);
  scoreBlindSets(scorer, verbose);
}

type ScorerResult = Record<keyof typeof SHARED_FLOOR | "gold" | "pred" | "matched" | "attr" | "kind" | "events" | "events_hit" | "failures", number>;

/** score.py (the hidden set's scorer) on the shared set, or on another directory of labelled texts. */
function runScorer(scorer: string, dir: string | null, verbose: boolean): ScorerResult {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "chipwatch-eval-")), "score.json");
  const run = spawnSync(
    "python3",
    [
      scorer,
      "--cmd",
      "npm run --silent extract -- {file} --published {published}",
      "--cwd",
      process.cwd(),
      "--json",
      out,
      ...(dir ? ["--dir", dir] : []),
      ...(verbose ? ["--verbose"] : []),
    ],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } },
  );
  if (run.status !== 0) throw new Error(`score.py failed: ${run.stderr}`);
  if (verbose) console.log(run.stdout);
  return JSON.parse(readFileSync(out, "utf8")) as ScorerResult;
}

/**
 * score.py reads only two-digit names (NN.json); a folder that has grown past 99 texts is scored in
 * slices of at most 100, each linked into a folder of its own under two-digit names (100.json as
 * 00.json), and the slices' counts are summed and turned into ratios the way score.py does.
 */
function runScorerOnFolder(scorer: string, dir: string, verbose: boolean): ScorerResult {
  const files = readdirSync(dir)
    .filter((name) => /^\d+\.json$/.test(name))
    .sort((a, b) => parseInt(a) - parseInt(b));
  const slices = new Map<number, string[]>();
  for (const file of files) slices.set(Math.floor(parseInt(file) / 100), [...(slices.get(Math.floor(parseInt(file) / 100)) ?? []), file]);
  const results = [...slices].map(([hundred, slice]) => {
    // Texts 01–99 keep their names: score.py reads them where they are.
    if (hundred === 0) return runScorer(scorer, dir, verbose);
    const linked = mkdtempSync(path.join(tmpdir(), "chipwatch-blind-"));
    for (const file of slice) symlinkSync(path.join(dir, file), path.join(linked, `${String(parseInt(file) % 100).padStart(2, "0")}.json`));
    if (verbose) console.log(`(texts ${hundred}00–${hundred}99 of ${path.basename(dir)} are scored as 00–99)`);
    return runScorer(scorer, linked, verbose);
  });
  const sum = (key: keyof ScorerResult) => results.reduce((total, result) => total + result[key], 0);
  const ratio = (part: number, whole: number) => Math.round((part / Math.max(whole, 1)) * 1000) / 1000;
  const [gold, pred, matched, attr, kind, events, eventsHit] = (["gold", "pred", "matched", "attr", "kind", "events", "events_hit"] as const).map(sum);
  return {
    gold: gold!,
    pred: pred!,
    matched: matched!,
    attr: attr!,
    kind: kind!,
    events: events!,
    events_hit: eventsHit!,
    failures: sum("failures"),
    recall: ratio(matched!, gold!),
    precision: ratio(matched!, pred!),
    attribution: ratio(attr!, matched!),
    kind_accuracy: ratio(kind!, matched!),
    event_recall: ratio(eventsHit!, events!),
  };
}

// tests/fixtures/extraction-blind: news-like texts labelled by the shared rules before the extractor
// was run on them (see its README). "diagnostic" was then used to find faults; "held-out" was only
// ever scored as a whole. Floors 0.02 under what the extractor reached, like the shared set's.
const BLIND_SETS = [
  { dir: "diagnostic", floor: { recall: 0.97, precision: 0.97, attribution: 0.9, kind_accuracy: 0.94, event_recall: 0.93 } },
  { dir: "held-out", floor: { recall: 0.94, precision: 0.92, attribution: 0.79, kind_accuracy: 0.86, event_recall: 0.72 } },
] as const;

function scoreBlindSets(scorer: string, verbose: boolean) {
  console.log("\n| blind sets (tests/fixtures/extraction-blind, score.py) | gold | recall | precision | subject | kind | event recall |");
  console.log("|---|---|---|---|---|---|---|");
  const below: string[] = [];
  for (const { dir, floor } of BLIND_SETS) {
    const score = runScorerOnFolder(scorer, path.resolve("tests/fixtures/extraction-blind", dir), verbose && dir === "diagnostic");
    console.log(
      `| ${dir} | ${score.gold} (+${score.events} events) | ${score.recall} | ${score.precision} | ${score.attribution} | ${score.kind_accuracy} | ${score.event_recall} |`,
    );
    for (const key of Object.keys(floor) as (keyof typeof floor)[]) if (score[key] < floor[key]) below.push(`${dir} ${key} ${score[key]} < ${floor[key]}`);
  }
  if (below.length) throw new Error(`a blind set's score fell below its floor: ${below.join(", ")}`);
}

/**
 * Editors' corrections kept in the database (extraction_corrections) are evaluation cases: the
 * extractor, with the database's gazetteer (aliases learnt from corrections included), re-reads
 * each article and should now propose the corrected subject at the corrected quote.
 */
async function scoreCorrections() {
  if (!process.env.DATABASE_URL) {
    console.log("\nEditor corrections: DATABASE_URL is not set; skipped.");
    return;
  }
  const { db } = await import("@/lib/db");
  try {
    const corrections = await db.extractionCorrection.findMany({
      where: { field: "subject" },
      include: { article: { select: { text: true, publishedAt: true } } },
      orderBy: { id: "asc" },
    });
    if (!corrections.length) {
      console.log("\nEditor corrections: none yet.");
      return;
    }
    const gazetteer = buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
    let right = 0;
    for (const correction of corrections) {
      const { facts } = extractFacts(correction.article.text, { gazetteer, published: correction.article.publishedAt });
      const atQuote = facts.filter((fact) => fact.start < correction.quoteEnd && fact.end > correction.quoteStart);
      if (atQuote.some((fact) => fact.subject?.toLowerCase() === correction.corrected.toLowerCase())) right++;
    }
    console.log(`\nEditor corrections: ${corrections.length} cases, ${right} now proposed with the corrected subject (${Math.round((right / corrections.length) * 100)}%).`);
  } catch (error) {
    console.log(`\nEditor corrections: the database could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); skipped.`);
  } finally {
    await db.$disconnect();
  }
}

/** Recall, subject and kind accuracy per gold kind: where the extractor is weak. */
function printPerKind(runs: SharedRun[]) {
  const byKind = new Map<string, GoldOutcome[]>();
  for (const outcome of runs.flatMap((run) => run.score.goldOutcomes)) byKind.set(outcome.kind, [...(byKind.get(outcome.kind) ?? []), outcome]);
  console.log("\n| kind (gold) | facts | recall | subject | kind |");
  console.log("|---|---|---|---|---|");
  for (const [kind, outcomes] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const matched = outcomes.filter((o) => o.matched);
    const share = (n: number, d: number) => (d ? (n / d).toFixed(2) : "–");
    console.log(
      `| ${kind} | ${outcomes.length} | ${share(matched.length, outcomes.length)} | ${share(matched.filter((o) => o.subjectRight).length, matched.length)} | ${share(matched.filter((o) => o.kindRight).length, matched.length)} |`,
    );
  }
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
