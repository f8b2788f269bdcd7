// GET /api/charts/<chart>.<png|svg|csv|json|spec>?<same filters as the pages>&width=&height=&scale=&theme=
// Server-rendered chart images with their title, filters, sources and "as of" drawn in, and the
// data behind them. The ETag changes when the data does; a matching If-None-Match gets a 304.
import { publicOrigin } from "@/lib/http/origin";
import { createHash } from "node:crypto";
import { connection, type NextRequest } from "next/server";
import { buildChartExport } from "@/lib/export/build";
import type { ChartExport } from "@/lib/export/spec";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import { renderOnce, type RenderedFile } from "@/lib/export/cache";
import { embeddedFontCss } from "@/lib/export/fonts";
import { rasterizeSvgOffThread, RenderQueueFullError } from "@/lib/export/rasterize";
import { parseChartRequest } from "@/lib/export/request";
import { exportFileName, toCsv, toJson } from "@/lib/export/tables";
import { getDataVersion } from "@/lib/data/version";
import { resolveEventScope } from "@/lib/filters/scope";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { InvalidInput } from "@/lib/errors";
import { errorResponse, jsonError } from "@/lib/http/errors";
import { createRateLimiter } from "@/lib/http/rate-limit";

const CONTENT_TYPES = {
  png: "image/png",
  svg: "image/svg+xml; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  spec: "application/json; charset=utf-8",
};

// Per client, shared by every instance: enough for an editor exporting every chart at every size,
// not for a script asking for thousands of distinct images. CHIPWATCH_IMAGE_RATE_LIMIT per minute
// (0: off, for benchmarks that drive the renderer from one address).
const takeImage = createRateLimiter({ name: "images", requests: Number(process.env.CHIPWATCH_IMAGE_RATE_LIMIT ?? 60), windowMs: 60_000 });

export async function GET(request: NextRequest, { params }: { params: Promise<{ chart: string }> }) {
  await connection();
  try {
    const query = request.nextUrl.searchParams;
    const parsed = parseChartRequest((await params).chart, query);
    if (parsed.format === "png" || parsed.format === "svg") {
      const wait = await takeImage(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
      if (wait > 0) return jsonError(429, "too_many_images", `Too many chart images from this address; try again in ${wait} s.`, { "Retry-After": String(wait) });
    }
    const { asOf, version } = await getDataVersion();
    // The data version, the host printed in the footer and the request: what the file depends on.
    const canonical = [...query.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const etag = `"${createHash("sha1")
      .update(`${version}|${publicOrigin(request.headers)}|${parsed.chart}.${parsed.format}|${canonical}`)
      .digest("base64url")}"`;
    const cacheHeaders = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: cacheHeaders });
    const file = await renderOnce(etag, async () => {
      const scope = await resolveEventScope(parsed.filters);
      if (scope.notices.length) {
        throw new InvalidInput("invalid_filter", scope.notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));
      }
      const spec = await buildChartExport(parsed.chart, scope, {
        origin: publicOrigin(request.headers),
        overlay: parsed.overlay,
        asOf,
        dataVersion: String(version),
        comparison: parsed.comparison,
      });
      return { body: await render(spec), fileName: exportFileName(spec, parsed.format === "spec" ? "json" : parsed.format) };
    });
    return fileResponse(file, parsed.format, cacheHeaders);

    async function render(spec: ChartExport): Promise<Uint8Array | string> {
      if (parsed.format === "csv") return toCsv(spec.rows);
      if (parsed.format === "json") return toJson(spec);
      if (parsed.format === "spec") return JSON.stringify(spec);
      const width = parsed.image.width ?? 1200;
      const height = parsed.image.height ?? defaultHeight(spec, width);
      const svg = renderChartSvg(spec, { width, height, theme: parsed.image.theme, fontCss: await embeddedFontCss() });
      return parsed.format === "svg" ? svg : new Uint8Array(await rasterizeSvgOffThread(svg, width, parsed.image.scale));
    }
  } catch (error) {
    if (error instanceof RenderQueueFullError) return jsonError(503, "renderer_busy", error.message, { "Retry-After": "2" });
    return errorResponse(error, "/api/charts", request);
  }
}

function fileResponse(file: RenderedFile, format: keyof typeof CONTENT_TYPES, cacheHeaders: Record<string, string>) {
  const headers = { ...cacheHeaders, "Content-Type": CONTENT_TYPES[format], "Content-Disposition": `inline; filename="${file.fileName}"` };
  return new Response(file.body instanceof Uint8Array ? new Uint8Array(file.body) : file.body, { headers });
}
