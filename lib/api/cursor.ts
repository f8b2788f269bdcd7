// Opaque page cursors for the data API: the last id of the page, base64url-encoded, so clients
// pass it back as it is and the server can change what it holds without breaking their code.
import { InvalidInput } from "@/lib/errors";

export function encodeCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { after } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { after?: unknown };
    if (typeof after === "number" && Number.isSafeInteger(after) && after >= 0 && after <= 2_147_483_647) return after;
  } catch {
    // fall through: any cursor we did not write is refused the same way
  }
  throw new InvalidInput("invalid_cursor", "cursor: not a cursor this API gave out; start again without one.");
}
