// One JSON line on stderr per server error (pages, route handlers, server actions, the proxy),
// with the request id the proxy assigned and the digest the error page shows the reader: a reader
// who reports "reference 2816516365" leads straight to this line.
import type { Instrumentation } from "next";

/**
 * Runs once when the server starts: opens the database connections before the first request.
 * Without it, a burst of requests arriving at a fresh server (a restart under load) all waited
 * on the pool's first connection together — 100 concurrent first requests took 6–16 s.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The PNG rasteriser's native module, loaded once now rather than by a burst of first requests.
  (await import("@/lib/export/rasterize")).resvg();
  if (!process.env.DATABASE_URL) return;
  try {
    const { db, readDb } = await import("@/lib/db");
    await Promise.all([db.$queryRaw`SELECT 1`, readDb.$queryRaw`SELECT 1`]);
    console.log("[chipwatch] database connections open");
  } catch (error) {
    // Not fatal: pages answer 503 until the database is reachable (proxy.ts).
    console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message: `database warm-up: ${error instanceof Error ? error.message : String(error)}` }));
  }
}

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers["x-request-id"];
  const digest = typeof error === "object" && error && "digest" in error ? String(error.digest) : undefined;
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      requestId: Array.isArray(header) ? header[0] : header,
      digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
};
