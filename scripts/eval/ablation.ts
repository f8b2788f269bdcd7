// npm run eval:ablation — the shared-set score (../shared/eval, scored like score.py) with each rule
// family of lib/extract/rules.ts switched off in turn: what each family carries. Prints the
// Markdown table the README shows.
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import { buildGazetteer } from "@/lib/extract/entities";
import { RULE_FAMILIES, type RuleFamily, type RuleSwitches } from "@/lib/extract/rules";
import { scoreSharedSet } from "./run-shared";
import { sharedSetAvailable } from "./shared-set";

async function main() {
  if (!sharedSetAvailable()) {
    console.log("../shared/eval not found beside the repo; nothing to measure.");
    return;
  }
  const gazetteer = buildGazetteer(await seedGazetteerEntries());
  const all = scoreSharedSet(gazetteer).total;
  const row = (label: string, score: typeof all) => `| ${label} | ${score.recall} | ${score.precision} | ${score.attribution} | ${score.kind} | ${score.eventRecall} |`;
  const delta = (value: number, base: number) => (value === base ? "" : ` (${value > base ? "+" : "−"}${Math.abs(value - base).toFixed(3)})`);
  console.log("| rules | recall | precision | subject | kind | event recall |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("**all on**", all));
  for (const family of Object.keys(RULE_FAMILIES) as RuleFamily[]) {
    const rules: RuleSwitches = { [family]: false };
    const score = scoreSharedSet(gazetteer, rules).total;
    console.log(
      `| without ${family}: ${RULE_FAMILIES[family]} | ${score.recall}${delta(score.recall, all.recall)} | ${score.precision}${delta(score.precision, all.precision)} | ${score.attribution}${delta(score.attribution, all.attribution)} | ${score.kind}${delta(score.kind, all.kind)} | ${score.eventRecall}${delta(score.eventRecall, all.eventRecall)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
