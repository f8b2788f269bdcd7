// SVG → PNG on the server with resvg, at 1×–4×. System fonts are never loaded, so an image looks
// the same on every machine.
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { ttfFontFiles } from "@/lib/export/fonts";

type ResvgModule = typeof import("@resvg/resvg-js");

/**
 * resvg, loaded once per process and kept (instrumentation.ts loads it at start-up). Its loader
 * probes libc with process.report.getReport(), ~150 ms in a busy server; imported at the top of
 * the chart route, it was loaded again by each of a burst of first requests (100 concurrent
 * requests to a fresh server waited 15 s). Later calls take the kept module and require nothing.
 */
export function resvg(): ResvgModule {
  const holder = globalThis as { chipwatchResvg?: ResvgModule };
  holder.chipwatchResvg ??= createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  return holder.chipwatchResvg;
}

export function resvgOptions(width: number, scale: number, fontFiles = ttfFontFiles()): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: Math.round(width * scale) },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Geist" },
  };
}

export function rasterizeSvg(svg: string, width: number, scale: number): Buffer {
  const { Resvg } = resvg();
  return new Resvg(svg, resvgOptions(width, scale)).render().asPng();
}
