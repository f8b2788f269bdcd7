// The data version: a counter that the database bumps in the same transaction as every write
// (triggers from migration 20261129020000_data_version). One primary-key read, however many facts
// are stored; caches of query results and chart images are keyed on it.
import { cache } from "react";
import { readDb } from "@/lib/db";
import { isoDay } from "@/lib/events/partial-date";

export type DataVersion = { asOf: string; version: string };

/**
 * When the data last changed ("Data as of" on exported images) and a version string that changes
 * with every write (ETags, cache keys). Memoised per request: every widget of a page asks, the
 * database answers once.
 */
export const getDataVersion = cache(readDataVersion);

/** The version as stored now, without per-request memoisation (the proxy's page cache). */
export async function readDataVersion(): Promise<DataVersion> {
  // Raw SQL: Prisma batches concurrent findUnique calls into an `IN` query, which a boolean key
  // does not support.
  const [row] = await readDb.$queryRaw<{ version: bigint; changed_at: Date }[]>`SELECT version, changed_at FROM data_version WHERE id`;
  if (!row) throw new Error("the data_version row is missing: run `npm run db:migrate`");
  return { asOf: isoDay(row.changed_at), version: String(row.version) };
}
