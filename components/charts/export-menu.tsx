"use client";
// Every chart's export menu: PNG (1×/2×/4×), SVG, CSV, JSON, copy image, copy image link. The
// image is drawn by the same renderer as /api/charts/*, so downloads and image URLs match.
import { useState } from "react";
import { loadFontCss, saveBlob, svgToPng } from "@/lib/export/browser";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import type { ChartExport } from "@/lib/export/spec";
import { exportFileName, toCsv, toJson } from "@/lib/export/tables";
import type { ExportTheme } from "@/lib/export/theme";

const WIDTH = 1200;

export function ExportMenu({ spec, imagePath }: { spec: ChartExport; imagePath: string }) {
  const [scale, setScale] = useState(2);
  const [theme, setTheme] = useState<ExportTheme>("light");
  const [status, setStatus] = useState("");
  const height = defaultHeight(spec, WIDTH);

  const svg = async () => renderChartSvg(spec, { width: WIDTH, height, theme, fontCss: await loadFontCss() });
  const png = async () => svgToPng(await svg(), WIDTH, height, scale);
  const run = (label: string, action: () => Promise<void>) => async () => {
    setStatus(`${label}…`);
    try {
      await action();
      setStatus(`${label}: done`);
    } catch (error) {
      setStatus(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const imageUrl = () => {
    const url = new URL(imagePath, window.location.origin);
    url.searchParams.set("scale", String(scale));
    if (theme === "dark") url.searchParams.set("theme", "dark");
    return url.toString();
  };

  return (
    <details className="relative text-xs">
      <summary className="cursor-pointer list-none rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700">Export</summary>
      <div className="absolute right-0 z-30 mt-1 grid w-56 gap-1 rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <label className="flex items-center justify-between gap-2">
          PNG scale
          <select aria-label="PNG scale" value={scale} onChange={(event) => setScale(Number(event.target.value))} className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700">
            <option value={1}>1×</option>
            <option value={2}>2×</option>
            <option value={4}>4×</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={theme === "dark"} onChange={(event) => setTheme(event.target.checked ? "dark" : "light")} />
          Dark background
        </label>
        <MenuButton onClick={run("Download PNG", async () => saveBlob(await png(), exportFileName(spec, "png")))}>Download PNG</MenuButton>
        <MenuButton onClick={run("Download SVG", async () => saveBlob(new Blob([await svg()], { type: "image/svg+xml" }), exportFileName(spec, "svg")))}>Download SVG</MenuButton>
        <MenuButton onClick={run("Download CSV", async () => saveBlob(new Blob([toCsv(spec.rows)], { type: "text/csv" }), exportFileName(spec, "csv")))}>Download CSV</MenuButton>
        <MenuButton onClick={run("Download JSON", async () => saveBlob(new Blob([toJson(spec)], { type: "application/json" }), exportFileName(spec, "json")))}>Download JSON</MenuButton>
        <MenuButton
          onClick={run("Copy image", async () => {
            if (!navigator.clipboard?.write || typeof ClipboardItem === "undefined") throw new Error("this browser does not allow copying images");
            await navigator.clipboard.write([new ClipboardItem({ "image/png": png() })]);
          })}
        >
          Copy image
        </MenuButton>
        <MenuButton
          onClick={run("Copy image link", async () => {
            if (!navigator.clipboard?.writeText) throw new Error("this browser does not allow copying");
            await navigator.clipboard.writeText(imageUrl());
          })}
        >
          Copy image link
        </MenuButton>
        <p role="status" aria-live="polite" className="min-h-4 text-zinc-500 dark:text-zinc-400">
          {status}
        </p>
      </div>
    </details>
  );
}

function MenuButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button type="button" onClick={onClick} className="rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800">
      {children}
    </button>
  );
}
