// The event_figures rollup (kept by triggers) follows every kind of write with the figure an
// analyst expects, step by step, and its family table is the metric registry's.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { familyRows, metricsInFamily } from "@/lib/metrics/registry";

type Reader = Pick<typeof db, "$queryRaw">;
type Figure = { lo: number | null; hi: number | null; lower_bound: boolean; upper_bound: boolean; approx: boolean; currencies: string[]; date: string; count: number };

/** The penalty figure of one event, as the rollup holds it. */
async function penaltyFigure(client: Reader, eventId: number): Promise<Figure | null> {
  const rows = await client.$queryRaw<Figure[]>`
    SELECT lo::float8 AS lo, hi::float8 AS hi, lower_bound, upper_bound, approx, currencies, date::text AS date, count(*) OVER ()::int AS count
    FROM event_figures WHERE family = 'penalty' AND event_id = ${eventId}`;
  return rows[0] ?? null;
}

describe("event figures", () => {
  it("the SQL family table is the registry's headline families, as synced on migrate", async () => {
    const rows = await db.metricFamilyMember.findMany({ orderBy: { metric: "asc" } });
    expect(rows).toEqual(familyRows().sort((a, b) => a.metric.localeCompare(b.metric)));
    expect(rows.map((row) => row.metric)).toContain(metricsInFamily("penalty")[0]);
  });

  it("follow every kind of write: a second report, a bound, a rejection, another currency, a forecast, a moved event, a delete", async () => {
    // Seagate's BIS penalty: one report, $300 million, from one source.
    const penalty = metricsInFamily("penalty")[0]!;
    const fact = await db.fact.findFirstOrThrow({ where: { metric: penalty, status: "actual", reviewStatus: "accepted", value: 300_000_000 }, include: { event: true } });
    const eventId = fact.eventId!;
    expect(await penaltyFigure(db, eventId)).toMatchObject({ lo: 300e6, hi: 300e6, lower_bound: false, approx: false, count: 1 });
    const { id: _id, createdAt: _c, updatedAt: _u, qualifiers, extraQuotes, usdValue: _v, usdValueMax: _m, usdRate: _r, usdRateMonth: _d, event: _e, ...copy } = fact;
    const steps: (Figure | null)[] = [];
    try {
      await db.$transaction(async (tx) => {
        const report = (changes: Partial<Prisma.FactUncheckedCreateInput>) =>
          tx.fact.create({
            data: {
              ...copy,
              qualifiers: qualifiers as Prisma.InputJsonValue,
              extraQuotes: extraQuotes as Prisma.InputJsonValue,
              quoteStart: copy.quoteStart + 1 + steps.length,
              ...changes,
            },
          });
        // Another source says $600 million: the figure is the range of what was reported.
        const higher = await report({ value: 600_000_000 });
        steps.push(await penaltyFigure(tx, eventId));
        // It said "more than": a lower bound.
        await tx.fact.update({ where: { id: higher.id }, data: { bound: "at_least" } });
        steps.push(await penaltyFigure(tx, eventId));
        // The first report is rejected: only the second counts.
        await tx.fact.update({ where: { id: fact.id }, data: { reviewStatus: "rejected" } });
        steps.push(await penaltyFigure(tx, eventId));
        // A third in euros, dated March 2024: counted in dollars at that month's rate (1.0870).
        await report({ value: 100_000_000, unit: "EUR", date: new Date("2024-03-15"), bound: "exact" });
        steps.push(await penaltyFigure(tx, eventId));
        // A maximum the company could face is not a penalty it pays.
        await report({ value: 5_000_000_000, status: "potential" });
        steps.push(await penaltyFigure(tx, eventId));
        // Without a date of its own, a figure takes its event's.
        await tx.fact.updateMany({ where: { eventId }, data: { date: null } });
        await tx.event.update({ where: { id: eventId }, data: { date: new Date("2001-02-03") } });
        steps.push(await penaltyFigure(tx, eventId));
        await tx.fact.deleteMany({ where: { eventId, metric: penalty } });
        steps.push(await penaltyFigure(tx, eventId));
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    expect(steps[0]).toMatchObject({ lo: 300e6, hi: 600e6, lower_bound: false });
    expect(steps[1]).toMatchObject({ lo: 300e6, hi: 600e6, lower_bound: true });
    expect(steps[2]).toMatchObject({ lo: 600e6, hi: 600e6, lower_bound: true, currencies: ["USD"] });
    expect(steps[3]).toMatchObject({ lo: 108_700_000, hi: 600e6, currencies: ["EUR", "USD"] });
    expect(steps[4]).toMatchObject({ lo: 108_700_000, hi: 600e6 });
    expect(steps[5]).toMatchObject({ date: "2001-02-03" });
    expect(steps[6]).toBeNull();
    // Rolled back: as it was.
    expect(await penaltyFigure(db, eventId)).toMatchObject({ lo: 300e6, hi: 300e6, lower_bound: false, count: 1 });
  });
});

class Rollback extends Error {
  constructor() {
    super("roll back the test's writes");
  }
}
