"use client";
// Every chart's export menu: PNG (1×/2×/4×), SVG, CSV, JSON, copy image, copy image link, copy
// embed code (an iframe of /embed/<chart> that follows its content's height). The
// image is drawn by the same renderer from the same specification as /api/charts/*, so downloads
// and image URLs match.
import { useState } from "react";
import { saveBlob } from "@/lib/export/browser";
import { citationFor, type Citation } from "@/lib/export/citation";
import { embedCode, embedUrl, EMBED_WIDTH } from "@/lib/export/embed";
import type { ChartName } from "@/lib/export/spec";
import type { ExportTheme } from "@/lib/export/theme";

// The renderer and the chart's rows arrive only when someone exports (lib/export/menu-actions.ts).
const actions = () => import("@/lib/export/menu-actions");

export function ExportMenu({ imagePath }: { imagePath: string }) {
  const [scale, setScale] = useState(2);
  const [theme, setTheme] = useState<ExportTheme>("light");
  const [status, setStatus] = useState("");
  const [citation, setCitation] = useState<Citation | null>(null);

  const withSpec = async () => {
    const menu = await actions();
    return { menu, spec: await menu.loadSpec(imagePath) };
  };
  const png = async () => {
    const { menu, spec } = await withSpec();
    return menu.chartPng(spec, theme, scale);
  };
  const download = (format: "png" | "svg" | "csv" | "json") => async () => {
    const { menu, spec } = await withSpec();
    const name = menu.exportFileName(spec, format);
    if (format === "png") saveBlob(await menu.chartPng(spec, theme, scale), name);
    else if (format === "svg") saveBlob(new Blob([await menu.chartSvg(spec, theme)], { type: "image/svg+xml" }), name);
    else saveBlob(menu.tableFile(spec, format), name);
  };
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
      <div className="absolute right-0 z-30 mt-1 grid w-72 max-w-[calc(100vw-2rem)] gap-1 rounded border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <label className="flex items-center justify-between gap-2">
          PNG scale
          <select
            aria-label="PNG scale"
            value={scale}
            onChange={(event) => setScale(Number(event.target.value))}
            className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700"
          >
            <option value={1}>1×</option>
            <option value={2}>2×</option>
            <option value={4}>4×</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={theme === "dark"} onChange={(event) => setTheme(event.target.checked ? "dark" : "light")} />
          Dark background
        </label>
        <MenuButton onClick={run("Download PNG", download("png"))}>Download PNG</MenuButton>
        <MenuButton onClick={run("Download SVG", download("svg"))}>Download SVG</MenuButton>
        <MenuButton onClick={run("Download CSV", download("csv"))}>Download CSV</MenuButton>
        <MenuButton onClick={run("Download JSON", download("json"))}>Download JSON</MenuButton>
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
        <MenuButton
          onClick={run("Copy embed code", async () => {
            if (!navigator.clipboard?.writeText) throw new Error("this browser does not allow copying");
            const { spec } = await withSpec();
            // The embed lives on the site's public address, the one printed in the chart's footer.
            const image = new URL(imagePath, window.location.origin);
            const chart = image.pathname.replace(/^\/api\/charts\//, "").replace(/\.png$/, "") as ChartName;
            const src = embedUrl(new URL(spec.meta.url).origin, chart, image.searchParams);
            await navigator.clipboard.writeText(embedCode({ src, title: spec.meta.title, height: Math.round(EMBED_WIDTH * 0.62) }));
          })}
        >
          Copy embed code
        </MenuButton>
        <MenuButton
          onClick={run("How to cite", async () => {
            const { spec } = await withSpec();
            setCitation(citationFor(spec.meta));
          })}
        >
          How to cite
        </MenuButton>
        {citation && (
          <section aria-label="How to cite" data-testid="citation" className="grid gap-1 border-t border-zinc-200 pt-1 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
            <p>
              <span className="font-medium">Short: </span>
              {citation.short}
            </p>
            <p>
              <span className="font-medium">Full: </span>
              {citation.long}
            </p>
            <p>
              <span className="font-medium">Rights: </span>
              {citation.licence}
            </p>
            <MenuButton
              onClick={run("Copy citation", async () => {
                if (!navigator.clipboard?.writeText) throw new Error("this browser does not allow copying");
                await navigator.clipboard.writeText(citation.long);
              })}
            >
              Copy full citation
            </MenuButton>
          </section>
        )}
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
