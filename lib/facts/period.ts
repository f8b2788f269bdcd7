// The period a figure covers, from the label a source or a data file gives it: a calendar year
// ("2024"), a quarter ("2024 Q3") or a fiscal period kept as its label ("FY2025", "FY2026 Q1"),
// whose dates depend on the company's fiscal calendar and are left open.
export type FactPeriod = { start: Date | null; end: Date | null; label: string | null };

export function periodFromLabel(label: string): FactPeriod {
  const text = label.trim();
  const year = /^(\d{4})$/.exec(text);
  if (year) return { start: utc(Number(year[1]), 0, 1), end: utc(Number(year[1]), 11, 31), label: null };
  const quarter = /^(\d{4})\s*Q([1-4])$/i.exec(text);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return { start: utc(y, (q - 1) * 3, 1), end: utc(y, q * 3, 0), label: null };
  }
  return { start: null, end: null, label: text };
}

/** How a period reads on screen: "2024", "Q3 2024", "FY2025". */
export function formatPeriod(period: { start: string | null; end: string | null; label: string | null }): string | null {
  if (period.label) return period.label;
  if (!period.start || !period.end) return null;
  const [startYear, startMonth] = period.start.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = period.end.split("-").map(Number) as [number, number];
  if (startYear === endYear && startMonth === 1 && endMonth === 12) return String(startYear);
  if (startYear === endYear && endMonth - startMonth === 2 && startMonth % 3 === 1) return `Q${(startMonth + 2) / 3} ${startYear}`;
  return `${period.start} – ${period.end}`;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day));
}
