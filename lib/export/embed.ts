// Embeds: a chart as a page of its own for other sites' iframes (/embed/<chart>?<filters>), the
// iframe code to paste, and the oEmbed answer publishing systems ask for. The page is the
// server's SVG (title, filters, sources and the link back drawn in, a tooltip on every mark) and a
// few lines of script that tell the host page its height: no framework, no filter bar.
// Pure: the route hands in the rendered SVG and the addresses.
import type { ChartName } from "@/lib/export/spec";

export const EMBED_WIDTH = 1000;

/** Where the embed of a chart and a query lives, on the site's public origin. */
export function embedUrl(origin: string, chart: ChartName, query: URLSearchParams): string {
  return `${origin}/embed/${chart}${query.size ? `?${query}` : ""}`;
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The iframe to paste: full width, an initial height from the chart's aspect ratio, and a listener
 * that follows the height the embed reports (postMessage "chipwatch:height").
 */
export function embedCode({ src, title, height }: { src: string; title: string; height: number }): string {
  const origin = new URL(src).origin;
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>` +
    `<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!=="chipwatch:height")return;` +
    `document.querySelectorAll('iframe[src^="${escapeAttribute(origin)}/embed/"]').forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`
  );
}

/** The embed page: the chart's SVG scaled to the frame's width, a link back, the height script. */
export function embedPage({ svg, title, viewUrl, nonce }: { svg: string; title: string; viewUrl: string; nonce: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeText(title)} · Chipwatch</title>
<link rel="canonical" href="${escapeAttribute(viewUrl)}">
<style>html,body{margin:0;background:#fff;font:13px/1.4 system-ui,sans-serif;color:#18181b}svg{display:block;width:100%;height:auto}
a{color:#0369a1}p{margin:4px 8px 8px}</style></head>
<body><main>${svg.replace(/^<\?xml[^>]*>\s*/, "")}<p><a href="${escapeAttribute(viewUrl)}" target="_blank" rel="noopener">Explore this view on Chipwatch, every figure with its source →</a></p></main>
<script nonce="${escapeAttribute(nonce)}">(function(){function send(){parent.postMessage({type:"chipwatch:height",height:document.documentElement.scrollHeight},"*")}
addEventListener("load",send);addEventListener("resize",send);if(window.ResizeObserver)new ResizeObserver(send).observe(document.body)})();</script>
</body></html>`;
}

export type OEmbedAnswer = {
  version: "1.0";
  type: "rich";
  provider_name: "Chipwatch";
  provider_url: string;
  title: string;
  html: string;
  width: number;
  height: number;
};

/**
 * Which chart a pasted Chipwatch address shows: the overview and company pages embed their
 * timeline (with the page's filters), /compare its comparison, /embed/<chart> itself. Null for
 * addresses on another site or pages without a chart.
 */
export function chartOfUrl(url: URL, origin: string, charts: readonly ChartName[]): { chart: ChartName; query: URLSearchParams } | null {
  if (url.origin !== origin) return null;
  const query = new URLSearchParams(url.searchParams);
  const embed = /^\/embed\/([a-z]+)$/.exec(url.pathname);
  if (embed && charts.includes(embed[1] as ChartName)) return { chart: embed[1] as ChartName, query };
  if (url.pathname === "/") return { chart: "timeline", query };
  const company = /^\/companies\/([a-z0-9-]+)$/.exec(url.pathname);
  if (company) {
    query.delete("company");
    query.append("company", company[1]!);
    return { chart: "timeline", query };
  }
  if (url.pathname === "/compare") return { chart: "compare", query };
  return null;
}
