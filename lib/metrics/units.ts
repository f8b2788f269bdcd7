// Units Chipwatch stores and how to convert between units of the same dimension, so that
// "148 TFLOPS" and "0.3 PFLOPS" land on one axis.

export type Dimension =
  | "money"
  | "count"
  | "compute"
  | "power"
  | "memory"
  | "bandwidth"
  | "length"
  | "area"
  | "duration"
  | "percent"
  | "ratio"
  | "year";

type UnitInfo = { dimension: Dimension; factor: number; symbol: string };

// factor = how many of the dimension's base unit one of this unit is.
const UNITS: Record<string, UnitInfo> = {
  USD: { dimension: "money", factor: 1, symbol: "$" },
  CNY: { dimension: "money", factor: 1, symbol: "¥" },
  units: { dimension: "count", factor: 1, symbol: "units" },
  count: { dimension: "count", factor: 1, symbol: "" },
  TFLOPS: { dimension: "compute", factor: 1, symbol: "TFLOPS" },
  PFLOPS: { dimension: "compute", factor: 1e3, symbol: "PFLOPS" },
  EFLOPS: { dimension: "compute", factor: 1e6, symbol: "EFLOPS" },
  W: { dimension: "power", factor: 1, symbol: "W" },
  kW: { dimension: "power", factor: 1e3, symbol: "kW" },
  MW: { dimension: "power", factor: 1e6, symbol: "MW" },
  GB: { dimension: "memory", factor: 1, symbol: "GB" },
  TB: { dimension: "memory", factor: 1e3, symbol: "TB" },
  PB: { dimension: "memory", factor: 1e6, symbol: "PB" },
  "GB/s": { dimension: "bandwidth", factor: 1, symbol: "GB/s" },
  "TB/s": { dimension: "bandwidth", factor: 1e3, symbol: "TB/s" },
  "PB/s": { dimension: "bandwidth", factor: 1e6, symbol: "PB/s" },
  nm: { dimension: "length", factor: 1, symbol: "nm" },
  mm2: { dimension: "area", factor: 1, symbol: "mm²" },
  days: { dimension: "duration", factor: 1, symbol: "days" },
  months: { dimension: "duration", factor: 30.436875, symbol: "months" },
  years: { dimension: "duration", factor: 365.2425, symbol: "years" },
  percent: { dimension: "percent", factor: 1, symbol: "%" },
  ratio: { dimension: "ratio", factor: 1, symbol: "×" },
  year: { dimension: "year", factor: 1, symbol: "" },
};

export const KNOWN_UNITS = Object.keys(UNITS);

export function unitInfo(unit: string): UnitInfo | undefined {
  return UNITS[unit];
}

/** Converts a value between two units of one dimension; undefined when they do not convert. */
export function convertValue(value: number, from: string, to: string): number | undefined {
  const source = UNITS[from];
  const target = UNITS[to];
  if (!source || !target || source.dimension !== target.dimension) return undefined;
  // Money in different currencies has one dimension but no fixed rate.
  if (source.dimension === "money" && from !== to) return undefined;
  return (value * source.factor) / target.factor;
}
