// How a stated quantity reads on screen: never more precise than the source. "~600 kW",
// "≥ $140M", "600,000–700,000 units", "≤ 9 months", "1.4×".
import type { Bound } from "@/lib/generated/prisma/enums";
import { unitInfo } from "@/lib/metrics/units";

export type Quantity = { value: number; valueMax: number | null; unit: string; bound: Bound };

const BOUND_PREFIX: Record<Bound, string> = { exact: "", approx: "~", at_least: "≥ ", at_most: "≤ ", range: "" };

export function formatQuantity({ value, valueMax, unit, bound }: Quantity): string {
  const prefix = BOUND_PREFIX[bound];
  if (unit === "USD" || unit === "CNY") {
    const symbol = unit === "USD" ? "$" : "¥";
    const range = valueMax !== null ? `–${compactNumber(valueMax)}` : "";
    return `${prefix}${symbol}${compactNumber(value)}${range}`;
  }
  const number = valueMax !== null ? `${plainNumber(value, unit)}–${plainNumber(valueMax, unit)}` : plainNumber(value, unit);
  return `${prefix}${number}${unitSuffix(unit)}`;
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
