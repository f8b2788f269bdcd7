// Server start-up and errors. One JSON line (lib/log.ts) per server error (pages, route handlers, server actions, the proxy),
// with the request id the proxy assigned and the digest the error page shows the reader: a reader
// who reports "reference 2816516365" leads straight to this line.
import type { Instrumentation } from "next";
import { errorMessage, requestLogger } from "@/lib/log";

/**
 * Runs once, before the server answers its first request: starts following feeds
 * (lib/feeds/schedule.ts), and loads the PNG rasteriser's native module.
 * resvg's loader probes libc with process.report.getReport(), ~150 ms in a busy server, and loaded
 * lazily through Next's require hook it was loaded again by each of a burst of first requests:
 * 100 concurrent chart requests to a fresh server waited 15 s (0.5 s with this).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/export/rasterize")).resvg();
  await (await import("@/lib/feeds/schedule")).followFeedsWhileServing();
}

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers["x-request-id"];
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined;
  requestLogger(Array.isArray(header) ? header[0] : header, { digest, method: request.method, path: request.path, route: context.routePath, routeType: context.routeType }).error(
    errorMessage(error),
  );
};
