import { describe, expect, it } from "vitest";
import type { TimelineEventRow } from "@/lib/events/queries";
import { comparedCompanies } from "./company-colors";
import { labelText, layoutTimeline, timeTicks, toOverviewStrip, toTimelineChartData } from "./timeline";

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
    // Fitted to the events, 3% of their span either side: no empty years at either end.
    const span = Date.UTC(2025, 6, 26) - Date.UTC(2022, 9, 7);
    expect(data.domain).toEqual([Date.UTC(2022, 9, 7) - span * 0.03, Date.UTC(2025, 6, 26) + span * 0.03]);
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

  it("makes a filtered date range exactly the axis, so a brushed span fills the plot", () => {
    const data = toTimelineChartData([row({ date: "2023-03-15" }), row({ id: 2, date: "2024-11-02" })], 2, { start: "2022-12-01", endExclusive: "2025-07-01" });
    expect(data.domain).toEqual([Date.UTC(2022, 11, 1), Date.UTC(2025, 6, 1)]);
  });
});

describe("timeTicks", () => {
  it("puts ticks on 1 January over long spans and thins them to fit", () => {
    expect(timeTicks([Date.UTC(2023, 5, 1), Date.UTC(2026, 1, 1)]).map((t) => t.label)).toEqual(["2024", "2025", "2026"]);
    expect(timeTicks([Date.UTC(2000, 0, 1), Date.UTC(2026, 0, 1)], 6).length).toBeLessThanOrEqual(6);
  });

  it("uses quarters or months when the span is short", () => {
    expect(timeTicks([Date.UTC(2024, 10, 15), Date.UTC(2025, 11, 1)]).map((t) => t.label)).toEqual(["2025", "Apr", "Jul", "Oct"]);
    expect(timeTicks([Date.UTC(2025, 0, 10), Date.UTC(2025, 4, 1)]).map((t) => t.label)).toEqual(["Feb", "Mar", "Apr", "May"]);
  });
});

describe("layoutTimeline", () => {
  const overlapping = (marks: { left: number; top: number }[], size: number) =>
    marks.flatMap((a, i) => marks.slice(i + 1).filter((b) => Math.abs(a.left - b.left) < size && Math.abs(a.top - b.top) < size)).length;

  it("stacks marks that would touch into rows of their lane, so none hides another", () => {
    // Two rules on one day (7 Oct 2022), a third a week later, and a lone listing.
    const data = toTimelineChartData([
      row({ id: 1, type: "export_control", date: "2022-10-07" }),
      row({ id: 2, type: "export_control", date: "2022-10-07" }),
      row({ id: 3, type: "export_control", date: "2022-10-14" }),
      row({ id: 4, type: "entity_listing", date: "2022-10-07" }),
      row({ id: 5, type: "export_control", date: "2025-01-13" }),
    ]);
    const layout = layoutTimeline(data, 400, { size: 12, gap: 2 });
    expect(overlapping(layout.marks, 12)).toBe(0);
    const rule = layout.lanes[0]!;
    expect(rule.height).toBeGreaterThanOrEqual(3 * 14);
    // Every mark stays inside its own lane.
    for (const mark of layout.marks) {
      const lane = layout.lanes.find((l) => l.series === mark.series)!;
      expect(mark.top).toBeGreaterThan(lane.top);
      expect(mark.top).toBeLessThan(lane.top + lane.height);
    }
  });

  it("gives the keyboard the marks in date order, across lanes", () => {
    const data = toTimelineChartData([
      row({ id: 1, type: "product_launch", date: "2025-07-26" }),
      row({ id: 2, type: "export_control", date: "2022-10-07" }),
      row({ id: 3, type: "penalty", date: "2023-04-19" }),
    ]);
    expect(layoutTimeline(data, 800).marks.map((m) => m.point.id)).toEqual([2, 3, 1]);
  });

  it("keeps a hundred events of one month apart on a phone-width plot", () => {
    const rows = Array.from({ length: 100 }, (_, i) => row({ id: i + 1, type: i % 2 ? "chip_order" : "penalty", date: `2024-05-${String((i % 28) + 1).padStart(2, "0")}` }));
    const layout = layoutTimeline(toTimelineChartData(rows), 230);
    expect(layout.marks).toHaveLength(100);
    expect(overlapping(layout.marks, 12)).toBe(0);
  });
});

describe("timeline labels", () => {
  const weighted = (id: number, facts: number, overrides: Partial<TimelineEventRow> = {}) =>
    row({ id, title: `Event number ${id}`, label: { pin: null, facts, sources: 1 }, ...overrides });

  it("labels the best-reported events first, as many as the width allows", () => {
    const rows = [weighted(1, 0, { date: "2022-01-10" }), weighted(2, 9, { date: "2023-01-10" }), weighted(3, 4, { date: "2024-01-10" }), weighted(4, 1, { date: "2025-01-10" })];
    const narrow = layoutTimeline(toTimelineChartData(rows), 400);
    expect(narrow.labels.map((l) => l.eventId)).toEqual([2]);
    const wide = layoutTimeline(toTimelineChartData(rows), 1200);
    expect(wide.labels.map((l) => l.eventId)).toEqual([2, 3, 4, 1]);
  });

  it("always tries a pinned event and never labels an unpinned one", () => {
    const rows = [
      weighted(1, 0, { date: "2022-01-10", label: { pin: true, facts: 0, sources: 1 } }),
      weighted(2, 9, { date: "2024-01-10", label: { pin: false, facts: 9, sources: 3 } }),
      weighted(3, 2, { date: "2025-06-10" }),
    ];
    const labels = layoutTimeline(toTimelineChartData(rows), 300).labels.map((l) => l.eventId);
    expect(labels).toEqual([1, 3]);
  });

  it("never puts a label over a mark or another label, nor outside the plot", () => {
    // Forty events packed into two years of one lane, all worth a label.
    const rows = Array.from({ length: 40 }, (_, i) =>
      weighted(i + 1, 40 - i, { date: `${2023 + (i % 2)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}` }),
    );
    for (const width of [270, 600, 1300]) {
      const layout = layoutTimeline(toTimelineChartData(rows), width, { size: 16, gap: 2 });
      expect(layout.labels.length).toBeGreaterThan(0);
      for (const label of layout.labels) {
        expect(label.left).toBeGreaterThanOrEqual(0);
        expect(label.left + label.width).toBeLessThanOrEqual(width);
        const sameRow = layout.marks.filter((m) => m.top === label.top);
        for (const m of sameRow) expect(m.left + 8 <= label.left || m.left - 8 >= label.left + label.width).toBe(true);
        const others = layout.labels.filter((o) => o !== label && o.top === label.top);
        for (const o of others) expect(o.left >= label.left + label.width || o.left + o.width <= label.left).toBe(true);
      }
    }
  });

  it("cuts long titles at a word", () => {
    expect(labelText("US restricts exports of A100 and H100 chips to China")).toBe("US restricts exports of A100…");
    expect(labelText("Short title")).toBe("Short title");
  });
});

describe("companies side by side", () => {
  it("colours each mark by the chosen company it involves, and events of several by a neutral colour", () => {
    const companies = comparedCompanies(
      ["nvidia", "huawei"],
      new Map([
        ["nvidia", "Nvidia"],
        ["huawei", "Huawei"],
      ]),
    )!;
    const data = toTimelineChartData(
      [
        row({ id: 1, type: "product_launch", involves: ["nvidia"] }),
        row({ id: 2, type: "product_launch", involves: ["huawei"] }),
        row({ id: 3, type: "export_control", involves: ["huawei", "nvidia"] }),
      ],
      3,
      undefined,
      companies,
    );
    const byId = new Map(data.series.flatMap((s) => s.points).map((p) => [p.id, p]));
    expect(data.companies!.map((c) => c.name)).toEqual(["Nvidia", "Huawei"]);
    expect([byId.get(1)!.company, byId.get(2)!.company, byId.get(3)!.company]).toEqual(["Nvidia", "Huawei", "Several of them"]);
    expect(new Set([byId.get(1)!.color, byId.get(2)!.color, byId.get(3)!.color]).size).toBe(3);
    // Shape still tells the type.
    expect(data.series.map((s) => s.shape)).toEqual(["square", "star"]);
  });

  it("keeps type colours with one company or none", () => {
    expect(comparedCompanies(["nvidia"], new Map([["nvidia", "Nvidia"]]))).toBeNull();
    const data = toTimelineChartData([row({ type: "penalty" })]);
    expect(data.series[0]!.points[0]!.color).toBe(data.series[0]!.color);
  });
});

describe("overview strip", () => {
  const months = [
    { month: "2015-04-01", events: 1 },
    { month: "2022-10-01", events: 4 },
    { month: "2025-07-01", events: 2 },
  ];

  it("spans every month of the view, with the chart's window shaded when dates are chosen", () => {
    const window: [number, number] = [Date.UTC(2022, 11, 1), Date.UTC(2025, 6, 1)];
    const strip = toOverviewStrip(months, window, true)!;
    expect(strip.domain).toEqual([Date.UTC(2015, 3, 1), Date.UTC(2025, 7, 1)]);
    expect(strip.window).toEqual(window);
    expect(strip.max).toBe(4);
    expect(strip.months.map((m) => m.events)).toEqual([1, 4, 2]);
  });

  it("has no window without a date filter, and widens to a window past the data", () => {
    expect(toOverviewStrip(months, [0, 1], false)!.window).toBeNull();
    const past = toOverviewStrip(months, [Date.UTC(2025, 0, 1), Date.UTC(2027, 0, 1)], true)!;
    expect(past.domain[1]).toBe(Date.UTC(2027, 0, 1));
    expect(toOverviewStrip([], [0, 1], false)).toBeNull();
  });
});
