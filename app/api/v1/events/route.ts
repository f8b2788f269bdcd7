// GET /api/v1/events?<the dashboard's filters>&updated_since=&cursor=&limit=&format= — events in a
// view, paged by cursor, JSON or CSV (lib/api/handler.ts; described at /api/v1/openapi.json).
import { connection, type NextRequest } from "next/server";
import { listResponse } from "@/lib/api/handler";

export async function GET(request: NextRequest) {
  await connection();
  return listResponse(request, "events");
}
