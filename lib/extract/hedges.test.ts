import { describe, expect, it } from "vitest";
import { boundFromPrefix } from "./hedges";

describe("boundFromPrefix", () => {
  it.each([
    ["pay over $", "at_least"],
    ["agreed to pay more than $", "at_least"],
    ["completed at least ", "at_least"],
    ["could take up to ", "at_most"],
    ["face a maximum penalty of ", "at_most"],
    ["yielding approximately ", "approx"],
    ["around ", "approx"],
    ["TSMC made nearly ", "approx"],
    ["roughly ", "approx"],
    ["will produce no more than ", "at_most"],
    ["no fewer than ", "at_least"],
  ])("%s… → %s", (prefix, bound) => {
    expect(boundFromPrefix(prefix)).toBe(bound);
  });

  it("leaves unhedged numbers alone, and only looks at the words just before the number", () => {
    expect(boundFromPrefix("Nvidia placed an order for ")).toBeUndefined();
    expect(boundFromPrefix("over the years, the company shipped ")).toBeUndefined();
    expect(boundFromPrefix("moreover ")).toBeUndefined();
  });
});
