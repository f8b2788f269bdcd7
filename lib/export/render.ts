// Renders an exported chart as a self-contained SVG: the marks as on screen plus, drawn inside the
// image, a title, the filters in words, the sources ("and N more"), the number of facts, "Data as
// of" and the URL of the view. One renderer for the browser download and the image routes.
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";
import { scaleLinear } from "d3-scale";
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from "d3-shape";
import type { MarkerShape } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import type { BarsExport, ChartExport, ExportMeta, TimelineExport } from "@/lib/export/spec";
import { el, fitText, px, text, wrapText } from "@/lib/export/svg";
import { FONT_FAMILY, THEMES, type ExportTheme, type ThemeColors } from "@/lib/export/theme";
import { SEVERAL_COMPANIES } from "@/lib/charts/company-colors";
import { LABEL_FONT_SIZE, layoutTimeline, timeTicks } from "@/lib/charts/timeline";

export type RenderOptions = { width: number; height: number; theme: ExportTheme; fontCss?: string };

const PAD = 32;
const FOOTER_LINE = 18;
const SYMBOLS: Record<MarkerShape, SymbolType> = {
  circle: symbolCircle,
  cross: symbolCross,
  diamond: symbolDiamond,
  square: symbolSquare,
  star: symbolStar,
  triangle: symbolTriangle,
  wye: symbolWye,
};

export const SIZE_LIMITS = { minWidth: 320, maxWidth: 4000, minHeight: 200, maxHeight: 4000 };

/** A height that fits the chart's content at a width (bars grow with their rows). */
export function defaultHeight(spec: ChartExport, width: number): number {
  const header = headerHeight(spec.meta, width);
  const footer = footerHeight();
  if (spec.kind === "timeline") return Math.round(Math.max(420, Math.min(900, width * 0.5625)) + (spec.overlay ? 90 : 0));
  return Math.min(SIZE_LIMITS.maxHeight, Math.max(SIZE_LIMITS.minHeight, header + footer + spec.bars.length * 30 + 56));
}

export function renderChartSvg(spec: ChartExport, options: RenderOptions): string {
  const { width, height } = options;
  const colors = THEMES[options.theme];
  const top = headerHeight(spec.meta, width);
  const bottom = height - footerHeight();
  const plot = { left: PAD, right: width - PAD, top, bottom };
  const body = spec.kind === "timeline" ? renderTimeline(spec, plot, colors) : renderBars(spec, plot, colors);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    el(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        "font-family": FONT_FAMILY,
        role: "img",
        "aria-label": `${spec.meta.title}. ${spec.meta.subtitle}`,
      },
      el("title", {}, escape(spec.meta.title)),
      options.fontCss ? el("defs", {}, el("style", {}, options.fontCss)) : "",
      el("rect", { width, height, fill: colors.background }),
      renderHeader(spec.meta, width, colors),
      body,
      renderFooter(spec.meta, width, height, colors),
    )
  );
}

function escape(value: string) {
  return value.replace(/[&<>]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[char]!);
}

function subtitleLines(meta: ExportMeta, width: number) {
  return wrapText(meta.subtitle, width - 2 * PAD, 15, 2);
}

function headerHeight(meta: ExportMeta, width: number) {
  return PAD + 26 + subtitleLines(meta, width).length * 20 + 16;
}

function footerHeight() {
  return PAD + FOOTER_LINE * 2 + 8;
}

function renderHeader(meta: ExportMeta, width: number, colors: ThemeColors) {
  const title = text(fitText(meta.title, width - 2 * PAD, 24), { x: PAD, y: PAD + 20, "font-size": 24, "font-weight": 600, fill: colors.text });
  const subtitle = subtitleLines(meta, width).map((line, index) => text(line, { x: PAD, y: PAD + 46 + index * 20, "font-size": 15, fill: colors.muted, "data-role": "subtitle" }));
  return el("g", { "data-role": "header" }, title, ...subtitle);
}

/** "Sources: a (29 Jul 2025), b, and 12 more" — as many as fit on the line. */
export function sourcesLine(meta: ExportMeta, maxChars: number): string {
  // "BIS (primary, 2 Dec 2024)": each source with its kind, so a reader of the image can weigh it.
  const names = meta.sources.map((s) => `${s.outlet} (${SOURCE_KIND_LABELS[s.kind].short}${s.date ? `, ${formatPartialDate(new Date(`${s.date}T00:00:00Z`), "day")}` : ""})`);
  // A view that counts only some kinds of source says so first: "Primary sources only. Sources: …".
  const lead = meta.sourceScope ? `${meta.sourceScope}. Sources: ` : "Sources: ";
  if (names.length === 0) return `${lead}none`;
  for (let shown = names.length; shown >= 1; shown--) {
    const rest = names.length - shown;
    const line = `${lead}${names.slice(0, shown).join(", ")}${rest ? `, and ${rest} more` : ""}`;
    if (line.length <= maxChars) return line;
  }
  return `${lead}${names[0]!.slice(0, Math.max(10, maxChars - 30 - lead.length))}…, and ${names.length - 1} more`;
}

function renderFooter(meta: ExportMeta, width: number, height: number, colors: ThemeColors) {
  const maxChars = Math.floor((width - 2 * PAD) / (12 * 0.55));
  const y1 = height - PAD - FOOTER_LINE;
  const asOf = formatPartialDate(new Date(`${meta.asOf}T00:00:00Z`), "day");
  const counts = `${meta.factCount} fact${meta.factCount === 1 ? "" : "s"} shown · Data as of ${asOf}${meta.dataVersion ? ` (version ${meta.dataVersion})` : ""} · Chipwatch · ${meta.url}`;
  return el(
    "g",
    { "data-role": "footer", "font-size": 12, fill: colors.muted },
    el("line", { x1: PAD, x2: width - PAD, y1: y1 - 16, y2: y1 - 16, stroke: colors.grid }),
    text(sourcesLine(meta, maxChars), { x: PAD, y: y1 }),
    text(fitText(counts, width - 2 * PAD, 12), { x: PAD, y: y1 + FOOTER_LINE }),
  );
}

type Plot = { left: number; right: number; top: number; bottom: number };

function renderTimeline(spec: TimelineExport, plot: Plot, colors: ThemeColors) {
  const { data } = spec;
  const laneWidth = Math.min(140, (plot.right - plot.left) * 0.28);
  const legendHeight = 28;
  const axisHeight = 22;
  const overlayHeight = spec.overlay ? 84 : 0;
  const lanesBottom = plot.bottom - legendHeight - axisHeight - overlayHeight;
  const x = scaleLinear()
    .domain(data.domain)
    .range([plot.left + laneWidth, plot.right]);
  // The on-screen layout: marks that would touch stack into rows within their lane. The lanes are
  // then scaled to the image's height (never above 2× the screen's spacing).
  const layout = layoutTimeline(data, plot.right - plot.left - laneWidth, { size: 16, gap: 2 });
  const scale = Math.min(2, (lanesBottom - plot.top) / Math.max(1, layout.height));
  const yOf = (top: number) => plot.top + top * scale;
  // The screen's marks (area 70, a 16 px box), shrunk with the lanes when the image is shorter.
  const markSize = Math.max(16, Math.min(70, 70 * scale * scale));
  const parts: string[] = [];

  for (const tick of timeTicks(data.domain, Math.floor((plot.right - plot.left - laneWidth) / 64))) {
    parts.push(el("line", { x1: px(x(tick.at)), x2: px(x(tick.at)), y1: plot.top, y2: lanesBottom, stroke: colors.grid, "stroke-dasharray": "3 3" }));
    parts.push(text(tick.label, { x: px(x(tick.at)), y: lanesBottom + 16, "font-size": 12, fill: colors.axis, "text-anchor": "middle" }));
  }
  for (const lane of layout.lanes) {
    const y = yOf(lane.top + lane.height / 2);
    if (lane.top > 0) parts.push(el("line", { x1: plot.left + laneWidth, x2: plot.right, y1: px(yOf(lane.top)), y2: px(yOf(lane.top)), stroke: colors.grid }));
    parts.push(text(fitText(lane.series.label, laneWidth - 10, 12), { x: plot.left + laneWidth - 8, y: px(y + 4), "font-size": 12, fill: colors.axis, "text-anchor": "end" }));
  }
  for (const mark of layout.marks) {
    parts.push(
      el(
        "path",
        {
          d: symbol(SYMBOLS[mark.series.shape], markSize)()!,
          transform: `translate(${px(x(mark.point.x))},${px(yOf(mark.top))})`,
          fill: mark.point.color,
          stroke: colors.background,
          "stroke-width": 0.75,
        },
        el("title", {}, escape(`${mark.point.title} (${mark.point.dateLabel})`)),
      ),
    );
  }
  // The screen's labels, on the same rows; smaller when the image squeezes the rows.
  const labelSize = px(Math.max(8, LABEL_FONT_SIZE * Math.min(1, scale)));
  for (const label of layout.labels) {
    const anchorX = plot.left + laneWidth + label.left + (label.side === "left" ? label.width : 0);
    parts.push(
      text(label.text, {
        x: px(anchorX),
        y: px(yOf(label.top) + labelSize * 0.35),
        "font-size": labelSize,
        fill: colors.text,
        "text-anchor": label.side === "left" ? "end" : "start",
        "data-label-for": label.eventId,
      }),
    );
  }
  parts.push(el("line", { x1: plot.left + laneWidth, x2: plot.right, y1: lanesBottom, y2: lanesBottom, stroke: colors.axis }));

  if (spec.overlay) {
    const labelY = lanesBottom + axisHeight + 12;
    const top = labelY + 8;
    const bottom = lanesBottom + axisHeight + overlayHeight - 4;
    const max = Math.max(1, ...spec.overlay.bars.map((bar) => bar.min + bar.extra));
    const y = scaleLinear().domain([0, max]).range([bottom, top]);
    parts.push(text(spec.overlay.label, { x: plot.left, y: labelY, "font-size": 12, "font-weight": 600, fill: colors.text }));
    parts.push(text(compact(max), { x: plot.left + laneWidth - 8, y: top + 10, "font-size": 11, fill: colors.axis, "text-anchor": "end" }));
    parts.push(el("line", { x1: plot.left + laneWidth, x2: plot.right, y1: bottom, y2: bottom, stroke: colors.axis }));
    for (const bar of spec.overlay.bars) {
      const cx = x(bar.x);
      parts.push(el("rect", { x: px(cx - 5), width: 10, y: px(y(bar.min)), height: px(bottom - y(bar.min)), fill: "#009E73" }));
      if (bar.extra > 0)
        parts.push(el("rect", { x: px(cx - 5), width: 10, y: px(y(bar.min + bar.extra)), height: px(y(bar.min) - y(bar.min + bar.extra)), fill: "#009E73", "fill-opacity": 0.35 }));
    }
  }

  let legendX = plot.left + laneWidth;
  const legendY = plot.bottom - 8;
  // While companies are compared the colours name them (the lanes already name the types).
  const several = data.companies && layout.marks.some((mark) => mark.point.company === SEVERAL_COMPANIES.label);
  const keys = data.companies
    ? [...data.companies, ...(several ? [{ name: SEVERAL_COMPANIES.label, color: SEVERAL_COMPANIES.color }] : [])].map((c) => ({
        label: c.name,
        color: c.color,
        shape: "square" as const,
      }))
    : data.series.map((series) => ({ label: series.label, color: series.color, shape: series.shape }));
  for (const key of keys) {
    const label = key.label;
    parts.push(el("path", { d: symbol(SYMBOLS[key.shape], 64)()!, transform: `translate(${px(legendX + 6)},${legendY - 4})`, fill: key.color }));
    parts.push(text(label, { x: px(legendX + 16), y: legendY, "font-size": 12, fill: colors.text }));
    legendX += 28 + label.length * 12 * 0.55;
    if (legendX > plot.right - 60) break;
  }
  return el("g", { "data-role": "plot" }, ...parts);
}

function renderBars(spec: BarsExport, plot: Plot, colors: ThemeColors) {
  const labelWidth = Math.min(320, (plot.right - plot.left) * 0.4);
  const valueWidth = 96;
  const axisHeight = spec.reference ? 40 : 24;
  const left = plot.left + labelWidth;
  const right = plot.right - valueWidth;
  const rowsBottom = plot.bottom - axisHeight;
  const rowHeight = spec.bars.length ? Math.min(34, (rowsBottom - plot.top) / spec.bars.length) : 0;
  const max = Math.max(spec.reference?.value ?? 0, ...spec.bars.map((bar) => bar.high)) * 1.05 || 1;
  const x = scaleLinear().domain([0, max]).range([left, right]).nice();
  const parts: string[] = [];

  for (const tick of x.ticks(5)) {
    parts.push(el("line", { x1: px(x(tick)), x2: px(x(tick)), y1: plot.top, y2: rowsBottom, stroke: colors.grid, "stroke-dasharray": "3 3" }));
    parts.push(text(spec.reference ? `${tick}×` : compact(tick), { x: px(x(tick)), y: rowsBottom + 16, "font-size": 12, fill: colors.axis, "text-anchor": "middle" }));
  }
  spec.bars.forEach((bar, index) => {
    const y = plot.top + index * rowHeight;
    const barHeight = Math.max(4, rowHeight * 0.7);
    const barY = y + (rowHeight - barHeight) / 2;
    const fontSize = Math.min(13, Math.max(9, rowHeight * 0.45));
    parts.push(
      text(fitText(bar.label, labelWidth - 10, fontSize), {
        x: left - 8,
        y: px(barY + barHeight / 2 + fontSize * 0.35),
        "font-size": px(fontSize),
        fill: colors.text,
        "text-anchor": "end",
      }),
    );
    parts.push(el("rect", { x: left, y: px(barY), width: px(Math.max(0, x(bar.low) - left)), height: px(barHeight), fill: spec.colors?.[index] ?? spec.color }));
    if (bar.high > bar.low) {
      parts.push(
        el("rect", { x: px(x(bar.low)), y: px(barY), width: px(x(bar.high) - x(bar.low)), height: px(barHeight), fill: spec.colors?.[index] ?? spec.color, "fill-opacity": 0.35 }),
      );
    }
    parts.push(text(bar.valueLabel, { x: px(x(bar.high) + 6), y: px(barY + barHeight / 2 + fontSize * 0.35), "font-size": px(fontSize), fill: colors.muted }));
  });
  parts.push(el("line", { x1: left, x2: left, y1: plot.top, y2: rowsBottom, stroke: colors.axis }));
  if (spec.reference) {
    const rx = px(x(spec.reference.value));
    parts.push(el("line", { x1: rx, x2: rx, y1: plot.top, y2: rowsBottom, stroke: colors.baseline, "stroke-width": 1.5 }));
    parts.push(text(spec.reference.label, { x: rx, y: rowsBottom + 34, "font-size": 12, fill: colors.axis, "text-anchor": "middle" }));
  }
  return el("g", { "data-role": "plot" }, ...parts);
}

function compact(value: number) {
  return Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}
