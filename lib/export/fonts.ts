// Font files for exported images (server side). The SVG embeds WOFF2 as data: URLs so it renders
// the same on machines without Geist; resvg cannot draw text from WOFF2 (silently), so the PNG
// rasteriser is given the TTF files of the same fonts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { FONT_WEIGHTS, fontFaceRule } from "@/lib/export/theme";

// The geist package does not export its font files as modules; they are read from disk. Every
// entry point (npm start, tests, scripts) runs from the project root.
function geistDir() {
  return path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
}

/** Absolute paths of the TTF files, for resvg's fontFiles. */
export function ttfFontFiles(): string[] {
  return FONT_WEIGHTS.map(({ file }) => path.join(geistDir(), `${file}.ttf`));
}

let cachedCss: Promise<string> | undefined;

/** @font-face rules with the WOFF2 files inlined, for the <style> of an exported SVG. */
export function embeddedFontCss(): Promise<string> {
  cachedCss ??= Promise.all(
    FONT_WEIGHTS.map(async ({ weight, file }) => {
      const data = await readFile(path.join(geistDir(), `${file}.woff2`));
      return fontFaceRule(weight, data.toString("base64"));
    }),
  ).then((rules) => rules.join(""));
  return cachedCss;
}
