// Browser side of exports: embed the fonts, rasterise the SVG on a canvas at 1×–4×, save or copy.
import { FONT_WEIGHTS, fontFaceRule } from "@/lib/export/theme";

let fontCss: Promise<string> | undefined;

/** The same @font-face rules the server embeds, built from /fonts (copies of the geist package's files). */
export function loadFontCss(): Promise<string> {
  fontCss ??= Promise.all(
    FONT_WEIGHTS.map(async ({ weight, file }) => {
      const response = await fetch(`/fonts/${file}.woff2`);
      if (!response.ok) throw new Error(`font ${file} could not be loaded (${response.status})`);
      return fontFaceRule(weight, bytesToBase64(new Uint8Array(await response.arrayBuffer())));
    }),
  ).then((rules) => rules.join(""));
  return fontCss;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser cannot draw on a canvas");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
