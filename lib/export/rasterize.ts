// SVG → PNG on the server with resvg, at 1×–4×. System fonts are never loaded, so an image looks
// the same on every machine.
import { Resvg, type ResvgRenderOptions } from "@resvg/resvg-js";
import { ttfFontFiles } from "@/lib/export/fonts";

export function resvgOptions(width: number, scale: number, fontFiles = ttfFontFiles()): ResvgRenderOptions {
  return {
    fitTo: { mode: "width", value: Math.round(width * scale) },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Geist" },
  };
}

export function rasterizeSvg(svg: string, width: number, scale: number): Buffer {
  return new Resvg(svg, resvgOptions(width, scale)).render().asPng();
}
