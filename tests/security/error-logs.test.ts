// Server errors are logged as one JSON line carrying the request id (from the proxy) and the digest
// the error page shows the reader.
import { describe, expect, it, vi } from "vitest";
import { onRequestError } from "../../instrumentation";

describe("server error logs", () => {
  it("one JSON line with request id, digest, route and message", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    try {
      const error = Object.assign(new Error("connection terminated"), { digest: "2816516365" });
      void onRequestError(
        error,
        { path: "/events?company=nvidia", method: "GET", headers: { "x-request-id": "7f0c6a1e-0000-4000-8000-000000000001" } },
        { routerKind: "App Router", routePath: "/events", routeType: "render", revalidateReason: undefined },
      );
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: "error",
      requestId: "7f0c6a1e-0000-4000-8000-000000000001",
      digest: "2816516365",
      method: "GET",
      path: "/events?company=nvidia",
      route: "/events",
      routeType: "render",
      message: "connection terminated",
    });
  });
});
