// Runs before every request: a fresh CSP nonce (Next.js puts it on its own scripts), security
// headers, and a request id that error logs and error pages show.
import { NextResponse, type NextRequest } from "next/server";
import { errorMessage, requestLogger } from "@/lib/log";
import { SESSION_COOKIE, sessionIsValid } from "@/lib/auth/sessions";
import { databaseReachable } from "@/lib/database/availability";
import { trustedProxyHops } from "@/lib/http/client-address";
import { MAX_BODY_BYTES } from "@/lib/http/write-guard";
import { cachedPage, isCacheablePageRequest, pageCacheEnabled } from "@/lib/http/page-cache";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function proxy(request: NextRequest) {
  // Writes: refused before any page or action code runs unless they come from this site (Origin
  // check) and from a signed-in editor. Server actions check the session again themselves.
  if (!SAFE_METHODS.has(request.method)) {
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
      return errorJson(413, "body_too_large", `Requests are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    }
    if (!sameSite(request)) {
      return errorJson(403, "cross_site_request", "Cross-site requests cannot change Chipwatch data.");
    }
    const isSignIn = request.nextUrl.pathname === "/sign-in";
    if (!isSignIn && !(await sessionIsValid(request.cookies.get(SESSION_COOKIE)?.value))) {
      return errorJson(401, "not_signed_in", "Sign in as an editor to change data.");
    }
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const production = process.env.NODE_ENV === "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // Charts and Tailwind set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only an embed (/embed/<chart>) may sit in another site's iframe.
    embeddable(request.nextUrl.pathname) ? "frame-ancestors *" : "frame-ancestors 'none'",
  ].join("; ");
  const requestId = crypto.randomUUID();
  // While the database is down, pages say so with a 503 instead of failing half-rendered.
  // /api/health answers for itself (with its own 503), and chart images need the data too.
  if (request.nextUrl.pathname !== "/api/health" && !(await databaseReachable())) {
    requestLogger(requestId, { path: request.nextUrl.pathname }).error("database unreachable");
    return unavailable(requestId, request.nextUrl.pathname.startsWith("/api/"));
  }
  // Readers get pages rendered once per data version (lib/http/page-cache.ts).
  if (pageCacheEnabled() && isCacheablePageRequest(request, request.nextUrl.pathname)) {
    try {
      const page = await cachedPage(request, request.nextUrl, nonce);
      return withSecurityHeaders(new NextResponse(page.body, page), csp, requestId);
    } catch (error) {
      // Rendering directly below still answers the reader; the failure is logged.
      requestLogger(requestId, { path: request.nextUrl.pathname }).error(`page cache: ${errorMessage(error)}`);
    }
  }
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("x-request-id", requestId);
  headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, requestId);
}

/**
 * A write must say where it comes from (Origin, or Referer from older clients) and that must be
 * this site. "null", a malformed header or none at all is refused. The site's host is the Host
 * header; X-Forwarded-Host only counts behind a proxy we were told to trust.
 */
function sameSite(request: NextRequest): boolean {
  const claimed = request.headers.get("origin") ?? request.headers.get("referer");
  if (!claimed || claimed === "null") return false;
  const host = (trustedProxyHops() > 0 ? request.headers.get("x-forwarded-host") : null) ?? request.headers.get("host");
  if (!host) return false;
  try {
    return new URL(claimed).host === host;
  } catch {
    return false;
  }
}

function embeddable(pathname: string): boolean {
  return pathname.startsWith("/embed/");
}

function withSecurityHeaders(response: NextResponse, csp: string, requestId: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  if (!/frame-ancestors \*/.test(csp)) response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.headers.set("X-Request-Id", requestId);
  if (process.env.NODE_ENV === "production") response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Static files need no nonce.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/).*)" }],
};

function errorJson(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "X-Content-Type-Options": "nosniff" } });
}

function unavailable(requestId: string, json: boolean) {
  const headers = { "Retry-After": "5", "X-Request-Id": requestId, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (json) {
    return NextResponse.json(
      { error: { code: "database_unavailable", message: `The data is temporarily unavailable (request ${requestId}). Try again shortly.` } },
      { status: 503, headers },
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Data temporarily unavailable · Chipwatch</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><h1>Data temporarily unavailable</h1><p>Chipwatch cannot reach its database right now. Nothing is lost; please try again in a moment.</p><p style="color:#52525b">Request ${requestId}</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
