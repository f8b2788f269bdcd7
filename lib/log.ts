// The one logger: pino, one JSON line per event on stdout ({"level":"error","time":…,"requestId":…,
// "message":…}). A request's lines carry the id the proxy assigned (X-Request-Id), the same id the
// reader sees in an error message, so a report leads straight to its line.
import pino, { type Logger } from "pino";

export const logger: Logger = pino(
  {
    level: process.env.CHIPWATCH_LOG_LEVEL ?? "info",
    base: undefined,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Through process.stdout (not pino's own file descriptor writer): ordered with Next's own output.
  process.stdout,
);

/** The logger for one request: every line names its request id. */
export function requestLogger(requestId: string | null | undefined, fields: Record<string, unknown> = {}): Logger {
  return logger.child({ requestId: requestId ?? undefined, ...fields });
}

/** An error's message, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
