// Corrections on the record and the data API's reads (issue 16), against the seeded database:
// every change leaves a revision with its editor and reason whoever writes it; incremental sync
// by updated_since finds a corrected fact with its revision and lists deletions; cursor paging
// returns every fact of a company exactly once, checked against direct SQL; the OpenAPI document
// validates as OpenAPI 3.1.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { openApiDocument } from "@/lib/api/openapi";
import { listEventRecords, listFactRecords } from "@/lib/api/queries";
import { db } from "@/lib/db";
import { InvalidInput } from "@/lib/errors";
import { listTimelineEvents } from "@/lib/events/queries";
import { setEventLabel } from "@/lib/events/mutations";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { listDeletions, listEventRevisions, listRevisions } from "@/lib/revisions/queries";
import { withChangeContext } from "@/lib/revisions/record";

const scopeOf = (query: string) => resolveEventScope(parseFilters(new URLSearchParams(query)).filters);
const ORIGIN = "https://chipwatch.example.org";

describe("corrections on the record", () => {
  it("keeps a revision of an editor's change with who, why, before and after, and moves updated_at", async () => {
    const event = await db.event.findUniqueOrThrow({ where: { slug: "cadence-guilty-plea-2025" }, select: { id: true, updatedAt: true } });
    await setEventLabel(event.id, "pinned", { editor: "editor · session test0001", reason: "the headline case of 2025" });
    try {
      const after = await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { updatedAt: true, labelPin: true } });
      expect(after.labelPin).toBe(true);
      expect(after.updatedAt.getTime()).toBeGreaterThan(event.updatedAt.getTime());
      const [revision] = (await listRevisions("event", { recordIds: [event.id] })).slice(-1);
      expect(revision).toMatchObject({ action: "update", editor: "editor · session test0001", reason: "the headline case of 2025", correction: true });
      expect(revision!.changes).toEqual([{ field: "label_pin", before: null, after: true }]);
      // The pinned event is labelled on the timeline even on a narrow plot.
      const { rows } = await listTimelineEvents(await scopeOf(""));
      expect(rows.find((r) => r.id === event.id)!.label).toMatchObject({ pin: true });
    } finally {
      await setEventLabel(event.id, "auto", { editor: "editor · session test0001", reason: "undo the test" });
    }
  });

  it("records a change made outside the app too (no editor), and an unchanged save records nothing", async () => {
    const fact = await db.fact.findFirstOrThrow({ where: { reviewStatus: "accepted", metric: "penalty_amount" }, select: { id: true, value: true } });
    const before = await listRevisions("fact", { recordIds: [fact.id] });
    await db.$executeRaw`UPDATE facts SET value = value WHERE id = ${fact.id}`;
    expect(await listRevisions("fact", { recordIds: [fact.id] })).toHaveLength(before.length);
    await db.$executeRaw`UPDATE facts SET value = value + 1 WHERE id = ${fact.id}`;
    await db.$executeRaw`UPDATE facts SET value = value - 1 WHERE id = ${fact.id}`;
    const after = await listRevisions("fact", { recordIds: [fact.id] });
    expect(after).toHaveLength(before.length + 2);
    expect(after.at(-2)).toMatchObject({ editor: null, reason: null, correction: true });
    // The stored US-dollar value follows (the database converts); derived, it is not a change of its own.
    expect(after.at(-2)!.changes).toEqual([{ field: "value", before: Number(fact.value), after: Number(fact.value) + 1 }]);
    // A new rate table moves every money fact's dollar value: no revisions, but updated_at moves.
    const revisionsBefore = (await listRevisions("fact", {})).length;
    const touched = await db.$executeRaw`UPDATE facts SET usd_value = usd_value * 1 WHERE id = ${fact.id}`;
    expect(touched).toBe(1);
    expect((await listRevisions("fact", {})).length).toBe(revisionsBefore);
  });
});

describe("incremental sync", () => {
  it("a fact corrected after updated_since comes back with its revision; a deleted event is listed", async () => {
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const fact = await db.fact.findFirstOrThrow({ where: { reviewStatus: "accepted", subject: { slug: "nvidia" } }, select: { id: true, unit: true, eventId: true } });
    const nvidia = await scopeOf("company=nvidia");
    const unchanged = await listFactRecords(nvidia, { after: 0, limit: 10_000, updatedSince: since }, ORIGIN);
    expect(unchanged.map((f) => f.id)).not.toContain(fact.id);

    await withChangeContext({ editor: "editor · session test0002", reason: "unit misread" }, (tx) => tx.fact.update({ where: { id: fact.id }, data: { periodLabel: "FY test" } }));
    try {
      const synced = await listFactRecords(nvidia, { after: 0, limit: 10_000, updatedSince: since }, ORIGIN);
      const record = synced.find((f) => f.id === fact.id);
      expect(record).toBeDefined();
      expect(record!.revision).toBeGreaterThanOrEqual(1);
      expect(record!.period_label).toBe("FY test");
      expect(record!.url).toBe(`${ORIGIN}/articles/${record!.source.article_id}#fact-${fact.id}`);
      const [revision] = (await listRevisions("fact", { recordIds: [fact.id], since })).slice(-1);
      expect(revision).toMatchObject({ editor: "editor · session test0002", reason: "unit misread" });
      // The event page shows the correction (a change to an accepted fact).
      if (fact.eventId) expect((await listEventRevisions(fact.eventId, [fact.id])).some((r) => r.id === revision!.id && r.correction)).toBe(true);
    } finally {
      await db.fact.update({ where: { id: fact.id }, data: { periodLabel: null } });
    }

    const doomed = await db.event.create({
      data: { slug: `doomed-${Date.now()}`, title: "A test event deleted at once", type: "other", date: new Date("2025-01-01") },
      select: { id: true },
    });
    await db.event.delete({ where: { id: doomed.id } });
    expect((await listDeletions("event", since)).map((d) => d.id)).toContain(doomed.id);
  });
});

describe("cursor paging", () => {
  it("pages through every Nvidia fact exactly once, 50 at a time", async () => {
    const scope = await scopeOf("company=nvidia");
    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 100; page++) {
      const records = await listFactRecords(scope, { after, limit: 50, updatedSince: null }, ORIGIN);
      seen.push(...records.map((r) => r.id));
      if (records.length < 50) break;
      after = decodeCursor(encodeCursor(records.at(-1)!.id));
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Independently: accepted facts whose subject, counterparty or product is Nvidia or one of its products.
    const direct = await db.$queryRaw<{ id: number }[]>`
      SELECT f.id FROM facts f
      JOIN entities nv ON nv.slug = 'nvidia'
      LEFT JOIN entities s ON s.id = f.subject_id
      WHERE f.review_status = 'accepted'
        AND (f.subject_id = nv.id OR f.object_id = nv.id OR f.product_id = nv.id OR s.vendor_id = nv.id)
        AND (f.event_id IS NULL OR EXISTS (SELECT 1 FROM event_entities ee WHERE ee.event_id = f.event_id AND ee.entity_id = nv.id))
      ORDER BY f.id`;
    expect(seen).toEqual(direct.map((r) => r.id));
    expect(seen.length).toBeGreaterThan(10);
  });

  it("events under a type filter are exactly the dashboard's", async () => {
    const records = await listEventRecords(await scopeOf("type=penalty"), { after: 0, limit: 1000, updatedSince: null }, ORIGIN);
    expect(records.length).toBe(await db.event.count({ where: { type: "penalty" } }));
    expect(records.every((r) => r.type === "penalty" && r.url.startsWith(`${ORIGIN}/events/`))).toBe(true);
  });

  it("refuses a cursor it did not give out", () => {
    expect(() => decodeCursor("bm90LWEtY3Vyc29y")).toThrow(InvalidInput);
    expect(() => decodeCursor(Buffer.from(JSON.stringify({ after: -5 })).toString("base64url"))).toThrow(InvalidInput);
  });
});

describe("the OpenAPI document", () => {
  it("validates as OpenAPI 3.1 and describes every filter of the dashboard", async () => {
    const document = openApiDocument(ORIGIN);
    const result = await new Validator().validate(document);
    expect(result).toEqual({ valid: true });
    const names = document.paths["/api/v1/facts"].get.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["company", "type", "country", "from", "to", "q", "source", "updated_since", "cursor", "limit", "format"]));
  });
});
