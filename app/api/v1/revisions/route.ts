// GET /api/v1/revisions?record_type=fact|event&record_id=&updated_since=&limit= — the record of
// corrections: every change to a fact or an event, with its editor, reason, and values before and after.
import { connection, NextResponse, type NextRequest } from "next/server";
import { anonymousLimit } from "@/lib/api/handler";
import { revisionsQuerySchema } from "@/lib/api/schemas";
import { InvalidInput } from "@/lib/errors";
import { errorResponse } from "@/lib/http/errors";
import { listRevisions } from "@/lib/revisions/queries";

export async function GET(request: NextRequest) {
  await connection();
  try {
    const limited = await anonymousLimit(request);
    if (limited) return limited;
    const parsed = revisionsQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InvalidInput("invalid_query", `${issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.join(".")}: ${issue.message}`);
    }
    const { record_type, record_id, updated_since, limit } = parsed.data;
    const rows = await listRevisions(record_type, { recordIds: record_id ? [record_id] : undefined, since: updated_since ? new Date(updated_since) : undefined, limit });
    return NextResponse.json(
      {
        data: rows.map((row) => ({
          id: row.id,
          record_type: row.recordType,
          record_id: row.recordId,
          action: row.action,
          changed_at: row.changedAt,
          editor: row.editor,
          reason: row.reason,
          correction: row.correction,
          changes: row.changes,
        })),
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error, "/api/v1/revisions", request);
  }
}
