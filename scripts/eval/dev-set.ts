// The labelled development set, built from real sentences shipped in prisma/seed-data: the
// founding article (its facts hand-labelled in seed-article.json), the evidence span of every
// curated fact (evidence.json), and the source quote of every spec row (specs.json).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { kindOfMetric } from "@/lib/extract/classify";
import type { Gazetteer } from "@/lib/extract/entities";
import type { DevCase, GoldFact } from "@/lib/extract/evaluate";
import { loadSeedInput } from "@/prisma/seed/load";

export async function buildDevSet(gazetteer: Gazetteer): Promise<{ name: string; cases: DevCase[] }[]> {
  const input = await loadSeedInput();
  const canonical = (label: string | null, text: string) => {
    if (!label) return null;
    const mention = gazetteer.find(label).find((m) => m.start === 0 && m.end === label.length);
    if (!mention) return null;
    // Only score subjects the text itself names.
    return gazetteer.find(text).some((m) => m.name === mention.name) ? mention.name : null;
  };

  const seedText = input.seedArticleText;
  // The labelling rules (../shared/eval/dev/LABELLING.md) take a year that only dates another
  // fact ("between 2015 and 2021", "since February 2015") as that fact's date, not as a fact of its
  // own; the seed data keeps such periods as facts for the dashboard, the evaluation does not.
  const seedGold: GoldFact[] = input.seedArticle.facts
    .filter((fact) => fact.unit !== "year")
    .map((fact) => {
      const start = seedText.indexOf(fact.quote);
      return {
        value: fact.value,
        valueMax: fact.valueMax ?? null,
        unit: fact.unit,
        subject: canonical(fact.subject, seedText),
        kind: kindOfMetric(fact.metric),
        start,
        end: start + fact.quote.length,
      };
    });

  const spans = new Map<string, DevCase>();
  input.events.forEach((event) => {
    const evidence = input.evidence.events[event.id]?.facts ?? [];
    event.facts.forEach((fact, index) => {
      const span = evidence[index]?.span;
      if (!span) return;
      const devCase = spans.get(span) ?? { id: `${event.id}#${index}`, text: span, gold: [] };
      devCase.gold.push({
        value: fact.value,
        valueMax: fact.valueMax,
        unit: fact.unit,
        subject: canonical(fact.subject, span),
        kind: kindOfMetric(fact.metric),
        start: 0,
        end: span.length,
      });
      spans.set(span, devCase);
    });
  });

  const quotes = new Map<string, DevCase>();
  for (const spec of input.specs) {
    const devCase = quotes.get(spec.source.quote) ?? { id: `${spec.name}:${spec.metric}`, text: spec.source.quote, gold: [] };
    devCase.gold.push({
      value: spec.value,
      valueMax: null,
      unit: spec.unit,
      subject: canonical(spec.name, spec.source.quote),
      kind: kindOfMetric(spec.metric),
      start: 0,
      end: spec.source.quote.length,
    });
    quotes.set(spec.source.quote, devCase);
  }

  return [
    { name: "founding article (Aiwire)", cases: [{ id: "seed-article", text: seedText, gold: seedGold }] },
    { name: "curated evidence spans", cases: [...spans.values()] },
    { name: "spec source quotes", cases: [...quotes.values()] },
    ...(await heldOutSets()),
  ];
}

/** Real articles labelled by hand that the extractor was not tuned on (tests/fixtures/articles). */
async function heldOutSets(): Promise<{ name: string; cases: DevCase[] }[]> {
  const dir = path.resolve("tests/fixtures/articles");
  const index = JSON.parse(await readFile(path.join(dir, "labels.json"), "utf8").catch(() => "[]")) as {
    file: string;
    facts: { quote: string; value: number; valueMax?: number | null; unit: string; subject: string | null; kind: GoldFact["kind"] }[];
  }[];
  if (index.length === 0) return [];
  const cases = await Promise.all(
    index.map(async (article) => {
      const text = await readFile(path.join(dir, article.file), "utf8");
      return {
        id: article.file,
        text,
        gold: article.facts.map((fact) => {
          const start = text.indexOf(fact.quote);
          if (start < 0) throw new Error(`${article.file}: quote not found: ${fact.quote}`);
          return { value: fact.value, valueMax: fact.valueMax ?? null, unit: fact.unit, subject: fact.subject, kind: fact.kind, start, end: start + fact.quote.length };
        }),
      };
    }),
  );
  return [{ name: "held-out real articles", cases }];
}
