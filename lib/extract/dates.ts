// Dates in the text, absolute ("February 2015", "July 26, 2025") or relative to the publication
// date ("last week", "on Monday"), with the precision the text gives. Uses chrono-node.
import * as chrono from "chrono-node";

/**
 * chrono's casual English without its clock-time parsers: a news figure is dated to the day at
 * most, and the time-of-day pattern tries every number in the text ("at 5", "10:30"), which made
 * it the costliest step of date finding while every one of its results was thrown away.
 */
const dateParser = (() => {
  const parser = chrono.en.casual.clone();
  // "within 120 days" is a length of time, which findDates throws away as well.
  const unused = new Set(["ENTimeExpressionParser", "ENCasualTimeParser", "ENTimeUnitWithinFormatParser"]);
  parser.parsers = parser.parsers.filter((p) => !unused.has(p.constructor.name));
  return parser;
})();

const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight|week|month|year|quarter|ago|last|next|this|earlier|later)/i;

// Month names and their abbreviations only: "market", "margin", "decline" and "separately" start
// like months and made chrono read a tenth of the windows for nothing. A bare year is not a trigger
// (chrono reads no date from "in 2024" alone: findPeriods does), only one written in figures with
// its day and month ("03/15/2024").
const MAYBE_DATE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester|tomor)day\b|\b(?:tonight|ago|week|month|year|quarter)|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/i;

export type FoundDate = { start: number; end: number; date: string; text: string };

/**
 * How far either side of a date word a date phrase can reach ("the twenty-sixth of July", "two and a
 * half years ago"): about twenty characters; every other word of a longer phrase opens its own
 * window. (48 read twice the text for chrono and found the same dates on all 204 labelled texts and the seed article.)
 */
const DATE_REACH = 28;

/** Stretches of the text, within one line and cut at spaces, around every word a date can contain; overlapping ones merged. */
function dateWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  for (const word of text.matchAll(new RegExp(MAYBE_DATE.source, "gi"))) {
    if (word[0] === "may") continue; // the modal verb; the month is written "May"
    const lineStart = text.lastIndexOf("\n", word.index) + 1;
    const lineEnd = text.indexOf("\n", word.index);
    let start = Math.max(lineStart, word.index - DATE_REACH);
    let end = Math.min(lineEnd < 0 ? text.length : lineEnd, word.index + word[0].length + DATE_REACH);
    // Never cut a word or a number in two: widen to the whitespace around.
    while (start > lineStart && !/\s/.test(text[start - 1]!)) start--;
    while (end < text.length && text[end] !== "\n" && !/\s/.test(text[end]!)) end++;
    const last = windows.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

const QUARTER_MONTH: Record<string, string> = { first: "01", second: "04", third: "07", fourth: "10" };

/**
 * Periods and bare years chrono does not read: "the second half of 2026" → 2026-07 (a period is
 * dated by its start), "third quarter of 2022" → 2022-07, "at the end of 2024" → 2024-12,
 * "early 2026" and "since 2019" → the year.
 */
function findPeriods(text: string, published: Date | null): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (start: number, matched: string, date: string) => found.push({ start, end: start + matched.length, date, text: matched });
  for (const m of text.matchAll(/\b(first|second) half of (?:fiscal )?((?:19|20)\d{2})\b/gi)) push(m.index, m[0], `${m[2]}-${m[1]!.toLowerCase() === "first" ? "01" : "07"}`);
  for (const m of text.matchAll(/\b(first|second|third|fourth) quarter of ((?:19|20)\d{2})\b/gi)) push(m.index, m[0], `${m[2]}-${QUARTER_MONTH[m[1]!.toLowerCase()]}`);
  for (const m of text.matchAll(/\b(?:at )?the end of ((?:19|20)\d{2})\b/gi)) push(m.index, m[0], `${m[1]}-12`);
  // "in the fourth quarter" with no year: the calendar quarter nearest the publication date
  // (a January story's "fourth quarter" is last year's). Fiscal quarters stay undated.
  if (published) {
    for (const m of text.matchAll(/\b(?<!fiscal\s)the (first|second|third|fourth) quarter\b(?! of)/gi)) {
      const month = Number(QUARTER_MONTH[m[1]!.toLowerCase()]);
      const year = published.getUTCFullYear();
      const monthsFrom = (y: number) => Math.abs((y - year) * 12 + month - 1 - published.getUTCMonth());
      const nearest = [year - 1, year, year + 1].sort((a, b) => monthsFrom(a) - monthsFrom(b))[0]!;
      push(m.index, m[0], `${nearest}-${QUARTER_MONTH[m[1]!.toLowerCase()]}`);
    }
  }
  for (const m of text.matchAll(/\b(?:(?:in|since|by|for|from|until|through|before|after|during|early|mid-?|late|planned for|due in)\s+)((?:19|20)\d{2})\b(?![-–\d])/gi))
    push(m.index, m[0], m[1]!);
  // "In a statement this morning …", "Tonight the regulator …": a live blog's day is its publication's
  // (read here rather than by chrono's time-of-day parser, which would try every window).
  if (published) for (const m of text.matchAll(/\b(?:this (?:morning|afternoon|evening)|tonight)\b/gi)) push(m.index, m[0], published.toISOString().slice(0, 10));
  return found;
}

export function findDates(text: string, published: Date | null): FoundDate[] {
  const reference = published ?? new Date();
  const periods = findPeriods(text, published);
  // chrono runs some forty patterns over whatever it is given, so it reads only the stretches of a
  // line around a word that can start or end a date (a month, a weekday, a year, a relative period),
  // not whole paragraphs.
  const results = dateWindows(text).flatMap((window) =>
    dateParser
      .parse(text.slice(window.start, window.end), { instant: reference, timezone: 0 }, { forwardDate: false })
      .map((result) => Object.assign(result, { index: result.index + window.start })),
  );
  const parsed = results.flatMap((result) => {
    const component = result.start;
    const year = component.get("year");
    const month = component.get("month");
    const day = component.get("day");
    if (!year) return [];
    // Relative phrases are only meaningful against a real publication date.
    if (!published && !component.isCertain("year")) return [];
    // Numbers chrono takes for days or hours ("000 to 700" inside "600,000 to 700,000") are not
    // dates: a date names a month, a weekday, a relative period or a year.
    if (!DATE_WORD.test(result.text) && !/\b(?:19|20)\d{2}\b/.test(result.text)) return [];
    // "for one year", "within 120 days": a length of time, not a point in it (chrono reads it as
    // "a year from now" only when "from now", "ago" or "later" says so).
    if (
      /^(?:for|within|over|during)?\s*(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?)$/i.test(result.text.trim()) &&
      !/\b(?:ago|later|from now|after|before|earlier|next|last|this)\b/i.test(result.text)
    )
      return [];
    // "over the next three years", "in the past 12 months": a span counted in units, not a date.
    if (
      /\b(?:next|past|last|coming)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:years|months|weeks|days|quarters)$/i.test(
        result.text.trim(),
      )
    )
      return [];
    const precision =
      component.isCertain("day") || /\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(result.text)
        ? "day"
        : component.isCertain("month") || /week/i.test(result.text)
          ? "month"
          : "year";
    const pad = (n: number | null) => String(n ?? 1).padStart(2, "0");
    // A month or day without a year takes the year of the last date before it that states one,
    // else the publication's ("On March 3" in a 2024-03-10 article is 2024-03-03).
    const stated = component.isCertain("year") ? year : (lastStatedYear(text, result.index) ?? (published ? yearOfMonth(text, result.index, month, published) : year));
    const date = precision === "day" ? `${stated}-${pad(month)}-${pad(day)}` : precision === "month" ? `${stated}-${pad(month)}` : String(stated);
    return [{ start: result.index, end: result.index + result.text.length, date, text: result.text }];
  });
  const relative = (d: FoundDate) => /\b(?:last|next|this|ago|yesterday|today|tomorrow|earlier|later)\b/i.test(d.text);
  // A relative phrase keeps chrono's reading; an absolute one yields to a period it sits in.
  return [...periods, ...parsed.filter((d) => relative(d) || !periods.some((p) => d.start < p.end && d.end > p.start))].sort((a, b) => a.start - b.start);
}

// Past-tense verbs that date what happened ("cut off Sophgo in November", "was added in October").
const PAST_ACTION = /\b(?:was|were|had|did|cut|put|set|began|took|made|won|sold|bought|said|told|\w{3,}ed)\b/i;
const FUTURE_WORDS = /\b(?:will|would|shall|to take effect|takes effect|set to|due|plans?|planned|expects?|expected|scheduled|from|starting|until|by)\b/i;

const REPORTED_PLAN = /\b(?:said|told|announced|notified|informed|warned|confirmed|indicated|wrote)\b[^.;]*\bwould\b/i;

/**
 * The year of a month written without one: the publication's, except that a past action in a month
 * after the publication month happened the year before ("cut off Sophgo in November" in January).
 */
function yearOfMonth(text: string, at: number, month: number | null, published: Date): number {
  const year = published.getUTCFullYear();
  if (!month || month <= published.getUTCMonth() + 1) return year;
  const clauseStart = Math.max(text.lastIndexOf(". ", at), text.lastIndexOf("\n", at), text.lastIndexOf(";", at)) + 1;
  const before = text.slice(clauseStart, at);
  // "TSMC told customers it would suspend shipments from November 11": a plan reported in the past
  // may be behind or ahead of the publication; the nearer of the two is meant.
  if (REPORTED_PLAN.test(before)) {
    const monthsAway = (y: number) => Math.abs((y - year) * 12 + month - 1 - published.getUTCMonth());
    return monthsAway(year - 1) < monthsAway(year) ? year - 1 : year;
  }
  return PAST_ACTION.test(before) && !FUTURE_WORDS.test(before) ? year - 1 : year;
}

function lastStatedYear(text: string, before: number): number | null {
  // Only the same sentence: "In January" after "October 2022" in the sentence before is ambiguous.
  const sentenceStart = Math.max(text.lastIndexOf(". ", before), text.lastIndexOf("\n", before));
  const years = [
    ...text
      .slice(Math.max(0, sentenceStart), before)
      .matchAll(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},\s+)?((?:19|20)\d{2})\b/g),
  ];
  return years.length ? Number(years.at(-1)![1]) : null;
}
