// Dates as the news states them: "2023-04" means April 2023 with the day unstated. Stored as the
// first day of the period plus its precision, so nothing pretends to know the day.
import type { DatePrecision } from "@/lib/generated/prisma/enums";

export type PartialDate = { date: Date; precision: DatePrecision };

export function parsePartialDate(text: string): PartialDate {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  if (Number.isNaN(date.getTime()) || (month && date.getUTCMonth() !== Number(month) - 1)) {
    throw new Error(`"${text}" is not a real calendar date`);
  }
  return { date, precision: day ? "day" : month ? "month" : "year" };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "28 Jul 2025", "Apr 2023", "Q2 2025", "2015": never more precise than the source. */
export function formatPartialDate(date: Date, precision: DatePrecision): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (precision) {
    case "day":
      return `${date.getUTCDate()} ${MONTHS[month]} ${year}`;
    case "month":
      return `${MONTHS[month]} ${year}`;
    case "quarter":
      return `Q${Math.floor(month / 3) + 1} ${year}`;
    case "year":
      return String(year);
  }
}

/** ISO date (YYYY-MM-DD) of a UTC date, as Postgres DATE columns round-trip through Prisma. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
