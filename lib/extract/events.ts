// Dated actions without a number — a listing, a licence requirement, a rule issued or taking
// effect, a launch — proposed as events (the labelling's "events": a date and an action, no
// quantity). Pure. A clause that states a quantity for its action dates that fact instead.
import type { EventType } from "@/lib/generated/prisma/enums";
import type { FoundDate } from "@/lib/extract/dates";
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { Mention } from "@/lib/extract/entities";
import type { Sentence } from "@/lib/extract/sentences";

export type ProposedEvent = { type: EventType; date: string; entities: string[]; quote: string; start: number; end: number };
/** A figure the extractor proposed: where it stands and its kind. */
export type Figure = { start: number; kind: ExtractionKind };

// First match wins: the most specific action first.
const ACTIONS: { type: EventType; pattern: RegExp }[] = [
  {
    type: "entity_listing",
    pattern:
      /\b(?:add(?:s|ed)?|plac(?:e|es|ed)|put|mov(?:e|es|ed)|list(?:s|ed)?)\b[^;]{0,80}\b(?:Entity List|Unverified List|blacklist)|\bon the (?:[^;]{0,40}\s)?(?:Entity|Unverified) List\b|\b(?:added|moved) to (?:the|its|a) (?:[\w-]+\s+){0,2}(?:list|blacklist)\b/i,
  },
  { type: "license", pattern: /\blicen[cs](?:e|es|ing)\b|\bpermits?\b|\b(?:waivers?|exemptions?|authori[sz]ations?|end-user status|(?:new|licen[cs]e|export) requirements?)\b/i },
  // An antitrust, security or trade probe opened: "The regulator opened its investigation in December 2024".
  {
    type: "investigation",
    pattern:
      /\b(?:open(?:s|ed)?|launch(?:es|ed)?|start(?:s|ed)?|began|initiat(?:es|ed))\s+(?:an?\s+|its\s+|the\s+)?(?:[\w-]+\s+)?(?:investigation|probe|inquiry|review)\b|\bsummon(?:s|ed)?\b|\b(?:investigation|probe|inquiry|review)\s+(?:had\s+)?found\b|\bfound\b[^.;]{0,40}\bviolat(?:ed|ing)\b/i,
  },
  // A government telling buyers to stop: "told ByteDance and Alibaba to end their testing … and cancel orders".
  // (A timeline writes it in the present: "Chinese authorities urge companies to avoid the H20".)
  {
    type: "export_control",
    pattern: /\b(?:told|tells?|ordered|orders|instructed|instructs?|urged|urges?|asked|asks)\b[^;]{0,80}?\bto\s+(?:stop|end|halt|cancel|suspend|avoid|shun)\b/i,
  },
  {
    type: "export_control",
    pattern:
      /\b(?:rules?|regulations?|controls?|ban(?:s|ned|ning)?|barr(?:ed|ing)|bars|restrict\w*|rescind\w*|revok\w*|invok\w*|cut(?:s|ting)? off|(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)) (?:supplying|shipping|selling|serving|doing business|(?:taking|accepting) (?:new )?orders)|(?:in|into) (?:effect|force)|took effect|takes? effect|effective|compliance date|comply by|issu(?:ed|es|ing)|publish(?:ed|es|ing)|announc(?:ed|es|ing)|impos(?:e|ed|es|ing)|understanding|unable to ship|halt\w*|suspend\w*|tariffs?|expir\w*)\b/i,
  },
  // The steps of a criminal case: "sentencing is set for March 20", "the case returns to court on March 20".
  { type: "penalty", pattern: /\b(?:sentencing|(?:was|were|is|be) sentenced)\b/i },
  { type: "other", pattern: /\b(?:returns? to court|back in court|(?:court )?hearing|trial|pleaded (?:guilty|not guilty)|indicted|arraigned|arrested|extradited)\b/i },
  // A programme or fund coming into being: "The fund was registered on Jan. 16".
  { type: "other", pattern: /\b(?:was|were|is|been|be)\s+(?:formally\s+|officially\s+)?(?:registered|established|set up|founded|incorporated|inaugurated)\b/i },
  {
    type: "product_launch",
    pattern:
      /\b(?:(?:shipments?|production|deliveries|sales|mass production)\b(?:\s+[\w-]+){0,4}?\s+(?:began|begins?|started|starts?|(?:will|would|is set to|are set to) (?:begin|start)|(?:(?:is|are|were|was)\s+)?(?:expected|scheduled|slated|planned)\s+(?:to (?:begin|start)\s+)?(?:in|by|for)\b)|(?:began|begins?|begin|started|starts?|start|commenc\w*) (?:(?:a|its|the)\s+)?(?:(?:volume|mass|trial|full|commercial|risk)\s+)?(?:shipping|shipments|production|deliveries|selling|supplying|delivering|producing|mass[- ]producing|pilot (?:line|production))|due(?! to\b)|launch\w*|releas\w*|unveil\w*|debut\w*|planned for|follows in|(?:will|would|are to|is to)\s+be\s+(?:made|produced|manufactured|built)|(?:high-volume|volume|mass|full|commercial|trial|risk)[- ]production|ship(?:s|ping)?(?:\s+[\w-]+){0,5}?\s+(?:in|from|starting)\b|availab\w*|roll(?:s|ed)? out|mass production)\b/i,
  },
];

export function findEvents(text: string, sentences: Sentence[], dates: FoundDate[], mentions: Mention[], figures: Figure[]): ProposedEvent[] {
  const events: ProposedEvent[] = [];
  const listingStory = /\b(?:Entity List|Unverified List|blacklist)/i.test(text);
  for (const sentence of sentences) {
    const inSentence = dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end && /\d{4}/.test(d.date));
    for (const date of inSentence) {
      // A dateline ("WASHINGTON, Jan 15 (Wire) -") or a release line dates the page, not an action.
      if (/^[A-Z][A-Z/ .]{2,}(?:,\s*[A-Za-z. ]+)?,?\s*(?:[-–—]\s*)?$/.test(text.slice(sentence.start, date.start).replace(/\b(?:FOR IMMEDIATE RELEASE)\b.*$/, "X"))) continue;
      if (/IMMEDIATE RELEASE|^\s*(?:Filed|Updated|Published|Posted)\b/i.test(text.slice(sentence.start, date.start))) continue;
      // "the three months ended June 30": the end of a reporting period, not an action.
      if (/\b(?:ended|ending|ends)\s+$/i.test(text.slice(Math.max(sentence.start, date.start - 12), date.start))) continue;
      const clause = whenClause(text, sentence, date) ?? clauseAround(text, sentence, date, inSentence);
      // A clause that states a quantity for its action dates that fact instead. (A product's spec is
      // not a quantity of its launch: "Clearwater Forest, a processor with up to 288 cores, due in
      // the first half of 2026" is still dated.)
      const clauseFigures = figures.filter((f) => f.start >= clause.start && f.start < clause.end);
      if (clauseFigures.some((f) => f.kind !== "spec")) continue;
      const words = text.slice(clause.start, clause.end);
      // The item of a dated list, or a "which" clause, takes its action from the main clause ("will
      // ship in …, followed by …"; "The licence requirement, which Commerce notified on April 15").
      const fullClause = text.slice(clauseAround(text, sentence, date, [], MAIN_CLAUSE_BREAK).start, clause.end);
      const action =
        ACTIONS.find(({ pattern }) => pattern.test(words)) ??
        ACTIONS.find(({ pattern }) => pattern.test(fullClause)) ??
        // "Graphite followed in December 2023": the next step of the action just told.
        (events.length && /\b(?:followed|came next|was next)\b/i.test(words) ? ACTIONS.find(({ type }) => type === events.at(-1)!.type) : undefined) ??
        // In a story about the Entity List, "Sugon, added in 2019" and "SMIC followed in December 2020" are listings too.
        (listingStory && /\b(?:added|listed|blacklisted|followed|joined)\b/i.test(words) ? ACTIONS[0] : undefined);
      if (!action) continue;
      if (clauseFigures.length && action.type !== "product_launch" && action.type !== "other") continue;
      // "… were testing the system ahead of volume shipments expected in the second quarter": the
      // dated action is the one after "ahead of", and its quote starts there.
      const at = action.pattern.exec(words)?.index ?? -1;
      // "TSMC has told Chinese customers that it will suspend …": the action is reported in a "that" clause, which the quote starts with.
      const lead =
        at > 0
          ? [
              ...words
                .slice(0, at)
                .matchAll(
                  /\b(?:ahead of|before|after|following|until|pending)\s+|\b(?:said|says|told|tells|announced|announces|confirmed|informed|notified|warned|added)\b[^;.]{0,60}?\sthat\s+|\b(?:said|says|confirmed|added)\s+(?=(?:it|they|he|she)\s)/gi,
                ),
            ].at(-1)
          : undefined;
      const leadEnd = clause.start + (lead ? lead.index + lead[0].length : 0);
      // "said on Friday that it would ban …": a clause cut after an earlier date may still open with "that".
      const start = leadEnd + (/^that\s+/i.exec(text.slice(leadEnd, clause.end))?.[0].length ?? 0);
      const entities = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => m.name);
      events.push({ type: action.type, date: date.date, entities: [...new Set(entities)], quote: text.slice(start, clause.end), start, end: clause.end });
    }
  }
  return events;
}

// Where one clause ends and the next begins: ";", a dash, ", and", and a comma before a subordinate
// clause ("…, after the U.S. imposed curbs in October 2022", "…, knowing the school had been added",
// "…, bringing the machines under national export rules from Sept. 7").
const CLAUSE_BREAK = /;|\s[—–]\s|,\s+(?:and|but|while|after|before|when|since|following|knowing|which|as|bringing|making|putting|placing|leaving|adding)\s+/g;
// A main clause with its subordinate clauses: where the action of a dated item or a "which" clause is found.
const MAIN_CLAUSE_BREAK = /;|\s[—–]\s|,\s+(?:and|but|while)\s+/g;

/**
 * "… since December 2020, when the company was added to the Entity List": a "when" clause right
 * after a date tells what happened then; the event is the date and that clause.
 */
function whenClause(text: string, sentence: Sentence, date: FoundDate): { start: number; end: number } | null {
  const when = /^,?\s+when\s+/i.exec(text.slice(date.end, sentence.end));
  if (!when) return null;
  const lead = /\b(?:since|in|on|from|until|by|back in)\s+$/i.exec(text.slice(Math.max(sentence.start, date.start - 10), date.start));
  const start = lead ? date.start - lead[0].length : date.start;
  const rest = text.slice(date.end + when[0].length, sentence.end);
  const next = rest.search(new RegExp(CLAUSE_BREAK.source));
  let end = next < 0 ? sentence.end : date.end + when[0].length + next;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The clause holding the date. In a list of dated items ("the 950PR in the first quarter of 2026,
 * followed by the 950DT in the fourth quarter of 2026, the 960 in 2027") each date's clause starts
 * after the previous date, so each event quotes its own item.
 */
function clauseAround(text: string, sentence: Sentence, date: FoundDate, sentenceDates: FoundDate[], breaks = CLAUSE_BREAK) {
  const before = text.slice(sentence.start, date.start);
  const last = [...before.matchAll(breaks)].at(-1);
  let start = sentence.start + (last ? last.index + last[0].length : 0);
  while (start < date.start && /\s/.test(text[start]!)) start++;
  const previousDate = sentenceDates.filter((d) => d.end <= date.start && d.end > start).at(-1);
  if (previousDate) {
    const separator = /^[\s,]*(?:(?:and|followed by|then)\s+)?/.exec(text.slice(previousDate.end, date.start))!;
    start = previousDate.end + separator[0].length;
  }
  const rest = text.slice(date.end, sentence.end);
  const next = rest.search(new RegExp(breaks.source));
  let end = next < 0 ? sentence.end : date.end + next;
  // …and ends with its own date when another dated item follows.
  if (sentenceDates.some((d) => d.start > date.end && d.start < end)) end = date.end;
  while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
  return { start, end };
}
