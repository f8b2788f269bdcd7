import { describe, expect, it } from "vitest";
import { toTotalBars } from "./totals";

describe("toTotalBars", () => {
  it("draws ranges as ranges and labels lower bounds", () => {
    const bars = toTotalBars([
      { slug: "nvidia", name: "Nvidia", events: 1, convertedFrom: [], unconverted: 0, total: { value: 600_000, valueMax: 700_000, unit: "units", bound: "range" } },
      { slug: "cadence", name: "Cadence Design Systems", events: 1, convertedFrom: [], unconverted: 0, total: { value: 140e6, valueMax: null, unit: "USD", bound: "at_least" } },
    ]);
    expect(bars[0]).toMatchObject({ min: 600_000, extra: 100_000, label: "600,000–700,000 units", lowerBound: false });
    expect(bars[1]).toMatchObject({ min: 140e6, extra: 0, label: "≥ $140M", lowerBound: true });
  });
});
