// Entity mentions: known entities from the database's names and aliases (longest match wins;
// short acronyms match case-sensitively), plus organisations and products the gazetteer does
// not know, proposed as new entities for review.
import type { EntityKind } from "@/lib/generated/prisma/enums";

export type GazetteerEntry = { name: string; kind: EntityKind; aliases: string[] };
export type Mention = { name: string; kind: EntityKind; start: number; end: number; known: boolean };

const ORG_SUFFIX =
  /\b((?:[A-Z][\w&’'-]*\s+){0,4}(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|Group|Holdings|Technologies|Technology|Semiconductor|Semiconductors|Electronics|Microelectronics|Solutions|Systems|Networks|Labs|Laboratories|University|Institute|Academy|Administration|Agency|Department|Ministry|Bureau|Commission|Council)\b\.?)/g;
const PRODUCT = /\b((?:Ascend|Kirin|Atlas|Instinct|Blackwell|Hopper|Rubin|Gaudi|Kunlun|Hanguang|MLU|Sophon)\s+[A-Z]?\d{2,4}[A-Za-z]?|[A-Z]{1,3}\d{2,4}[A-Z]?(?:\s+NVL\d+)?)\b/g;
const STOP_ORG_START = /^(?:The|This|That|These|Those|A|An|In|On|At|For|Its|Their|His|Her|Our|Chinese|American|US|U\.S\.)\s+/;

export function buildGazetteer(entries: GazetteerEntry[]) {
  const names: { text: string; entry: GazetteerEntry }[] = [];
  for (const entry of entries) {
    for (const text of new Set([entry.name, ...entry.aliases])) if (text.trim()) names.push({ text, entry });
  }
  names.sort((a, b) => b.text.length - a.text.length);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const pattern = (list: typeof names, flags: string) => (list.length ? new RegExp(`(?<![\\w])(?:${list.map((n) => escape(n.text)).join("|")})(?![\\w])`, flags) : null);
  const isShort = (text: string) => text.length <= 4;
  const caseSensitive = pattern(
    names.filter((n) => isShort(n.text)),
    "g",
  );
  const caseInsensitive = pattern(
    names.filter((n) => !isShort(n.text)),
    "gi",
  );
  const lookup = new Map<string, GazetteerEntry>();
  for (const { text, entry } of names) {
    const key = isShort(text) ? text : text.toLowerCase().replace(/\s+/g, " ");
    if (!lookup.has(key)) lookup.set(key, entry);
  }
  return {
    entries,
    find(text: string): Mention[] {
      const found: Mention[] = [];
      for (const regex of [caseInsensitive, caseSensitive]) {
        if (!regex) continue;
        for (const match of text.matchAll(regex)) {
          const key = isShort(match[0]) ? match[0] : match[0].toLowerCase().replace(/\s+/g, " ");
          const entry = lookup.get(key);
          if (entry) found.push({ name: entry.name, kind: entry.kind, start: match.index, end: match.index + match[0].length, known: true });
        }
      }
      return dropOverlaps(found);
    },
  };
}

export type Gazetteer = ReturnType<typeof buildGazetteer>;

/** Known mentions plus unknown organisations and products (not overlapping known ones). */
export function findMentions(text: string, gazetteer: Gazetteer): Mention[] {
  const known = gazetteer.find(text);
  const unknown: Mention[] = [];
  for (const match of text.matchAll(ORG_SUFFIX)) {
    let name = match[1]!.replace(/[.’']+$/, "");
    let start = match.index;
    while (STOP_ORG_START.test(name)) {
      const cut = STOP_ORG_START.exec(name)![0].length;
      name = name.slice(cut);
      start += cut;
    }
    if (name.split(/\s+/).length < 2) continue;
    unknown.push({
      name,
      kind: /University|Institute|Academy/.test(name) ? "university" : /Administration|Agency|Department|Ministry|Bureau|Commission|Council/.test(name) ? "agency" : "company",
      start,
      end: start + name.length,
      known: false,
    });
  }
  for (const match of text.matchAll(PRODUCT)) {
    // Number formats and memory generations are not products.
    if (/^(?:FP|BF|INT|TF|HBM|DDR|LPDDR|GDDR|PCIE|USB|NVL)\d/i.test(match[1]!)) continue;
    unknown.push({ name: match[1]!, kind: /NVL|Atlas/.test(match[1]!) ? "system" : "chip", start: match.index, end: match.index + match[1]!.length, known: false });
  }
  return dropOverlaps([...known, ...unknown.filter((u) => !known.some((k) => u.start < k.end && u.end > k.start))]);
}

function dropOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || Number(b.known) - Number(a.known));
  const kept: Mention[] = [];
  for (const mention of sorted) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}
