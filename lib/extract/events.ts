// Dated actions without a number — a listing, a licence requirement, a rule issued or taking
// effect, a launch — proposed as events (the labelling's "events": a date and an action, no
// quantity). Pure. A clause that states a quantity for its action dates that fact instead.
import type { EventType } from "@/lib/generated/prisma/enums";
import type { FoundDate } from "@/lib/extract/dates";
import type { Mention } from "@/lib/extract/entities";
import type { Sentence } from "@/lib/extract/sentences";

export type ProposedEvent = { type: EventType; date: string; entities: string[]; quote: string; start: number; end: number };

// First match wins: the most specific action first.
const ACTIONS: { type: EventType; pattern: RegExp }[] = [
  {
    type: "entity_listing",
    pattern:
      /\b(?:add(?:s|ed)?|plac(?:e|es|ed)|put|mov(?:e|es|ed)|list(?:s|ed)?)\b[^;]{0,80}\b(?:Entity List|Unverified List|blacklist)|\bon the (?:[^;]{0,40}\s)?(?:Entity|Unverified) List\b|\b(?:added|moved) to (?:the|its|a) (?:[\w-]+\s+){0,2}(?:list|blacklist)\b/i,
  },
  { type: "license", pattern: /\blicen[cs](?:e|es|ing)\b|\bpermits?\b/i },
  {
    type: "export_control",
    pattern:
      /\b(?:rules?|regulations?|controls?|ban(?:s|ned)?|barr(?:ed|ing)|bars|restrict\w*|rescind\w*|revok\w*|took effect|takes? effect|effective|compliance date|comply by|issu(?:ed|es)|publish(?:ed|es)|announc(?:ed|es)|impos(?:ed|es)|understanding|unable to ship|halt\w*|suspend\w*|tariffs?|expir\w*)\b/i,
  },
  // A programme or fund coming into being: "The fund was registered on Jan. 16".
  { type: "other", pattern: /\b(?:was|were|is|been|be)\s+(?:formally\s+|officially\s+)?(?:registered|established|set up|founded|incorporated|inaugurated)\b/i },
  {
    type: "product_launch",
    pattern:
      /\b(?:(?:shipments?|production|deliveries|sales|mass production)\b(?:\s+[\w-]+){0,4}?\s+(?:began|begins?|started|starts?|(?:will|would|is set to|are set to) (?:begin|start))|(?:began|begins?|started|starts?) (?:shipping|shipments|production|deliveries|selling)|due(?! to\b)|launch\w*|releas\w*|unveil\w*|debut\w*|planned for|follows in|ship(?:s|ping)? in|availab\w*|roll(?:s|ed)? out|mass production)\b/i,
  },
];

export function findEvents(text: string, sentences: Sentence[], dates: FoundDate[], mentions: Mention[], quantityStarts: number[]): ProposedEvent[] {
  const events: ProposedEvent[] = [];
  const listingStory = /\b(?:Entity List|Unverified List|blacklist)/i.test(text);
  for (const sentence of sentences) {
    const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end && /\d{4}/.test(d.date));
    for (const date of inSentence) {
      // A dateline ("WASHINGTON, Jan 15 (Wire) -") or a release line dates the page, not an action.
      if (/^[A-Z][A-Z/ .]{2,}(?:,\s*[A-Za-z. ]+)?,?\s*(?:[-–—]\s*)?$/.test(text.slice(sentence.start, date.start).replace(/\b(?:FOR IMMEDIATE RELEASE)\b.*$/, "X"))) continue;
      if (/IMMEDIATE RELEASE|^\s*(?:Filed|Updated|Published|Posted)\b/i.test(text.slice(sentence.start, date.start))) continue;
      const clause = clauseAround(text, sentence, date);
      // A clause that states a quantity for its action dates that fact instead.
      if (quantityStarts.some((at) => at >= clause.start && at < clause.end)) continue;
      const words = text.slice(clause.start, clause.end);
      const action =
        ACTIONS.find(({ pattern }) => pattern.test(words)) ??
        // In a story about the Entity List, "Sugon, added in 2019" is a listing too.
        (listingStory && /\b(?:added|listed|blacklisted)\b/i.test(words) ? ACTIONS[0] : undefined);
      if (!action) continue;
      const entities = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => m.name);
      events.push({ type: action.type, date: date.date, entities: [...new Set(entities)], quote: words, start: clause.start, end: clause.end });
    }
  }
  return events;
}

/** The clause holding the date: from the last ";", "—" or ", and" before it to the next one after it. */
function clauseAround(text: string, sentence: Sentence, date: FoundDate) {
  const before = text.slice(sentence.start, date.start);
  const breaks = [...before.matchAll(/;|\s[—–]\s|,\s+(?:and|but|while)\s+/g)];
  const last = breaks.at(-1);
  const start = sentence.start + (last ? last.index + last[0].length : 0);
  const rest = text.slice(date.end, sentence.end);
  const next = rest.search(/;|\s[—–]\s|,\s+(?:and|but|while)\s+/);
  let end = next < 0 ? sentence.end : date.end + next;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}
