// Bundled into the benchmark page only (never into the app): times the browser export path —
// renderChartSvg + embedded fonts + canvas rasterisation — on a timeline with N marks.
import { toTimelineChartData } from "@/lib/charts/timeline";
import type { TimelineEventRow } from "@/lib/events/queries";
import { loadFontCss, svgToPng } from "@/lib/export/browser";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import { timelineExport } from "@/lib/export/spec";
import { EVENT_TYPES } from "@/lib/filters/schema";

/** Benchmark input: N timeline rows spread over ten years (load only, never shown as data). */
function benchmarkRows(count: number): TimelineEventRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    slug: `bench-${i}`,
    title: `Benchmark mark ${i + 1}`,
    type: EVENT_TYPES[i % EVENT_TYPES.length]!,
    date: new Date(Date.UTC(2015, 0, 1) + ((i * 7919) % 3650) * 86_400_000).toISOString().slice(0, 10),
    datePrecision: "day",
    outlet: `outlet-${i % 40}.example`,
    sourceUrl: null,
    sourceKind: "other",
    sourcePublished: null,
    keyFigure: null,
  }));
}

async function exportPng(marks: number, scale = 2) {
  const rows = benchmarkRows(marks);
  const spec = timelineExport(
    { chart: "timeline", title: `Benchmark: ${marks} marks`, subtitle: "synthetic load", asOf: "2026-01-01", url: "http://localhost/", filterSlug: "" },
    rows,
    toTimelineChartData(rows),
    null,
  );
  const started = performance.now();
  const width = 1200;
  const height = defaultHeight(spec, width);
  const svg = renderChartSvg(spec, { width, height, theme: "light", fontCss: await loadFontCss() });
  const png = await svgToPng(svg, width, height, scale);
  return { ms: performance.now() - started, bytes: png.size };
}

(window as unknown as { chipwatchBench: unknown }).chipwatchBench = { exportPng, loadFontCss };
