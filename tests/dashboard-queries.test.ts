// The overview's queries against the seeded database: what the charts will draw.
import { describe, expect, it } from "vitest";
import { toComparisonRows } from "@/lib/charts/comparison";
import { db } from "@/lib/db";
import { listLatestEvents, listTimelineEvents } from "@/lib/events/queries";
import { listSpecFactsFor } from "@/lib/facts/queries";

describe("overview queries", () => {
  it("the timeline has every event, oldest first, with a key figure where one was stated", async () => {
    const rows = await listTimelineEvents();
    expect(rows).toHaveLength(await db.event.count());
    expect(rows[0]!.slug).toBe("nudt-entity-list-2015");
    expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
    const cadence = rows.find((r) => r.slug === "cadence-guilty-plea-2025")!;
    expect(cadence.keyFigure).toMatchObject({ metric: "total_penalty", value: 140_000_000 });
  });

  it("the latest events come newest first with their sources", async () => {
    const latest = await listLatestEvents(3);
    expect(latest.map((e) => e.date)).toEqual([...latest.map((e) => e.date)].sort().reverse());
    expect(latest[0]!.source?.url).toMatch(/^https?:\/\//);
  });

  it("CloudMatrix 384 vs GB200 NVL72 shows both power reports with their sources", async () => {
    const facts = await listSpecFactsFor(["huawei-cloudmatrix-384", "nvidia-gb200-nvl72"]);
    const rows = toComparisonRows(facts, "huawei-cloudmatrix-384", "nvidia-gb200-nvl72");
    const power = rows.filter((r) => r.metric === "power").map((r) => `${r.subjectDisplay} (${r.sources.map((s) => s.outlet).join(", ")})`);
    expect(power.sort()).toEqual(["559 kW (capacitymedia.com)", "~600 kW (Aiwire)"]);
    expect(rows.find((r) => r.metric === "fp16_compute_relative")?.ratio).toBe(1.4);
    expect(rows.find((r) => r.metric === "bf16_dense_compute")?.ratio).toBeCloseTo(300 / 180);
  });
});
