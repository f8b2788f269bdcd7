import { readFileSync } from "node:fs";
import { loadGazetteer } from "@/lib/extract/gazetteer-source";
import { extractFacts } from "@/lib/extract/extract";
const doc = JSON.parse(readFileSync(`../shared/eval/dev/${process.argv[2]}.json`, "utf8"));
const r = extractFacts(doc.text, { gazetteer: await loadGazetteer(), published: new Date(`${doc.published}T00:00:00Z`) });
if (process.argv[3] === "m") console.log(r.entities.map((e) => `${e.name}/${e.kind}${e.known ? "*" : ""}@${e.start}`).join("  "));
for (const f of r.facts) console.log(f.value, f.unit, f.kind, f.metric, "|", f.subject, "|", f.object, "«", f.quote.slice(0, 90));
