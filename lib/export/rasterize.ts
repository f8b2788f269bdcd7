// SVG → PNG on the server with resvg, at 1×–4×. System fonts are never loaded, so an image looks
// the same on every machine.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Piscina from "piscina";
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

/** Rasterisations running at once (one per core) and waiting at most; beyond that, refused. */
export const RENDER_CONCURRENCY = 2;
export const RENDER_QUEUE_LIMIT = 8;

/** Thrown when RENDER_QUEUE_LIMIT renders already wait: the route answers 503 with Retry-After. */
export class RenderQueueFullError extends Error {}

// Loaded by path, outside the bundle: npm start and the tests run from the repository root.
const WORKER_FILE = path.resolve(process.cwd(), "lib/export/rasterize-worker.mjs");

function pool(): Piscina {
  const holder = globalThis as { chipwatchRasterPool?: Piscina };
  holder.chipwatchRasterPool ??= new Piscina({
    filename: pathToFileURL(WORKER_FILE).href,
    minThreads: 0,
    maxThreads: RENDER_CONCURRENCY,
    maxQueue: RENDER_QUEUE_LIMIT,
    idleTimeout: 30_000,
  });
  return holder.chipwatchRasterPool;
}

/**
 * SVG → PNG in a pool of worker threads (piscina): rendering and PNG encoding never run on the
 * event loop, so while a 4000×2500×2 image is drawn every other request is still answered. At
 * most RENDER_CONCURRENCY at once; a burst beyond the queue limit is refused at once.
 */
export async function rasterizeSvgOffThread(svg: string, width: number, scale: number): Promise<Buffer> {
  const current = pool();
  if (current.queueSize >= RENDER_QUEUE_LIMIT) throw new RenderQueueFullError("Chipwatch is drawing as many images as it can; try again in a few seconds.");
  const png = (await current.run({ svg, options: resvgOptions(width, scale) }).catch((error: unknown) => {
    // Two requests can pass the check above together; piscina's own limit then refuses one.
    throw error instanceof Error && /queue is at limit/i.test(error.message)
      ? new RenderQueueFullError("Chipwatch is drawing as many images as it can; try again in a few seconds.")
      : error;
  })) as Uint8Array;
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

/** How many rasteriser threads exist and how many tasks they finished (for tests and health). */
export function rasterizerStats(): { threads: number; completed: number } {
  const current = pool();
  return { threads: current.threads.length, completed: current.completed };
}
