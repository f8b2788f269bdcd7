// One JSON line on stderr per server error (pages, route handlers, server actions, the proxy),
// with the request id the proxy assigned and the digest the error page shows the reader: a reader
// who reports "reference 2816516365" leads straight to this line.
import type { Instrumentation } from "next";

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
