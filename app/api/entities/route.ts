// GET /api/entities?q=<text> — entities whose name or alias contains the text, most active first
// (at most 12): the company selector's search beyond the choices its page carries.
import { connection, NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { listEntityOptions } from "@/lib/entities/queries";
import { NO_CONTROL_CHARACTERS } from "@/lib/filters/schema";
import { InvalidInput } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";

const querySchema = z.object({
  q: z.string().trim().min(2, "q: at least 2 characters").max(80, "q: at most 80 characters").regex(NO_CONTROL_CHARACTERS, "q: no control characters"),
});

export async function GET(request: NextRequest) {
  await connection();
  try {
    const parsed = querySchema.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
    if (!parsed.success) throw new InvalidInput("invalid_query", parsed.error.issues[0]!.message);
    return NextResponse.json({ entities: await listEntityOptions(12, [], parsed.data.q) });
  } catch (error) {
    return errorResponse(error, "/api/entities", request);
  }
}
