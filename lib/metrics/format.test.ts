import { describe, expect, it } from "vitest";
import { compactNumber, formatQuantity } from "./format";

describe("formatQuantity", () => {
  it("never reads more precise than the source", () => {
    expect(formatQuantity({ value: 140_000_000, valueMax: null, unit: "USD", bound: "at_least" })).toBe("≥ $140M");
    expect(formatQuantity({ value: 8_200_000, valueMax: null, unit: "USD", bound: "approx" })).toBe("~$8.2M");
    expect(formatQuantity({ value: 600_000, valueMax: 700_000, unit: "units", bound: "range" })).toBe("600,000–700,000 units");
    expect(formatQuantity({ value: 9, valueMax: null, unit: "months", bound: "at_most" })).toBe("≤ 9 months");
    expect(formatQuantity({ value: 1.4, valueMax: null, unit: "ratio", bound: "approx" })).toBe("~1.4×");
    expect(formatQuantity({ value: 0.333333, valueMax: null, unit: "ratio", bound: "approx" })).toBe("~0.33×");
    expect(formatQuantity({ value: 40, valueMax: null, unit: "percent", bound: "exact" })).toBe("40%");
    expect(formatQuantity({ value: 2015, valueMax: 2021, unit: "year", bound: "range" })).toBe("2015–2021");
    expect(formatQuantity({ value: 12e9, valueMax: 15e9, unit: "USD", bound: "range" })).toBe("$12B–15B");
    expect(formatQuantity({ value: 559, valueMax: null, unit: "kW", bound: "exact" })).toBe("559 kW");
  });

  it("compacts large numbers with at most two decimals", () => {
    expect(compactNumber(61_830_000)).toBe("61.83M");
    expect(compactNumber(1_500)).toBe("1.5K");
    expect(compactNumber(999)).toBe("999");
  });
});
