// What the export menu does once asked: fetch the chart's specification from the image route and
// draw, rasterise or tabulate it in the browser. Loaded on first use, so neither the renderer nor
// the chart's rows weigh on the page until someone exports.
import { loadFontCss, svgToPng } from "@/lib/export/browser";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import type { ChartExport } from "@/lib/export/spec";
import { exportFileName, toCsv, toJson } from "@/lib/export/tables";
import type { ExportTheme } from "@/lib/export/theme";

const WIDTH = 1200;

/** /api/charts/timeline.png?company=x → the same chart's specification. */
function specPathOf(imagePath: string): string {
  return imagePath.replace(/\.png(?=\?|$)/, ".spec");
}

/** The chart as the image route would draw it now (the browser revalidates it by ETag). */
export async function loadSpec(imagePath: string): Promise<ChartExport> {
  const response = await fetch(specPathOf(imagePath));
  if (!response.ok) throw new Error(`the chart data could not be loaded (${response.status})`);
  return (await response.json()) as ChartExport;
}

export async function chartSvg(spec: ChartExport, theme: ExportTheme): Promise<string> {
  return renderChartSvg(spec, { width: WIDTH, height: defaultHeight(spec, WIDTH), theme, fontCss: await loadFontCss() });
}

export async function chartPng(spec: ChartExport, theme: ExportTheme, scale: number): Promise<Blob> {
  return svgToPng(await chartSvg(spec, theme), WIDTH, defaultHeight(spec, WIDTH), scale);
}

export function tableFile(spec: ChartExport, format: "csv" | "json"): Blob {
  return format === "csv" ? new Blob([toCsv(spec.rows)], { type: "text/csv" }) : new Blob([toJson(spec)], { type: "application/json" });
}

export { exportFileName };
