// Rendered pages for readers, kept under the data version. A dashboard page is the same for every
// anonymous reader until an editor saves, so it is rendered once per version (and per page state
// and host) and then served from memory: under 100 concurrent readers the server answers from
// here instead of rendering the same 160 kB a hundred times. Editors (session cookie), client-side
// navigations and prefetches (anything but a document request) and anything but GET/HEAD always
// render. Kept by lru-cache, bounded by bytes (CHIPWATCH_PAGE_CACHE_MB, default 128), keyed on the
// page's own parameters (lib/http/page-key.ts): unknown parameters are redirected away, never kept.
//
// The CSP nonce is per response: a cached page's nonce is replaced by the new response's own, so
// a nonce is never reused across responses.
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { readDataVersion } from "@/lib/data/version";
import { publicOrigin } from "@/lib/http/origin";
import { pageKey } from "@/lib/http/page-key";
import { LRUCache } from "lru-cache";
import { request as httpRequest } from "node:http";
import { randomBytes } from "node:crypto";

/** Marks the proxy's own render request, so it is rendered instead of answered from the cache. */
const RENDER_HEADER = "x-chipwatch-render";
const RENDER_TOKEN = randomBytes(16).toString("hex");
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_BYTES = Number(process.env.CHIPWATCH_PAGE_CACHE_MB ?? 128) * 1024 * 1024;

type CachedPage = { status: number; headers: [string, string][]; body: string; nonce: string; keep: boolean };
/** One render: the fetch keeps the page when it is worth keeping, and hands it over either way. */
type RenderContext = { render: () => Promise<CachedPage>; unkept?: CachedPage };

const pages = new LRUCache<string, CachedPage, RenderContext>({
  maxSize: MAX_BYTES,
  // Strings are two bytes a character in memory.
  sizeCalculation: (page) => page.body.length * 2 + 1024,
  ttl: 60 * 60_000,
  fetchMethod: async (_key, _stale, { context }) => {
    const page = await context.render();
    if (page.keep) return page;
    // Only complete, successful pages are worth keeping.
    context.unkept = page;
    return undefined;
  },
});
let pagesVersion: string | null = null;

export function pageCacheEnabled(): boolean {
  return process.env.CHIPWATCH_PAGE_CACHE !== "0";
}

/** Is this a request the cache may answer? */
export function isCacheablePageRequest(request: Request, pathname: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.get(RENDER_HEADER) === RENDER_TOKEN) return false;
  if (pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return false;
  // Editors see their own work and controls; client navigations ask for RSC payloads.
  if (request.headers.get("cookie")?.includes(`${SESSION_COOKIE}=`)) return false;
  if (request.headers.has("rsc") || request.headers.has("next-router-prefetch") || request.headers.has("next-action")) return false;
  // Next.js strips its own RSC markers (the RSC and Next-Router-* headers, `_rsc`) before the
  // proxy runs, so a client navigation or prefetch looked like a page request and got the cached
  // HTML page: a full reload on every filter change. What Next leaves is the browser's own Fetch
  // metadata: only a document navigation is answered here (or, from a client without Fetch
  // metadata, a request that asks for HTML); everything else goes to Next.
  if (!asksForDocument(request)) return false;
  return pageKey(pathname, new URL(request.url).searchParams) !== null;
}

function asksForDocument(request: Request): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  if (destination) return destination === "document";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/**
 * The page for this request: from the cache when this URL was rendered under the current data
 * version, else rendered once (concurrent requests share the render) by asking this server again
 * with the render header. The body's nonce is replaced by `nonce`.
 */
export async function cachedPage(request: Request, url: URL, nonce: string): Promise<Response> {
  const page = pageKey(url.pathname, url.searchParams);
  if (!page) throw new Error(`not a cacheable page: ${url.pathname}`);
  // Keyed on the public origin the page prints (lib/http/origin.ts), not on raw forwarded headers;
  // a redirect names that origin too (the proxy takes only absolute addresses).
  const origin = new URL(publicOrigin(request.headers));
  if ("redirect" in page) return new Response(null, { status: 307, headers: { location: new URL(page.redirect, origin).toString(), "x-chipwatch-cache": "redirect" } });
  const { version } = await readDataVersion();
  if (version !== pagesVersion) {
    pages.clear();
    pagesVersion = version;
  }
  const key = `${origin.origin}|${page.key}`;
  const hit = pages.has(key);
  const context: RenderContext = { render: () => render(request, url) };
  const rendered = (await pages.fetch(key, { context })) ?? context.unkept ?? (await render(request, url));
  const body = rendered.nonce ? rendered.body.replaceAll(rendered.nonce, nonce) : rendered.body;
  const headers = new Headers(rendered.headers);
  headers.set("x-chipwatch-cache", hit ? "hit" : "miss");
  return new Response(request.method === "HEAD" ? null : body, { status: rendered.status, headers });
}

async function render(request: Request, url: URL): Promise<CachedPage> {
  const headers: Record<string, string> = {};
  // The page prints its public origin (lib/http/origin.ts): it sees the reader's own Host and
  // forwarded headers, and decides from them exactly as it would for the reader.
  for (const name of ["accept", "accept-language", "user-agent", "host", "x-forwarded-host", "x-forwarded-proto"]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  headers[RENDER_HEADER] = RENDER_TOKEN;
  // This same server, on the port it listens on (`npm start` sets PORT; `next start -p` alone does
  // not). node:http rather than fetch, which would replace the Host header with 127.0.0.1.
  const port = Number(process.env.PORT || url.port || 3000);
  const response = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, path: `${url.pathname}${url.search}`, headers, setHost: false }, (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PAGE_BYTES) incoming.destroy(new Error(`page too large to cache: more than ${MAX_PAGE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      incoming.on("error", reject);
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 500, headers: incoming.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
  const { body } = response;
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  };
  const nonce = /'nonce-([^']+)'/.exec(header("content-security-policy") ?? "")?.[1] ?? "";
  // A widget that failed while streaming leaves React's error-boundary script in a 200 page: that
  // page is served once, never kept.
  const keep = response.status === 200 && !body.includes("$RX(");
  const kept = ["content-type", "cache-control", "vary", "location"].flatMap((name): [string, string][] => {
    const value = header(name);
    return value === null ? [] : [[name, value]];
  });
  return { status: response.status, headers: kept, body, nonce, keep };
}
