// GET /embed/<chart>?<the dashboard's filters> — the chart alone, for another site's iframe: title,
// filters, sources and the link back drawn in, a tooltip on every mark, and a script that reports
// the page's height to the host (lib/export/embed.ts). Only /embed/* may be framed (proxy.ts).
import { createHash } from "node:crypto";
import { connection, type NextRequest } from "next/server";
import { getDataVersion } from "@/lib/data/version";
import { buildChartExport } from "@/lib/export/build";
import { renderOnce } from "@/lib/export/cache";
import { embedPage, EMBED_WIDTH } from "@/lib/export/embed";
import { defaultHeight, renderChartSvg } from "@/lib/export/render";
import { parseChartRequest } from "@/lib/export/request";
import { InvalidInput } from "@/lib/errors";
import { resolveEventScope } from "@/lib/filters/scope";
import { errorResponse } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/http/origin";

export async function GET(request: NextRequest, { params }: { params: Promise<{ chart: string }> }) {
  await connection();
  try {
    const query = request.nextUrl.searchParams;
    const parsed = parseChartRequest(`${(await params).chart}.svg`, query);
    const origin = publicOrigin(request.headers);
    const { asOf, version } = await getDataVersion();
    const canonical = [...query.entries()].sort(([a], [b]) => a.localeCompare(b)).join("&");
    const key = `embed|${createHash("sha1").update(`${version}|${origin}|${parsed.chart}|${canonical}`).digest("base64url")}`;
    // The SVG is rendered once per data version and view; the page around it carries this request's nonce.
    const rendered = await renderOnce(key, async () => {
      const scope = await resolveEventScope(parsed.filters);
      if (scope.notices.length) throw new InvalidInput("invalid_filter", scope.notices.map((n) => `${n.key}=${n.value}: ${n.message}`).join("; "));
      const spec = await buildChartExport(parsed.chart, scope, { origin, overlay: parsed.overlay, asOf, comparison: parsed.comparison });
      const svg = renderChartSvg(spec, { width: EMBED_WIDTH, height: defaultHeight(spec, EMBED_WIDTH), theme: parsed.image.theme });
      return { body: svg, fileName: `${spec.meta.title}\n${spec.meta.url}` };
    });
    const [title, viewUrl] = rendered.fileName.split("\n") as [string, string];
    const html = embedPage({ svg: String(rendered.body), title, viewUrl, nonce: request.headers.get("x-nonce") ?? "" });
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error, "/embed", request);
  }
}
