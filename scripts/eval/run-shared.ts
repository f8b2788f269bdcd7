// Runs the extractor over the shared development set in process and scores it (shared-set.ts).
import type { Gazetteer } from "@/lib/extract/entities";
import { extractFacts, type ExtractedFact } from "@/lib/extract/extract";
import type { RuleSwitches } from "@/lib/extract/rules";
import { loadSharedSet, scoreText, totalScore, type SharedDoc, type TextScore } from "./shared-set";

export type SharedRun = { doc: SharedDoc; facts: ExtractedFact[]; score: TextScore };

export function scoreSharedSet(gazetteer: Gazetteer, rules?: RuleSwitches, docs: SharedDoc[] = loadSharedSet()) {
  const runs: SharedRun[] = docs.map((doc) => {
    const { facts, events } = extractFacts(doc.text, { gazetteer, published: doc.published ? new Date(`${doc.published}T00:00:00Z`) : null, rules });
    return { doc, facts, score: scoreText(doc, facts, events) };
  });
  return { runs, total: totalScore(runs.map((run) => run.score)) };
}
