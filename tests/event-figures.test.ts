// The event_figures rollup (kept by triggers) always equals grouping the accepted facts directly,
// after every kind of write, and its family table matches the metric registry.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { familyRows, metricsInFamily } from "@/lib/metrics/registry";

/** The figures computed from scratch, as the dashboard counted them before the rollup existed. */
type Reader = Pick<typeof db, "$queryRaw">;
const direct = (client: Reader = db) =>
  client.$queryRaw<{ row: string }[]>`
    SELECT concat_ws('|', mf.family, f.event_id, min(f.subject_id), min(f.subject_label), min(coalesce(f.date, e.date)),
                     min(coalesce(f.usd_value, f.value)), max(coalesce(f.usd_value_max, f.usd_value, f.value_max, f.value)),
                     bool_or(f.bound = 'at_least'), bool_or(f.bound = 'at_most'), bool_or(f.bound = 'approx')) AS row
    FROM facts f
    JOIN metric_families mf ON mf.metric = f.metric AND f.status::text = ANY(mf.statuses)
    JOIN events e ON e.id = f.event_id
    WHERE f.review_status = 'accepted'
    GROUP BY mf.family, f.event_id, coalesce(f.subject_id::text, f.subject_label, '')
    ORDER BY 1`;
const rolled = (client: Reader = db) =>
  client.$queryRaw<{ row: string }[]>`
    SELECT concat_ws('|', family, event_id, subject_id, subject_label, date, lo, hi, lower_bound, upper_bound, approx) AS row
    FROM event_figures ORDER BY 1`;

describe("event figures", () => {
  it("the SQL family table is the registry's headline families, as synced on migrate", async () => {
    const rows = await db.metricFamilyMember.findMany({ orderBy: { metric: "asc" } });
    expect(rows).toEqual(familyRows().sort((a, b) => a.metric.localeCompare(b.metric)));
    expect(rows.map((row) => row.metric)).toContain(metricsInFamily("penalty")[0]);
  });

  it("equal the facts grouped directly, after inserts, edits, rejections, event moves and deletes", async () => {
    expect((await rolled()).length).toBeGreaterThan(5);
    expect(await rolled()).toEqual(await direct());

    const penalty = metricsInFamily("penalty")[0]!;
    const event = await db.event.findFirstOrThrow({
      where: { facts: { some: { metric: penalty, reviewStatus: "accepted", status: "actual" } } },
      select: { id: true, date: true },
    });
    const fact = await db.fact.findFirstOrThrow({ where: { eventId: event.id, metric: penalty, status: "actual" } });
    const { id: _id, createdAt: _c, updatedAt: _u, qualifiers, ...copy } = fact;
    try {
      await db.$transaction(async (tx) => {
        // A second report of the same penalty, higher, from another span of the same article.
        const added = await tx.fact.create({ data: { ...copy, qualifiers: qualifiers as Prisma.InputJsonValue, quoteStart: copy.quoteStart + 1, value: Number(copy.value) * 2 } });
        expect(await rolled(tx)).toEqual(await direct(tx));
        await tx.fact.update({ where: { id: added.id }, data: { bound: "at_least" } });
        await tx.fact.update({ where: { id: fact.id }, data: { reviewStatus: "rejected" } });
        await tx.event.update({ where: { id: event.id }, data: { date: new Date("2001-02-03") } });
        await tx.fact.update({ where: { id: added.id }, data: { date: null } });
        throw new Rollback(await rolled(tx), await direct(tx));
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      expect(error.rolled).toEqual(error.direct);
      expect(error.rolled.some((r) => r.row.includes("2001-02-03"))).toBe(true);
    }
    // Rolled back: back to what it was, and still equal.
    expect(await rolled()).toEqual(await direct());
  });
});

class Rollback extends Error {
  constructor(
    readonly rolled: { row: string }[],
    readonly direct: { row: string }[],
  ) {
    super("roll back the test's writes");
  }
}
