// How one stated figure reads everywhere a fact is shown (event, article, company and review
// pages, tooltips, exports): its metric with qualifiers, and its amount with the US-dollar value
// and rate for money in another currency. Pure; fed by FACT_FIGURE_SELECT rows.
import type { Bound } from "@/lib/generated/prisma/enums";
import { formatWithUsd, type UsdValue } from "@/lib/metrics/format";
import { describeMetric } from "@/lib/metrics/registry";

/** The columns a figure needs, for Prisma `select`s. */
export const FACT_FIGURE_SELECT = {
  metric: true,
  qualifiers: true,
  value: true,
  valueMax: true,
  unit: true,
  bound: true,
  usdValue: true,
  usdValueMax: true,
  usdRate: true,
  usdRateMonth: true,
} as const;

type Decimalish = { toString(): string } | number;
export type FigureRow = {
  metric: string;
  qualifiers: unknown;
  value: Decimalish;
  valueMax: Decimalish | null;
  unit: string;
  bound: Bound;
  usdValue?: Decimalish | null;
  usdValueMax?: Decimalish | null;
  usdRate?: Decimalish | null;
  usdRateMonth?: Date | string | null;
};

export function figureLabel(row: Pick<FigureRow, "metric" | "qualifiers">): string {
  const qualifiers = row.qualifiers && typeof row.qualifiers === "object" && !Array.isArray(row.qualifiers) ? (row.qualifiers as Record<string, unknown>) : null;
  return describeMetric(row.metric, qualifiers);
}

export function figureAmount(row: FigureRow): string {
  const value = Number(row.value);
  const valueMax = row.valueMax === null ? null : Number(row.valueMax);
  return formatWithUsd({ value, valueMax, unit: row.unit, bound: row.bound }, usdOf(row));
}

function usdOf(row: FigureRow): UsdValue | null {
  if (row.usdValue === null || row.usdValue === undefined || row.usdRate === null || row.usdRate === undefined) return null;
  const month = row.usdRateMonth ? (typeof row.usdRateMonth === "string" ? row.usdRateMonth : row.usdRateMonth.toISOString().slice(0, 10)) : null;
  return { value: Number(row.usdValue), valueMax: row.usdValueMax === null || row.usdValueMax === undefined ? null : Number(row.usdValueMax), rate: Number(row.usdRate), month };
}
