import { describe, expect, it } from "vitest";
import { formatQuantity } from "./format";
import { sumToQuantity } from "./sum";

const sum = (overrides: Partial<Parameters<typeof sumToQuantity>[0]>) => ({
  min: 0,
  max: 0,
  hasLowerBound: false,
  hasUpperBound: false,
  hasApprox: false,
  count: 1,
  ...overrides,
});

describe("sumToQuantity", () => {
  it("adds ranges as ranges", () => {
    expect(formatQuantity(sumToQuantity(sum({ min: 600_000, max: 700_000 }), "units"))).toBe("600,000–700,000 units");
  });
  it("makes a total with a lower bound in it a lower bound", () => {
    expect(formatQuantity(sumToQuantity(sum({ min: 440e6, max: 440e6, hasLowerBound: true }), "USD"))).toBe("≥ $440M");
  });
  it("keeps exact sums exact and hedged ones approximate", () => {
    expect(sumToQuantity(sum({ min: 301_600, max: 301_600 }), "units").bound).toBe("exact");
    expect(sumToQuantity(sum({ min: 5, max: 5, hasApprox: true }), "units").bound).toBe("approx");
    expect(sumToQuantity(sum({ min: 5, max: 5, hasLowerBound: true, hasUpperBound: true }), "units").bound).toBe("approx");
  });
});
