import { describe, expect, it } from "vitest";
import type { TimelineEventRow } from "@/lib/events/queries";
import { toTimelineChartData, yearTicks } from "./timeline";

const row = (overrides: Partial<TimelineEventRow>): TimelineEventRow => ({
  id: 1,
  slug: "e",
  title: "Event",
  type: "penalty",
  date: "2025-07-28",
  datePrecision: "day",
  outlet: "koreaherald.com",
  sourceUrl: "https://www.koreaherald.com/article/10542081",
  sourceKind: "news",
  sourcePublished: "2025-07-29",
  keyFigure: null,
  ...overrides,
});

describe("toTimelineChartData", () => {
  it("puts each present type in its own lane, in the fixed lane order, with its events", () => {
    const data = toTimelineChartData([
      row({ id: 1, type: "product_launch", date: "2025-07-26" }),
      row({ id: 2, type: "export_control", date: "2022-10-07" }),
      row({ id: 3, type: "product_launch", date: "2023-09-01", datePrecision: "month" }),
    ]);
    expect(data.series.map((s) => [s.type, s.lane, s.points.map((p) => p.id)])).toEqual([
      ["export_control", 0, [2]],
      ["product_launch", 1, [1, 3]],
    ]);
    expect(data.eventCount).toBe(3);
    expect(data.domain).toEqual([Date.UTC(2022, 0, 1), Date.UTC(2026, 0, 1)]);
    expect(data.series[1]!.points[1]!.dateLabel).toBe("Sep 2023");
  });

  it("labels the key figure with the metric's name and honest precision", () => {
    const data = toTimelineChartData([
      row({
        keyFigure: {
          metric: "penalty_amount",
          qualifiers: { component: "total" },
          value: 140_000_000,
          valueMax: null,
          unit: "USD",
          bound: "at_least",
          quote: "pay more than $140 million",
          factId: 7,
          articleId: 3,
          url: null,
        },
      }),
    ]);
    expect(data.series[0]!.points[0]!.figure).toBe("Penalty (total): ≥ $140M");
  });

  it("has year ticks on 1 January across the domain", () => {
    expect(yearTicks([Date.UTC(2024, 0, 1), Date.UTC(2026, 0, 1)])).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)]);
  });
});
