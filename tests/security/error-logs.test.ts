// Server errors are logged (lib/log.ts, pino) as one JSON line carrying the request id (from the
// proxy) and the digest the error page shows the reader; so are route errors answered with 500.
import { describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/http/errors";
import { onRequestError } from "../../instrumentation";

describe("server error logs", () => {
  it("one JSON line with request id, digest, route and message", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((line: unknown) => lines.push(String(line)) > 0);
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

  it("a route's unexpected error: the reader gets the request id, the log line has it and the message", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((line: unknown) => lines.push(String(line)) > 0);
    let body: { error: { code: string; message: string } };
    try {
      const request = new Request("http://localhost/api/v1/facts", { headers: { "x-request-id": "7f0c6a1e-0000-4000-8000-000000000002" } });
      body = await errorResponse(new Error("relation does not exist"), "/api/v1/facts", request).json();
    } finally {
      spy.mockRestore();
    }
    expect(body.error).toEqual({ code: "internal_error", message: "Something went wrong on our side (request 7f0c6a1e-0000-4000-8000-000000000002)." });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error", requestId: "7f0c6a1e-0000-4000-8000-000000000002", route: "/api/v1/facts", message: "relation does not exist" });
  });
});
