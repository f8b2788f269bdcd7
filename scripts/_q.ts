import { findQuantities } from "@/lib/extract/quantities";
import { findDates } from "@/lib/extract/dates";
import { tagTokens } from "@/lib/extract/syntax";
for (const s of process.argv.slice(2)) {
  const pos = new Map(tagTokens(s).map((t) => [t.start, t.pos]));
  const d = findDates(s, new Date("2025-11-02T00:00:00Z"));
  console.log(s, "\n  dates", d.map((x) => `${s.slice(x.start, x.end)}=${x.date}`), "\n  tags", tagTokens(s).map((t) => `${t.text}/${t.pos}`).join(" "));
  console.log("  ", findQuantities(s, 0, [], d.map((x) => [x.start, x.end]), { partsOfSpeech: pos }).map((q) => `${q.value}${q.valueMax ? "-" + q.valueMax : ""} ${q.unit} ${q.noun ?? ""} «${s.slice(q.start, q.end)}»`));
}
