// SVG → PNG on the server with resvg, at 1×–4×. System fonts are never loaded, so an image looks
// the same on every machine.
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { ttfFontFiles } from "@/lib/export/fonts";

type ResvgModule = typeof import("@resvg/resvg-js");

/**
 * resvg's loader asks process.report.getReport() whether libc is musl, which takes ~150 ms in a
 * busy server (it lists every open socket). Loaded through Next's require hook, it was loaded
 * anew by each of a burst of first requests (100 concurrent requests for a chart waited 15 s), so
 * it is loaded once per process with Node's own require and kept.
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
