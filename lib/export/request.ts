// Parsing of image-route requests: /api/charts/<chart>.<format>?<filters>&width=&height=&scale=&theme=
// Machines get strict answers: an out-of-bounds size or an invalid filter value is a 400 that says
// what was wrong, never a silently different image.
import { z } from "zod";
import { parseCompareParams, type CompareParams } from "@/lib/charts/compare-params";
import { parseOverlay } from "@/lib/charts/overlays";
import { CHART_NAMES, type ChartName } from "@/lib/export/spec";
import { SIZE_LIMITS } from "@/lib/export/render";
import { parseFilters } from "@/lib/filters/schema";
import { InvalidInput, NotFound } from "@/lib/errors";

// "spec" is the chart specification itself: the browser export menu draws from it on demand.
export const EXPORT_FORMATS = ["png", "svg", "csv", "json", "spec"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MAX_PIXELS = 40_000_000;

const imageOptionsSchema = z.object({
  width: z.coerce.number().int().min(SIZE_LIMITS.minWidth).max(SIZE_LIMITS.maxWidth).optional(),
  height: z.coerce.number().int().min(SIZE_LIMITS.minHeight).max(SIZE_LIMITS.maxHeight).optional(),
  scale: z.coerce.number().min(1).max(4).default(2),
  theme: z.enum(["light", "dark"]).default("light"),
});

export type ChartRequest = {
  chart: ChartName;
  format: ExportFormat;
  filters: ReturnType<typeof parseFilters>["filters"];
  overlay: ReturnType<typeof parseOverlay>;
  image: z.infer<typeof imageOptionsSchema>;
  comparison: CompareParams;
};

export function parseChartRequest(file: string, params: URLSearchParams): ChartRequest {
  const match = /^([a-z]+)\.([a-z]+)$/.exec(file);
  const chart = match?.[1] as ChartName | undefined;
  const format = match?.[2] as ExportFormat | undefined;
  if (!chart || !CHART_NAMES.includes(chart) || !format || !EXPORT_FORMATS.includes(format)) {
    throw new NotFound("unknown_chart", `No chart "${file}". Charts: ${CHART_NAMES.join(", ")}; formats: ${EXPORT_FORMATS.join(", ")}.`);
  }
  // The comparison builder's own parameters are not event filters.
  const filterParams = new URLSearchParams([...params].filter(([key]) => !["entity", "metric", "baseline"].includes(key)));
  const { filters, notices } = parseFilters(filterParams);
  if (notices.length) {
    throw new InvalidInput("invalid_filter", notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));
  }
  const overlayParam = params.get("overlay");
  const overlay = parseOverlay(overlayParam ?? undefined);
  if (overlayParam && !overlay) throw new InvalidInput("invalid_overlay", `overlay=${overlayParam}: expected orders, penalties or charges`);
  const parsed = imageOptionsSchema.safeParse({
    width: params.get("width") ?? undefined,
    height: params.get("height") ?? undefined,
    scale: params.get("scale") ?? undefined,
    theme: params.get("theme") ?? undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInput("invalid_image_option", `${issue.path.join(".")}: ${issue.message}`);
  }
  const { width = 1200, height, scale } = parsed.data;
  if (width * scale * (height ?? width) * scale > MAX_PIXELS) {
    throw new InvalidInput("image_too_large", `width × height × scale² exceeds ${MAX_PIXELS.toLocaleString("en-US")} pixels`);
  }
  const comparison = parseCompareParams(params);
  if (chart === "compare" && comparison.notices.length) throw new InvalidInput("invalid_comparison", comparison.notices.join("; "));
  return { chart, format, filters, overlay, image: parsed.data, comparison: comparison.value };
}
