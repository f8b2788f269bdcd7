// The exported image carries its provenance as text, escapes what it prints, and resvg really
// draws that text (it silently draws none from WOFF2 fonts).
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { toTimelineChartData } from "@/lib/charts/timeline";
import type { TimelineEventRow } from "@/lib/events/queries";
import { embeddedFontCss, ttfFontFiles } from "./fonts";
import { rasterizeSvg, resvgOptions } from "./rasterize";
import { defaultHeight, renderChartSvg, sourcesLine } from "./render";
import { timelineExport, totalsExport } from "./spec";
import { csvCell, exportFileName, toCsv } from "./tables";

const events: TimelineEventRow[] = [
  {
    id: 1,
    slug: "cadence",
    title: "Cadence agrees to plead guilty <and> pay",
    type: "penalty",
    date: "2025-07-28",
    datePrecision: "day",
    outlet: "koreaherald.com",
    sourceUrl: "https://www.koreaherald.com/article/10542081",
    sourceKind: "news",
    sourcePublished: "2025-07-29",
    keyFigure: {
      metric: "total_penalty",
      value: 140e6,
      valueMax: null,
      unit: "USD",
      bound: "at_least",
      quote: "=pay more than $140 million",
      factId: 9,
      articleId: 4,
      url: "https://www.koreaherald.com/article/10542081",
    },
  },
];
const meta = {
  chart: "timeline" as const,
  title: "Timeline of 1 event",
  subtitle: "Nvidia · Penalty · Jan–Dec 2025",
  asOf: "2026-11-29",
  url: "http://localhost:3000/?company=nvidia",
  filterSlug: "nvidia-penalty-2025-01-2025-12",
};
const spec = timelineExport(meta, events, toTimelineChartData(events), null);

describe("renderChartSvg", () => {
  it("draws title, filter subtitle, sources, fact count, as-of date and URL into the SVG", () => {
    const svg = renderChartSvg(spec, { width: 1200, height: defaultHeight(spec, 1200), theme: "light" });
    expect(svg).toContain(">Timeline of 1 event</text>");
    expect(svg).toContain(">Nvidia · Penalty · Jan–Dec 2025</text>");
    expect(svg).toContain("Sources: The Korea Herald (news, 29 Jul 2025)");
    expect(svg).toContain("1 fact shown · Data as of 29 Nov 2026 · Chipwatch · http://localhost:3000/?company=nvidia");
    // Titles from articles are escaped, never markup.
    expect(svg).toContain("Cadence agrees to plead guilty &lt;and&gt; pay");
    expect(svg).not.toContain("<and>");
  });

  it("embeds the fonts so the SVG looks the same without Geist installed", async () => {
    const svg = renderChartSvg(spec, { width: 800, height: 500, theme: "dark", fontCss: await embeddedFontCss() });
    expect(svg).toMatch(/@font-face\{font-family:"Geist";font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}/);
    expect(svg).toContain('fill="#09090b"');
  });

  it("lists as many sources as fit, then says how many more", () => {
    const many = { ...meta, sources: Array.from({ length: 30 }, (_, i) => ({ outlet: `outlet-${i}.example`, kind: "other" as const, date: null })), factCount: 30 };
    const line = sourcesLine(many, 120);
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line).toMatch(/^Sources: outlet-0\.example \(other\), .*, and \d+ more$/);
    const primaryOnly = sourcesLine({ ...many, sourceScope: "Primary sources only" }, 120);
    expect(primaryOnly).toMatch(/^Primary sources only\. Sources: outlet-0\.example \(other\), .*, and \d+ more$/);
    expect(primaryOnly.length).toBeLessThanOrEqual(120);
  });
});

describe("rasterizeSvg", () => {
  const textOnly = (fontCss = "") =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><style>${fontCss}</style><rect width="400" height="100" fill="#fff"/><text x="10" y="60" font-family="Geist" font-size="40" fill="#000">Chipwatch 140</text></svg>`;
  const darkPixels = (pixels: Buffer) => {
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) count++;
    return count;
  };

  it("draws text with the TTF fonts, where WOFF2 alone draws nothing", () => {
    const withTtf = new Resvg(textOnly(), resvgOptions(400, 1)).render();
    expect(darkPixels(withTtf.pixels)).toBeGreaterThan(1500);
    const woff2 = ttfFontFiles().map((file) => file.replace(/\.ttf$/, ".woff2"));
    const withWoff2 = new Resvg(textOnly(), resvgOptions(400, 1, woff2)).render();
    expect(darkPixels(withWoff2.pixels)).toBe(0);
  });

  it("produces a PNG of width × scale", () => {
    const svg = renderChartSvg(spec, { width: 600, height: 400, theme: "light" });
    const png = rasterizeSvg(svg, 600, 2);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 800]);
  });
});

describe("CSV and file names", () => {
  it("neutralises spreadsheet formulas and quotes what needs quoting", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell(-5)).toBe("-5");
    expect(toCsv(spec.rows).split("\r\n")[1]).toContain(",'=pay more than $140 million,");
  });

  it("names files for what they are", () => {
    expect(exportFileName(spec, "png", new Date("2026-11-29T10:00:00Z"))).toBe("chipwatch-timeline-nvidia-penalty-2025-01-2025-12-2026-11-29.png");
    const unfiltered = totalsExport({ ...meta, chart: "penalties", filterSlug: "" }, [], [], "#000");
    expect(exportFileName(unfiltered, "csv", new Date("2026-11-29T10:00:00Z"))).toBe("chipwatch-penalties-2026-11-29.csv");
  });

  it("ships the same WOFF2 files to browsers as the server embeds", () => {
    for (const file of ttfFontFiles()) {
      const name = file.split("/").at(-1)!.replace(".ttf", ".woff2");
      expect(readFileSync(`public/fonts/${name}`).equals(readFileSync(file.replace(/\.ttf$/, ".woff2")))).toBe(true);
    }
  });
});
