// npm run eval:ablation — the shared-set score (../shared/eval, scored like score.py) with each rule
// family of lib/extract/rules.ts switched off in turn, then the same on the blind sets: what each
// family carries. Prints the Markdown tables the README shows.
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import { buildGazetteer, type Gazetteer } from "@/lib/extract/entities";
import { RULE_FAMILIES, type RuleFamily, type RuleSwitches } from "@/lib/extract/rules";
import { scoreSharedSet } from "./run-shared";
import { BLIND_SET_DIRS, loadLabelledSet, loadSharedSet, sharedSetAvailable, type SharedDoc } from "./shared-set";

async function main() {
  if (!sharedSetAvailable()) {
    console.log("../shared/eval not found beside the repo; nothing to measure.");
    return;
  }
  const gazetteer = buildGazetteer(await seedGazetteerEntries());
  console.log("Shared set (../shared/eval/dev):\n");
  printTable(gazetteer, loadSharedSet());
  // The same switches on texts the rules were not written against: a family that only pays on
  // the shared set shows it here.
  console.log("\nBlind sets (tests/fixtures/extraction-blind, diagnostic and held-out together):\n");
  printTable(gazetteer, BLIND_SET_DIRS.flatMap(loadLabelledSet));
}

function printTable(gazetteer: Gazetteer, docs: SharedDoc[]) {
  const all = scoreSharedSet(gazetteer, undefined, docs).total;
  const row = (label: string, score: typeof all) => `| ${label} | ${score.recall} | ${score.precision} | ${score.attribution} | ${score.kind} | ${score.eventRecall} |`;
  const delta = (value: number, base: number) => (value === base ? "" : ` (${value > base ? "+" : "−"}${Math.abs(value - base).toFixed(3)})`);
  console.log("| rules | recall | precision | subject | kind | event recall |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("**all on**", all));
  for (const family of Object.keys(RULE_FAMILIES) as RuleFamily[]) {
    const rules: RuleSwitches = { [family]: false };
    const score = scoreSharedSet(gazetteer, rules, docs).total;
    console.log(
      `| without ${family}: ${RULE_FAMILIES[family]} | ${score.recall}${delta(score.recall, all.recall)} | ${score.precision}${delta(score.precision, all.precision)} | ${score.attribution}${delta(score.attribution, all.attribution)} | ${score.kind}${delta(score.kind, all.kind)} | ${score.eventRecall}${delta(score.eventRecall, all.eventRecall)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
