import { readFileSync } from "node:fs";
import { buildGazetteer } from "@/lib/extract/entities";
import { extractFacts } from "@/lib/extract/extract";
import { seedGazetteerEntries } from "@/lib/extract/gazetteer-source";
const gazetteer = buildGazetteer(await seedGazetteerEntries());
const input = readFileSync(0, "utf8").split(/\n---\n/);
for (const text of input) {
  const r = extractFacts(text.trim(), { gazetteer, published: new Date("2025-06-01T00:00:00Z") });
  console.log("##", text.trim().slice(0, 100).replace(/\n/g, " "));
  for (const f of r.facts)
    console.log(`  ${f.value}${f.valueMax !== null ? "-" + f.valueMax : ""} ${f.unit} ${f.kind}/${f.metric} subj=${f.subject} obj=${f.object} «${f.quote.slice(0, 80)}»`);
  for (const e of r.events) console.log(`  EVENT ${e.type} ${e.date} ${e.entities.join(",")} «${e.quote.slice(0, 60)}»`);
}
