// CSV and JSON of exactly the rows a chart draws. CSV cells that a spreadsheet would run as a
// formula (=, +, -, @, tab, CR) are prefixed with an apostrophe (OWASP's advice).
import { citationFor } from "@/lib/export/citation";
import type { ChartExport } from "@/lib/export/spec";

export function toCsv(rows: Record<string, string | number | null>[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [columns.map(csvCell).join(","), ...rows.map((row) => columns.map((column) => csvCell(row[column] ?? "")).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const neutralised = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(neutralised) ? `"${neutralised.replace(/"/g, '""')}"` : neutralised;
}

export function toJson(spec: ChartExport): string {
  const { meta, rows } = spec;
  const citation = citationFor(meta);
  return `${JSON.stringify({ chart: meta.chart, title: meta.title, filters: meta.subtitle, sourceScope: meta.sourceScope ?? null, asOf: meta.asOf, data_version: meta.dataVersion ?? null, url: meta.url, citation, sources: meta.sources, rows }, null, 2)}\n`;
}

/** chipwatch-<chart>-<filters>-<yyyy-mm-dd>.<ext> */
export function exportFileName(spec: ChartExport, extension: "png" | "svg" | "csv" | "json", today = new Date()): string {
  const parts = ["chipwatch", spec.meta.chart, spec.meta.filterSlug, today.toISOString().slice(0, 10)].filter(Boolean);
  return `${parts.join("-")}.${extension}`;
}
