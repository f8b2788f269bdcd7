// The extractor's rule families, each of which can be switched off to measure what it carries
// (scripts/eval/ablation.ts writes the README's table). Every family has tests with at least three
// sentences in different words (lib/extract/rule-families.test.ts). Pure.

export const RULE_FAMILIES = {
  countedNouns: "Counted nouns by part of speech and partitives (“88 custom Arm cores”, “4,500 of the chips”)",
  rangesWrittenOnce: "Ranges whose unit is written once (“three to six months”, “2.4 to 2.8 times”)",
  signedFalls: "Falls are negative (“slipped 2.5%”, “ended 17% lower”)",
  notFacts: "Not facts: sources briefed, list and tier labels, model numbers after names, tolerances, idioms",
  scoreUnits: "Score units named before the number or earlier in the passage (“a TPP score of 4,800”)",
  multiples: "Multiples and shares without a baseline (“3.3x”, “six-fold”, “half of U.S. shipments”)",
  oneFactPerQuantity: "One fact per quantity: headline and summary repeats become extra quotes",
  listProducts: "Spec sheets: bullets take the product of their heading or of their first words",
  unnamedParties: "Unnamed parties as subjects (“BIS added 32 entities”, “foundries get 120 days”)",
  caseDefendants: "A criminal case's figures belong to its defendant",
  subjectFitsKind: "Specs belong to products, money to organisations (“sales of the H20” are Nvidia's)",
  roleAnaphora: "“The buyer”, “the supplier” resolve to the parties of the last order",
  coordinatedSubjects: "One number said of two subjects is one fact each (“the H100 and H200 are both rated at 700 W”)",
  paragraphTopic: "Unattributed figures take the company their paragraph is about before the article's",
  countryAnaphora: "“The Dutch company”, “the Chinese chipmaker” resolve to the last company of that country",
  clauseSubjects: "Each clause has its own subject (“SK Hynix fell 4.8% and Samsung dropped 2.3%”, “Moore Threads, whose shares rose 425%”)",
  countrySubjects: "A country opening a clause that names no organisation is its subject (“China produced 451 billion chips”)",
  reportedSpeech: "A pronoun after a reporting verb is its speaker (“Baidu has said it will deploy 30,000 chips”)",
} as const;

export type RuleFamily = keyof typeof RULE_FAMILIES;
/** Families switched off (all are on by default). */
export type RuleSwitches = Partial<Record<RuleFamily, false>>;

export function ruleOn(rules: RuleSwitches | undefined, family: RuleFamily): boolean {
  return rules?.[family] !== false;
}
