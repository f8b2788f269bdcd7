// One JSON error envelope for every API route: { "error": { "code", "message" } }. Expected
// failures carry a message that is safe to show; anything else is logged and answered generically.
import { NextResponse } from "next/server";

export class UserFacingError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function jsonError(status: number, code: string, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** `request` carries the X-Request-Id the proxy assigned: the log line and the answer share it. */
export function errorResponse(error: unknown, route: string, request?: Request) {
  if (error instanceof UserFacingError) return jsonError(error.status, error.code, error.message);
  const requestId = request?.headers.get("x-request-id") ?? crypto.randomUUID();
  console.error(JSON.stringify({ level: "error", route, requestId, message: error instanceof Error ? error.message : String(error) }));
  return jsonError(500, "internal_error", `Something went wrong on our side (request ${requestId}).`);
}
