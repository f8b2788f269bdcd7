// Dates in the text, absolute ("February 2015", "July 26, 2025") or relative to the publication
// date ("last week", "on Monday"), with the precision the text gives. Uses chrono-node.
import * as chrono from "chrono-node";

const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|tonight|week|month|year|quarter|ago|last|next|this|earlier|later)/i;

export type FoundDate = { start: number; end: number; date: string; text: string };

export function findDates(text: string, published: Date | null): FoundDate[] {
  const reference = published ?? new Date();
  return chrono.en.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false }).flatMap((result) => {
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
    const precision =
      component.isCertain("day") || /\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(result.text)
        ? "day"
        : component.isCertain("month") || /week/i.test(result.text)
          ? "month"
          : "year";
    const pad = (n: number | null) => String(n ?? 1).padStart(2, "0");
    const date = precision === "day" ? `${year}-${pad(month)}-${pad(day)}` : precision === "month" ? `${year}-${pad(month)}` : String(year);
    return [{ start: result.index, end: result.index + result.text.length, date, text: result.text }];
  });
}
