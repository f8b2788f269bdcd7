// npm run eval:near-duplicates — where the near-duplicate threshold (SAME_STORY in
// lib/articles/near-duplicate.ts) comes from. Different stories: every pair of the 30 shared news
// texts and the founding article (many share a topic, a company, whole phrases of export-control
// language). The same story: each text republished the way syndication changes it — another
// headline, an outlet's header and footer, straight quotes, the last paragraph cut, and (harder)
// two paragraphs cut. Prints the similarity ranges and how many pairs each threshold gets wrong.
import { readFileSync } from "node:fs";
import { minhash, SAME_STORY, similarity } from "@/lib/articles/near-duplicate";
import { loadSharedSet, sharedSetAvailable } from "./shared-set";

const texts = [...(sharedSetAvailable() ? loadSharedSet().map((doc) => doc.text) : []), readFileSync("prisma/seed-data/seed-article.txt", "utf8")];

function republish(text: string, cut: number, outlet: string): string {
  const lines = text.split("\n");
  const paragraphs = lines
    .slice(1)
    .join("\n")
    .split(/\n\s*\n/);
  const kept = paragraphs.slice(0, Math.max(1, paragraphs.length - cut));
  return [
    `${outlet} | Markets | Technology | Subscribe`,
    `${lines[0]!.replace(/\b(to|will|says?|said)\b/i, "set to")} — ${outlet} report`,
    `By ${outlet} staff · 3 min read · Share this article`,
    ...kept.map((p) => p.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/ - /g, " — ")),
    `© 2025 ${outlet}. All rights reserved. Republished under licence. Related: chip stocks, trade policy.`,
  ].join("\n\n");
}

const signatures = texts.map(minhash);
const different: number[] = [];
for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) different.push(similarity(signatures[i]!, signatures[j]!));
const same = (cut: number) => texts.map((text, i) => similarity(signatures[i]!, minhash(republish(text, cut, ["Gulf Wire", "Asia Tech Daily", "The Chip Letter"][i % 3]!))));
const sameOne = same(1);
const sameTwo = same(2);
const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

console.log(`| pairs | count | estimated shared shingles (min–max) |`);
console.log(`|---|---|---|`);
console.log(`| different stories | ${different.length} | ${range(different)} |`);
console.log(`| same story, last paragraph cut | ${sameOne.length} | ${range(sameOne)} |`);
console.log(`| same story, two paragraphs cut | ${sameTwo.length} | ${range(sameTwo)} |`);
console.log(`\n| threshold | different stories taken as one | copies missed |`);
console.log(`|---|---|---|`);
for (const threshold of [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6]) {
  const wrong = different.filter((value) => value >= threshold).length;
  const missed = [...sameOne, ...sameTwo].filter((value) => value < threshold).length;
  console.log(`| ${threshold}${threshold === SAME_STORY ? " (used)" : ""} | ${wrong} of ${different.length} | ${missed} of ${sameOne.length + sameTwo.length} |`);
}
