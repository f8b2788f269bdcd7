// The shared development set (../shared/eval/dev, read only when it is beside the repo) and a
// TypeScript port of its scorer's matching (../shared/eval/score.py: value_match, same_entity,
// kind_key, score_text), so ablation and calibration can judge each proposal without a process per
// text. scripts/eval-extract.ts still runs score.py itself and checks that both agree.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const SHARED_EVAL_DIR = path.resolve("../shared/eval");
const DEV_DIR = path.join(SHARED_EVAL_DIR, "dev");

const goldSchema = z.object({
  kind: z.string(),
  subject: z.string().nullable(),
  object: z.string().nullable().optional(),
  value: z.number().nullable(),
  valueMax: z.number().nullable().optional(),
  unit: z.string().nullable(),
  date: z.string().nullable().optional(),
  quote: z.string(),
});
const docSchema = z.object({ published: z.string().nullable().optional(), outlet: z.string().nullable().optional(), text: z.string(), gold: z.array(goldSchema) });

export type SharedDoc = z.infer<typeof docSchema> & { file: string };
export type Proposal = {
  kind: string;
  subject: string | null;
  object: string | null;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  start: number;
  date?: string | null;
};
export type ProposedEvent = { start: number; date: string | null };

export function sharedSetAvailable(): boolean {
  return existsSync(DEV_DIR);
}

export function loadSharedSet(): SharedDoc[] {
  return loadLabelledSet(DEV_DIR);
}

/** Texts labelled in the shared set's format (NN.json, NNN.json) in any folder: the blind sets use it too. */
export function loadLabelledSet(dir: string): SharedDoc[] {
  return readdirSync(dir)
    .filter((name) => /^\d{2,3}\.json$/.test(name))
    .sort((a, b) => parseInt(a) - parseInt(b))
    .map((file) => ({ ...docSchema.parse(JSON.parse(readFileSync(path.join(dir, file), "utf8"))), file }));
}

/** tests/fixtures/extraction-blind: labelled before the extractor was run on them (see its README). */
export const BLIND_SET_DIRS = ["diagnostic", "held-out"].map((folder) => path.resolve("tests/fixtures/extraction-blind", folder));

const UNIT: Record<string, [string, number]> = {
  usd: ["USD", 1],
  $: ["USD", 1],
  dollar: ["USD", 1],
  dollars: ["USD", 1],
  us$: ["USD", 1],
  cny: ["CNY", 1],
  yuan: ["CNY", 1],
  rmb: ["CNY", 1],
  units: ["count", 1],
  unit: ["count", 1],
  count: ["count", 1],
  chips: ["count", 1],
  "": ["count", 1],
  percent: ["percent", 1],
  "%": ["percent", 1],
  pct: ["percent", 1],
  ratio: ["ratio", 1],
  x: ["ratio", 1],
  times: ["ratio", 1],
  w: ["W", 1],
  kw: ["W", 1e3],
  mw: ["W", 1e6],
  gw: ["W", 1e9],
  flops: ["FLOPS", 1],
  tflops: ["FLOPS", 1e12],
  pflops: ["FLOPS", 1e15],
  eflops: ["FLOPS", 1e18],
  mb: ["B", 1e6],
  gb: ["B", 1e9],
  tb: ["B", 1e12],
  pb: ["B", 1e15],
  "gb/s": ["B/s", 1e9],
  "tb/s": ["B/s", 1e12],
  "pb/s": ["B/s", 1e15],
  days: ["days", 1],
  day: ["days", 1],
  months: ["days", 30.4375],
  month: ["days", 30.4375],
  years: ["days", 365.25],
  year: ["days", 365.25],
  weeks: ["days", 7],
  week: ["days", 7],
};
const UNIT_CLASSES = new Set(Object.values(UNIT).map(([unitClass]) => unitClass));

function unitClass(unit: string | null | undefined): [string, number] {
  if (unit === null || unit === undefined) return ["none", 1];
  const key = unit.trim().toLowerCase();
  return UNIT[key] ?? [key, 1];
}

function norm(value: number | null | undefined, unit: string | null | undefined): [string, number | null] {
  const [unitClassName, factor] = unitClass(unit);
  return [unitClassName, value === null || value === undefined ? null : value * factor];
}

function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= 0.006 * Math.max(Math.abs(a), Math.abs(b));
}

function valueMatch(gold: SharedDoc["gold"][number], proposal: Proposal): boolean {
  const [goldClass, goldValue] = norm(gold.value, gold.unit);
  const [proposalClass, proposalValue] = norm(proposal.value, proposal.unit);
  if (goldValue === null || proposalValue === null) return false;
  if (goldClass === proposalClass && close(goldValue, proposalValue)) return true;
  if (new Set([goldClass, proposalClass]).size === 2 && [goldClass, proposalClass].includes("percent") && [goldClass, proposalClass].includes("ratio")) {
    const [percent, ratio] = goldClass === "percent" ? [goldValue, proposalValue] : [proposalValue, goldValue];
    return close(percent / 100, ratio) || close(1 + percent / 100, ratio);
  }
  if (goldClass === "count" && close(goldValue, proposalValue)) return !UNIT_CLASSES.has(proposalClass);
  return false;
}

const NAME_STRIP = /\b(inc|corp|corporation|co|ltd|limited|group|holdings|technologies|technology|design systems|the|us|u\.s\.)\b|[^a-z0-9 ]/g;

function nameKey(name: string | null | undefined): string {
  return (name ?? "").toLowerCase().replace(NAME_STRIP, " ").split(/\s+/).filter(Boolean).join(" ");
}

function names(label: string | null | undefined): string[] {
  return (label ?? "")
    .split(/,| and |\//)
    .map(nameKey)
    .filter(Boolean);
}

export function sameEntity(goldNames: string[], predicted: string | null | undefined): boolean {
  const p = nameKey(predicted);
  if (!p) return false;
  return goldNames.some((g) => p === g || (p.length >= 3 && (g.split(" ").includes(p) || p.split(" ").includes(g) || g.includes(p) || p.includes(g))));
}

const KIND: Record<string, string> = {
  order: "chip_order",
  purchase: "chip_order",
  inventory: "stockpile",
  fine: "penalty",
  settlement: "penalty",
  specification: "spec",
  license: "export_control",
  policy: "export_control",
  entity_listing: "export_control",
  charge: "financial",
  revenue: "financial",
};

export function kindKey(kind: string | null | undefined): string {
  const key = (kind ?? "").toLowerCase();
  return KIND[key] ?? key;
}

export type ProposalOutcome = { proposal: Proposal; matched: boolean; subjectRight: boolean; kindRight: boolean };
export type GoldOutcome = { kind: string; matched: boolean; subjectRight: boolean; kindRight: boolean };
export type TextScore = {
  gold: number;
  pred: number;
  matched: number;
  attr: number;
  kind: number;
  events: number;
  eventsHit: number;
  outcomes: ProposalOutcome[];
  goldOutcomes: GoldOutcome[];
};

/** score.py's score_text, plus the outcome of every proposal (for calibration). */
export function scoreText(doc: SharedDoc, proposals: Proposal[], proposedEvents: ProposedEvent[]): TextScore {
  const gold = doc.gold.filter((g) => g.value !== null);
  const events = doc.gold.filter((g) => g.value === null);
  const withValues = proposals.filter((p) => p.value !== null);
  const used = new Set<number>();
  const matchOf = new Map<number, SharedDoc["gold"][number]>();
  for (const g of gold) {
    const goldStart = doc.text.indexOf(g.quote);
    const goldEnd = goldStart + g.quote.length;
    let best: number | null = null;
    let bestDistance = 0;
    withValues.forEach((p, i) => {
      if (used.has(i) || !valueMatch(g, p)) return;
      const distance = goldStart - 40 <= p.start && p.start <= goldEnd + 40 ? 0 : 1;
      if (best === null || distance < bestDistance) [best, bestDistance] = [i, distance];
    });
    if (best !== null) {
      used.add(best);
      matchOf.set(best, g);
    }
  }
  const outcomes = withValues.map((proposal, i) => {
    const g = matchOf.get(i);
    return {
      proposal,
      matched: Boolean(g),
      subjectRight: Boolean(g && sameEntity(names(g.subject), proposal.subject)),
      kindRight: Boolean(g && kindKey(g.kind) === kindKey(proposal.kind)),
    };
  });
  const goldOutcomes = gold.map((g) => {
    const index = [...matchOf.entries()].find(([, matched]) => matched === g)?.[0];
    const outcome = index === undefined ? undefined : outcomes[index];
    return { kind: kindKey(g.kind), matched: Boolean(outcome), subjectRight: Boolean(outcome?.subjectRight), kindRight: Boolean(outcome?.kindRight) };
  });
  let eventsHit = 0;
  for (const g of events) {
    const goldStart = doc.text.indexOf(g.quote);
    const hit = [...proposals, ...proposedEvents].some(
      (p) => goldStart - 60 <= p.start && p.start <= goldStart + g.quote.length + 60 && Boolean(g.date) && (p.date ?? "").slice(0, g.date!.length) === g.date,
    );
    if (hit) eventsHit++;
  }
  return {
    gold: gold.length,
    pred: withValues.length,
    matched: matchOf.size,
    attr: outcomes.filter((o) => o.subjectRight).length,
    kind: outcomes.filter((o) => o.kindRight).length,
    events: events.length,
    eventsHit,
    outcomes,
    goldOutcomes,
  };
}

export type SetScore = { recall: number; precision: number; attribution: number; kind: number; eventRecall: number; gold: number; pred: number };

export function totalScore(scores: TextScore[]): SetScore {
  const sum = (key: "gold" | "pred" | "matched" | "attr" | "kind" | "events" | "eventsHit") => scores.reduce((n, s) => n + s[key], 0);
  const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 1)) * 1000) / 1000;
  return {
    recall: ratio(sum("matched"), sum("gold")),
    precision: ratio(sum("matched"), sum("pred")),
    attribution: ratio(sum("attr"), sum("matched")),
    kind: ratio(sum("kind"), sum("matched")),
    eventRecall: ratio(sum("eventsHit"), sum("events")),
    gold: sum("gold"),
    pred: sum("pred"),
  };
}
