// Rendered pages for readers, kept under the data version. A dashboard page is the same for every
// anonymous reader until an editor saves, so it is rendered once per version (and per URL and
// host) and then served from memory: under 100 concurrent readers the server answers from here
// instead of rendering the same 160 kB a hundred times. Editors (session cookie), client-side
// navigations and prefetches (anything but a document request) and anything but GET/HEAD always
// render.
//
// The CSP nonce is per response: a cached page's nonce is replaced by the new response's own, so
// a nonce is never reused across responses.
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { readDataVersion } from "@/lib/data/version";
import { publicOrigin } from "@/lib/http/origin";
import { request as httpRequest } from "node:http";
import { randomBytes } from "node:crypto";

/** Marks the proxy's own render request, so it is rendered instead of answered from the cache. */
const RENDER_HEADER = "x-chipwatch-render";
const RENDER_TOKEN = randomBytes(16).toString("hex");
const MAX_PAGES = 500;
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

type CachedPage = { status: number; headers: [string, string][]; body: string; nonce: string; keep: boolean };
let pages = new Map<string, Promise<CachedPage>>();
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
  return ["/", "/events", "/companies", "/compare"].includes(pathname) || /^\/(events|companies|articles)\/[^/]+$/.test(pathname);
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
  const { version } = await readDataVersion();
  if (version !== pagesVersion) {
    pages = new Map();
    pagesVersion = version;
  }
  // Keyed on the public origin the page prints (lib/http/origin.ts), not on raw forwarded headers.
  const origin = new URL(publicOrigin(request.headers));
  const key = `${origin.origin}|${url.pathname}${url.search}`;
  let page = pages.get(key);
  if (!page) {
    page = render(request, url);
    const owner = pages;
    owner.set(key, page);
    if (owner.size > MAX_PAGES) owner.delete(owner.keys().next().value!);
    // Only complete, successful pages are worth keeping.
    page.then(
      (rendered) => {
        if (!rendered.keep && owner.get(key) === page) owner.delete(key);
      },
      () => {
        if (owner.get(key) === page) owner.delete(key);
      },
    );
  }
  const rendered = await page;
  const body = rendered.nonce ? rendered.body.replaceAll(rendered.nonce, nonce) : rendered.body;
  return new Response(request.method === "HEAD" ? null : body, { status: rendered.status, headers: rendered.headers });
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
