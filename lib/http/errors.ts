// One JSON error envelope for every API route: { "error": { "code", "message" } }. Domain errors
// (lib/errors.ts) carry a message that is safe to show and map to a status here, in one place;
// anything else is logged and answered generically.
import { NextResponse } from "next/server";
import { Conflict, DomainError, InvalidInput, NotFound, Unauthorized } from "@/lib/errors";
import { errorMessage, requestLogger } from "@/lib/log";

/** The HTTP status of a domain error. */
export function statusOf(error: DomainError): number {
  if (error instanceof InvalidInput) return 400;
  if (error instanceof Unauthorized) return 401;
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  return 400;
}

export function jsonError(status: number, code: string, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

/** `request` carries the X-Request-Id the proxy assigned: the log line and the answer share it. */
export function errorResponse(error: unknown, route: string, request?: Request) {
  if (error instanceof DomainError) return jsonError(statusOf(error), error.code, error.message);
  const requestId = request?.headers.get("x-request-id") ?? crypto.randomUUID();
  requestLogger(requestId, { route }).error(errorMessage(error));
  return jsonError(500, "internal_error", `Something went wrong on our side (request ${requestId}).`);
}
