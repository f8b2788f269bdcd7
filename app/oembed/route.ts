// GET /oembed?url=<a Chipwatch address>[&maxwidth=&maxheight=][&format=json] — the oEmbed answer
// (https://oembed.com) publishing systems ask for when a Chipwatch link is pasted: a "rich" type
// whose html is the iframe of that view's chart. Addresses elsewhere or without a chart get 404,
// as the specification asks; any format but JSON gets 501.
import { type NextRequest } from "next/server";
import { CHART_NAMES } from "@/lib/export/spec";
import { chartOfUrl, embedCode, embedUrl, EMBED_WIDTH, type OEmbedAnswer } from "@/lib/export/embed";
import { InvalidInput, NotFound } from "@/lib/errors";
import { errorResponse, jsonError } from "@/lib/http/errors";
import { publicOrigin } from "@/lib/http/origin";

export async function GET(request: NextRequest) {
  try {
    const params = request.nextUrl.searchParams;
    const format = params.get("format") ?? "json";
    if (format !== "json") return jsonError(501, "format_not_supported", `format=${format}: only json is answered.`);
    const raw = params.get("url");
    if (!raw) throw new InvalidInput("missing_url", "url= is required: the address of a Chipwatch view.");
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InvalidInput("invalid_url", `url=${raw.slice(0, 200)}: not an address.`);
    }
    const origin = publicOrigin(request.headers);
    const found = chartOfUrl(url, origin, CHART_NAMES);
    if (!found) throw new NotFound("no_embed", `${url.origin}${url.pathname} has no chart to embed on ${origin}.`);
    const bound = (name: string, fallback: number) => {
      const value = Number(params.get(name));
      return Number.isFinite(value) && value >= 200 ? Math.min(value, fallback) : fallback;
    };
    const width = bound("maxwidth", EMBED_WIDTH);
    const height = bound("maxheight", Math.round(width * 0.62));
    const src = embedUrl(origin, found.chart, found.query);
    const title = found.chart === "timeline" ? "Chipwatch timeline of US–China AI-chip events" : "Chipwatch chart";
    const answer: OEmbedAnswer = {
      version: "1.0",
      type: "rich",
      provider_name: "Chipwatch",
      provider_url: `${origin}/`,
      title,
      html: embedCode({ src, title, height }),
      width,
      height,
    };
    return Response.json(answer, { headers: { "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error, "/oembed", request);
  }
}
