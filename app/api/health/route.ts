// GET /api/health — is the app up, and can it reach its database? 503 when it cannot.
import { connection, NextResponse } from "next/server";
import { readDb } from "@/lib/db";

export async function GET() {
  await connection();
  try {
    // A real read of what every page reads first, under the app's query timeouts.
    const [version, events, facts] = await Promise.all([readDb.dataVersion.findFirstOrThrow({ select: { version: true } }), readDb.event.count(), readDb.fact.count()]);
    return NextResponse.json({ status: "ok", database: "reachable", dataVersion: Number(version.version), events, facts });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", route: "/api/health", message: error instanceof Error ? error.message : String(error) }));
    return NextResponse.json(
      { status: "degraded", database: "unreachable", error: { code: "database_unavailable", message: "The database is temporarily unavailable." } },
      { status: 503 },
    );
  }
}
