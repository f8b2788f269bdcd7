// Gives every stored article without a source kind the kind lib/sources/kinds.ts derives: rows
// written before source kinds existed, or by a path that did not set one. An editor's choice is
// never touched (it is never null). Run by lib/database/prepare.ts at every start and after a
// backup is restored (lib/data/backup.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { classifySource } from "@/lib/sources/kinds";

export async function classifyUnclassifiedSources(client: Prisma.TransactionClient, batch = 1000): Promise<number> {
  let classified = 0;
  for (;;) {
    const rows = await client.article.findMany({ where: { sourceKind: null }, select: { id: true, url: true, outlet: true }, orderBy: { id: "asc" }, take: batch });
    if (!rows.length) return classified;
    await client.$executeRaw`
      UPDATE articles a SET source_kind = v.kind::"SourceKind"
        FROM unnest(${rows.map((row) => row.id)}::int[], ${rows.map((row) => classifySource(row).kind)}::text[]) AS v(id, kind)
       WHERE a.id = v.id AND a.source_kind IS NULL`;
    classified += rows.length;
  }
}
