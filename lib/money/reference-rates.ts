// The monthly reference rates Chipwatch converts money with, read from the table kept in the
// repository (usd-reference-rates.tsv: source, date and conventions are in its header).
import { readFileSync } from "node:fs";
import path from "node:path";
import { isMoneyUnit, unitInfo } from "@/lib/metrics/units";

export const REFERENCE_RATES_FILE = path.resolve(process.cwd(), "lib/money/usd-reference-rates.tsv");

export type UsdRate = { currency: string; month: string; usdPerUnit: number };

/** Rows of the table as US dollars per unit of each currency, month by month ("2024-03"). */
export function parseReferenceRates(tsv: string): UsdRate[] {
  const lines = tsv.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
  const [header, ...rows] = lines.map((line) => line.split("\t").map((cell) => cell.trim()));
  if (!header || header[0] !== "month") throw new Error("rate table: the first row must name the columns, starting with month");
  const currencies = header.slice(1);
  for (const currency of currencies) if (!isMoneyUnit(currency)) throw new Error(`rate table: ${currency} is not a currency of lib/metrics/units.ts`);
  return rows.flatMap((cells) => {
    const month = cells[0]!;
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`rate table: bad month "${month}"`);
    return currencies.flatMap((currency, index) => {
      const quoted = Number(cells[index + 1]);
      if (!cells[index + 1] || !Number.isFinite(quoted) || quoted <= 0) return [];
      return [{ currency, month, usdPerUnit: unitInfo(currency)?.quotedInDollars ? quoted : 1 / quoted }];
    });
  });
}

export function readReferenceRatesFile(): string {
  return readFileSync(REFERENCE_RATES_FILE, "utf8");
}
