// GET /api/charts/<chart>.<png|svg|csv|json>?<same filters as the pages>&width=&height=&scale=&theme=
// Server-rendered chart images with their title, filters, sources and "as of" drawn in, and the
// data behind them. The ETag changes when the data does; a matching If-None-Match gets a 304.
import { createHash } from "node:crypto";
import { connection, type NextRequest } from "next/server";
import { buildChartExport } from "@/lib/export/build";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import { embeddedFontCss } from "@/lib/export/fonts";
import { rasterizeSvg } from "@/lib/export/rasterize";
import { parseChartRequest } from "@/lib/export/request";
import { exportFileName, toCsv, toJson } from "@/lib/export/tables";
import { getDataVersion } from "@/lib/facts/queries";
import { resolveEventScope } from "@/lib/filters/scope";
import { errorResponse, UserFacingError } from "@/lib/http/errors";

const CONTENT_TYPES = { png: "image/png", svg: "image/svg+xml; charset=utf-8", csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };

export async function GET(request: NextRequest, { params }: { params: Promise<{ chart: string }> }) {
  await connection();
  try {
    const query = request.nextUrl.searchParams;
    const parsed = parseChartRequest((await params).chart, query);
    const { asOf, version } = await getDataVersion();
    const canonical = [...query.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join("&");
    const etag = `"${createHash("sha1").update(`${version}|${parsed.chart}.${parsed.format}|${canonical}|${process.env.NEXT_BUILD_ID ?? ""}`).digest("base64url")}"`;
    const cacheHeaders = { ETag: etag, "Cache-Control": "public, max-age=0, must-revalidate" };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: cacheHeaders });

    const scope = await resolveEventScope(parsed.filters);
    if (scope.notices.length) {
      throw new UserFacingError(400, "invalid_filter", scope.notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));
    }
    const spec = await buildChartExport(parsed.chart, scope, { origin: request.nextUrl.origin, overlay: parsed.overlay, asOf, comparison: parsed.comparison });
    const headers = { ...cacheHeaders, "Content-Type": CONTENT_TYPES[parsed.format], "Content-Disposition": `inline; filename="${exportFileName(spec, parsed.format)}"` };

    if (parsed.format === "csv") return new Response(toCsv(spec.rows), { headers });
    if (parsed.format === "json") return new Response(toJson(spec), { headers });
    const width = parsed.image.width ?? 1200;
    const height = parsed.image.height ?? defaultHeight(spec, width);
    const svg = renderChartSvg(spec, { width, height, theme: parsed.image.theme, fontCss: await embeddedFontCss() });
    if (parsed.format === "svg") return new Response(svg, { headers });
    return new Response(new Uint8Array(rasterizeSvg(svg, width, parsed.image.scale)), { headers });
  } catch (error) {
    return errorResponse(error, "/api/charts");
  }
}
