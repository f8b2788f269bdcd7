// npm run eval:calibrate — fits lib/extract/confidence.ts's weights on the shared development set
// (a proposal is right when its value, subject and kind all match the gold label, as score.py
// judges them) and prints how often proposals in each confidence band are right: fitted on all 30
// texts, cross-validated (fitted on the odd-numbered texts, judged on the even ones, and back), and
// on the blind sets the weights never saw.
// `--write` stores the fitted weights in lib/extract/confidence.ts.
import { readFileSync, writeFileSync } from "node:fs";
import { confidenceOf, EVIDENCE_FLAGS, logit, zeroWeights, type ConfidenceWeights, type Evidence } from "@/lib/extract/confidence";
import { buildGazetteer } from "@/lib/extract/entities";
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import { scoreSharedSet } from "./run-shared";
import { BLIND_SET_DIRS, loadLabelledSet, sharedSetAvailable } from "./shared-set";

type Sample = { evidence: Evidence; right: boolean; text: number };
type Weights = ConfidenceWeights;
const BANDS = [0.9, 0.75, 0.5, 0] as const;

async function main() {
  if (!sharedSetAvailable()) {
    console.log("../shared/eval not found beside the repo; nothing to calibrate.");
    return;
  }
  const gazetteer = buildGazetteer(await seedGazetteerEntries());
  const samples = samplesOf(scoreSharedSet(gazetteer).runs);
  // Out of sample: the blind sets (tests/fixtures/extraction-blind), judged with the weights fitted
  // on the shared set.
  const blind = samplesOf(scoreSharedSet(gazetteer, undefined, BLIND_SET_DIRS.flatMap(loadLabelledSet)).runs);
  const fitted = fit(samples);
  const odd = samples.filter((s) => s.text % 2 === 1);
  const even = samples.filter((s) => s.text % 2 === 0);
  const crossValidated = [...judge(even, fit(odd)), ...judge(odd, fit(even))];
  console.log(`${samples.length} proposals, ${samples.filter((s) => s.right).length} right as proposed (value, subject and kind).\n`);
  console.log("| confidence | proposals | right (fitted on all 30 texts) | proposals (cross-validated) | right (cross-validated) | proposals (blind sets) | right (blind sets) |");
  console.log("|---|---|---|---|---|---|---|");
  const outOfSample = judge(blind, fitted);
  const inSample = judge(samples, fitted);
  BANDS.forEach((low, i) => {
    const high = i === 0 ? 1 : BANDS[i - 1]!;
    const band = (list: { confidence: number; right: boolean }[]) => list.filter((s) => s.confidence >= low && (i === 0 ? true : s.confidence < high));
    const share = (list: { right: boolean }[]) => (list.length ? `${Math.round((list.filter((s) => s.right).length / list.length) * 100)}%` : "–");
    const label = i === 0 ? `≥ ${low}` : `${low}–${high}`;
    console.log(
      `| ${label} | ${band(inSample).length} | ${share(band(inSample))} | ${band(crossValidated).length} | ${share(band(crossValidated))} | ${band(outOfSample).length} | ${share(band(outOfSample))} |`,
    );
  });
  console.log(`\nWeights: ${JSON.stringify(fitted)}`);
  if (process.argv.includes("--write")) {
    const file = "lib/extract/confidence.ts";
    const source = readFileSync(file, "utf8");
    writeFileSync(
      file,
      source.replace(/export const CONFIDENCE_WEIGHTS: ConfidenceWeights = \{[\s\S]*?\};/, `export const CONFIDENCE_WEIGHTS: ConfidenceWeights = ${JSON.stringify(fitted)};`),
    );
    console.log(`Wrote the weights to ${file} (run npm run format).`);
  }
}

function samplesOf(runs: ReturnType<typeof scoreSharedSet>["runs"]): Sample[] {
  return runs.flatMap((run, text) =>
    run.score.outcomes.map((outcome) => {
      const fact = run.facts.find((f) => f.start === outcome.proposal.start && f.value === outcome.proposal.value && f.subject === outcome.proposal.subject)!;
      return { evidence: fact.evidence, right: outcome.matched && outcome.subjectRight && outcome.kindRight, text };
    }),
  );
}

/** Logistic regression by gradient descent with a little L2, so rare features do not run off. */
function fit(samples: Sample[]): Weights {
  const weights = zeroWeights();
  const rate = 0.5;
  const l2 = 0.01;
  for (let step = 0; step < 3000; step++) {
    const gradient = zeroWeights();
    for (const sample of samples) {
      const error = 1 / (1 + Math.exp(-logit(sample.evidence, weights))) - (sample.right ? 1 : 0);
      gradient.intercept += error;
      gradient.kinds[sample.evidence.kind] += error;
      for (const flag of EVIDENCE_FLAGS) if (sample.evidence[flag]) gradient.flags[flag] += error;
    }
    const n = samples.length;
    weights.intercept -= (rate * gradient.intercept) / n;
    for (const kind of Object.keys(weights.kinds) as (keyof Weights["kinds"])[]) weights.kinds[kind] -= rate * (gradient.kinds[kind] / n + l2 * weights.kinds[kind]);
    for (const flag of EVIDENCE_FLAGS) weights.flags[flag] -= rate * (gradient.flags[flag] / n + l2 * weights.flags[flag]);
  }
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    intercept: round(weights.intercept),
    flags: Object.fromEntries(Object.entries(weights.flags).map(([k, v]) => [k, round(v)])) as Weights["flags"],
    kinds: Object.fromEntries(Object.entries(weights.kinds).map(([k, v]) => [k, round(v)])) as Weights["kinds"],
  };
}

function judge(samples: Sample[], weights: Weights) {
  return samples.map((sample) => ({ confidence: confidenceOf(sample.evidence, weights), right: sample.right }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
