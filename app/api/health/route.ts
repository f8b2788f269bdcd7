// GET /api/health — is the app up, and can it reach its database? Its checks, one by one, and on
// failure a 503 in the API's error envelope ({ "error": { "code", "message" } }) beside them.
import { connection, NextResponse, type NextRequest } from "next/server";
import { readDb } from "@/lib/db";
import { errorMessage, requestLogger } from "@/lib/log";

export async function GET(request: NextRequest) {
  await connection();
  const started = performance.now();
  try {
    // A real read of what every page reads first, under the app's query timeouts.
    const [version, events, facts] = await Promise.all([readDb.dataVersion.findFirstOrThrow({ select: { version: true } }), readDb.event.count(), readDb.fact.count()]);
    const database = { status: "ok", latencyMs: Math.round(performance.now() - started) };
    return NextResponse.json({ status: "ok", database: "reachable", checks: { database }, dataVersion: Number(version.version), events, facts });
  } catch (error) {
    requestLogger(request.headers.get("x-request-id"), { route: "/api/health" }).error(errorMessage(error));
    return NextResponse.json(
      {
        status: "degraded",
        database: "unreachable",
        checks: { database: { status: "unreachable", latencyMs: Math.round(performance.now() - started) } },
        error: { code: "database_unavailable", message: "The database is temporarily unavailable." },
      },
      { status: 503 },
    );
  }
}
