// npm run bench:extract — extraction throughput (MB of article text per second), printed.
// Input: the 30 news texts of the shared development set (../shared/eval/dev) when it is beside
// the repo — whole articles in many genres, what the extractor meets — else the real seed texts
// (the founding article, every curated quote and evidence span); repeated to about 2 MB so the
// timing is not dominated by start-up. Nothing is cached between runs: every article is parsed,
// tagged and extracted each time.
import { readFile } from "node:fs/promises";
import { buildGazetteer } from "@/lib/extract/entities";
import { extractFacts } from "@/lib/extract/extract";
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
import { loadSharedSet, sharedSetAvailable } from "../eval/shared-set";

const gazetteer = buildGazetteer(await seedGazetteerEntries());
const seed = await readFile("prisma/seed-data/seed-article.txt", "utf8");
const events = JSON.parse(await readFile("prisma/seed-data/events.json", "utf8")) as { source: { quote: string } }[];
const evidence = JSON.parse(await readFile("prisma/seed-data/evidence.json", "utf8")) as { events: Record<string, { facts: { span: string }[] }> };
const shared = sharedSetAvailable() ? loadSharedSet().map((doc) => doc.text) : null;
const articles = shared ?? [
  seed,
  events.map((e) => e.source.quote).join("\n\n"),
  Object.values(evidence.events)
    .flatMap((e) => e.facts.map((f) => f.span))
    .join("\n\n"),
];
const corpus: string[] = [];
let bytes = 0;
while (bytes < 2_000_000) {
  for (const article of articles) {
    corpus.push(article);
    bytes += Buffer.byteLength(article);
  }
}
for (const article of corpus.slice(0, 30)) extractFacts(article, { gazetteer, published: null }); // warm-up
const runs: number[] = [];
let facts = 0;
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  facts = 0;
  for (const article of corpus) facts += extractFacts(article, { gazetteer, published: new Date("2025-07-30T00:00:00Z") }).facts.length;
  runs.push((performance.now() - started) / 1000);
}
const best = Math.min(...runs);
const median = [...runs].sort((a, b) => a - b)[1]!;
console.log(`| input | articles | facts found | median | throughput (median) | target |`);
console.log(`|---|---|---|---|---|---|`);
console.log(
  `| ${(bytes / 1e6).toFixed(2)} MB of ${shared ? "the 30 shared news texts" : "seed texts"} | ${corpus.length} | ${facts} | ${median.toFixed(2)} s | ${(bytes / 1e6 / median).toFixed(2)} MB/s (best ${(bytes / 1e6 / best).toFixed(2)}) | ≥ 1 MB/s |`,
);
