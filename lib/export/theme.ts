// Colours of exported images. Light by default; dark on request. Marks keep their Okabe–Ito
// colours in both, which stay distinguishable on either background.
export type ExportTheme = "light" | "dark";

export type ThemeColors = { background: string; text: string; muted: string; grid: string; axis: string; baseline: string };

export const THEMES: Record<ExportTheme, ThemeColors> = {
  light: { background: "#ffffff", text: "#18181b", muted: "#52525b", grid: "#e4e4e7", axis: "#71717a", baseline: "#18181b" },
  dark: { background: "#09090b", text: "#f4f4f5", muted: "#a1a1aa", grid: "#27272a", axis: "#a1a1aa", baseline: "#f4f4f5" },
};

export const FONT_FAMILY = "Geist, sans-serif";

/** The two weights exported charts use; /public/fonts holds the same WOFF2 files for the browser. */
export const FONT_WEIGHTS = [
  { weight: 400, file: "Geist-Regular" },
  { weight: 600, file: "Geist-SemiBold" },
] as const;

export function fontFaceRule(weight: number, base64Woff2: string): string {
  return `@font-face{font-family:"Geist";font-weight:${weight};src:url(data:font/woff2;base64,${base64Woff2}) format("woff2")}`;
}
