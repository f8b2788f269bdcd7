// Who changed the record and why. The database's triggers write every revision (migration
// 20261203010000_revisions); a change made through here names its editor and reason in the same
// transaction, so the revision carries them.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ChangeContext = { editor: string; reason: string | null };

/**
 * Runs `change` in a transaction whose revisions carry the editor and reason. The reason is the
 * editor's own words, cut to 500 characters.
 */
export async function withChangeContext<T>(context: ChangeContext, change: (tx: Prisma.TransactionClient) => Promise<T>, client = db): Promise<T> {
  return client.$transaction(async (tx) => {
    await applyChangeContext(tx, context);
    return change(tx);
  });
}

/** Names the editor and reason for the revisions of the transaction `tx` is in (no-op without a context). */
export async function applyChangeContext(tx: Prisma.TransactionClient, context: ChangeContext | undefined): Promise<void> {
  if (!context) return;
  await tx.$queryRaw`SELECT set_config('chipwatch.editor', ${context.editor}, true), set_config('chipwatch.reason', ${context.reason?.trim().slice(0, 500) ?? ""}, true)`;
}
