import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { loadGazetteer } from "@/lib/extract/gazetteer-source";
import { extractFacts } from "@/lib/extract/extract";
async function main() {
  const gazetteer = await loadGazetteer();
  const dir = "../shared/eval/dev";
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(dir).filter((n) => /^\d\d\.json$/.test(n)).sort()) {
    const doc = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
    const r = extractFacts(doc.text, { gazetteer, published: doc.published ? new Date(`${doc.published}T00:00:00Z`) : null });
    out[f] = { facts: r.facts, events: r.events };
  }
  writeFileSync("/tmp/ev/preds.json", JSON.stringify(out));
}
main();
