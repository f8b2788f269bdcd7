// GET /api/v1/openapi.json — the data API described as OpenAPI 3.1, generated from the zod
// schemas the routes parse with (lib/api/openapi.ts).
import { NextResponse, type NextRequest } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";
import { publicOrigin } from "@/lib/http/origin";

export function GET(request: NextRequest) {
  return NextResponse.json(openApiDocument(publicOrigin(request.headers)));
}
