// How a stated quantity reads on screen: never more precise than the source. "~600 kW",
// "≥ $140M", "600,000–700,000 units", "≤ 9 months", "1.4×", and money in another currency with
// its US-dollar value and the rate used: "€4.5M (≈ $4.9M at 1.09 $/EUR, Mar 2024)".
import type { Bound } from "@/lib/generated/prisma/enums";
import { isMoneyUnit, unitInfo } from "@/lib/metrics/units";

export type Quantity = { value: number; valueMax: number | null; unit: string; bound: Bound };

/** A money fact's US-dollar value as the database computed it (null when no rate applies). */
export type UsdValue = { value: number; valueMax: number | null; rate: number; month: string | null };

const BOUND_PREFIX: Record<Bound, string> = { exact: "", approx: "~", at_least: "≥ ", at_most: "≤ ", range: "" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatQuantity({ value, valueMax, unit, bound }: Quantity): string {
  const prefix = BOUND_PREFIX[bound];
  if (isMoneyUnit(unit)) {
    const symbol = unitInfo(unit)!.symbol;
    const range = valueMax !== null ? `–${compactNumber(valueMax)}` : "";
    return `${prefix}${symbol}${compactNumber(value)}${range}`;
  }
  const number = valueMax !== null ? `${plainNumber(value, unit)}–${plainNumber(valueMax, unit)}` : plainNumber(value, unit);
  return `${prefix}${number}${unitSuffix(unit)}`;
}

/** A ratio to a baseline with how exact it is: "≥ 1.67×", "~3.86×" (a ratio of ranges is approximate). */
export function formatRatio(ratio: number, bound: Bound | null): string {
  return `${bound === "range" ? "~" : BOUND_PREFIX[bound ?? "exact"]}${ratio.toFixed(2)}×`;
}

/**
 * A stated quantity, and for money in another currency its US-dollar value with the rate and
 * month used, or a notice that no reference rate covers it. Everything else as formatQuantity.
 */
export function formatWithUsd(quantity: Quantity, usd: UsdValue | null): string {
  const stated = formatQuantity(quantity);
  if (!isMoneyUnit(quantity.unit) || quantity.unit === "USD") return stated;
  if (!usd) return `${stated} (no US-dollar rate for ${quantity.unit} at this date)`;
  const dollars = formatQuantity({ value: usd.value, valueMax: usd.valueMax, unit: "USD", bound: quantity.bound === "range" ? "range" : "exact" });
  return `${stated} (≈ ${dollars} at ${formatRate(quantity.unit, usd.rate)}${usd.month ? `, ${formatMonth(usd.month)}` : ""})`;
}

/** A rate in its market's convention: "1.09 $/EUR" for the euro, "7.20 CNY/$" for the yuan. */
export function formatRate(currency: string, usdPerUnit: number): string {
  if (unitInfo(currency)?.quotedInDollars) return `${usdPerUnit.toFixed(2)} $/${currency}`;
  const perDollar = 1 / usdPerUnit;
  const digits = perDollar >= 100 ? 0 : 2;
  return `${perDollar.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}/$`;
}

/** "2024-03-01" → "Mar 2024". */
export function formatMonth(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  return `${MONTHS[month - 1]} ${year}`;
}

function unitSuffix(unit: string): string {
  if (unit === "percent") return "%";
  if (unit === "ratio") return "×";
  if (unit === "count" || unit === "year") return "";
  return ` ${unitInfo(unit)?.symbol ?? unit}`;
}

function plainNumber(value: number, unit: string): string {
  if (unit === "year") return String(value);
  if (unit === "ratio") return trimDecimals(value, value < 1 ? 2 : 1);
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** 140000000 → "140M", 8200000 → "8.2M", 12000000000 → "12B". */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  const scales: [number, string][] = [
    [1e12, "T"],
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "K"],
  ];
  for (const [size, suffix] of scales) {
    if (abs >= size) return `${trimDecimals(value / size, 2)}${suffix}`;
  }
  return trimDecimals(value, 2);
}

function trimDecimals(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
