import { describe, expect, it } from "vitest";
import { convertValue } from "./units";

describe("convertValue", () => {
  it("converts within a dimension and refuses across dimensions or currencies", () => {
    expect(convertValue(148, "TFLOPS", "PFLOPS")).toBeCloseTo(0.148);
    expect(convertValue(1.44, "EFLOPS", "PFLOPS")).toBeCloseTo(1440);
    expect(convertValue(13.5, "TB", "GB")).toBe(13500);
    expect(convertValue(559, "kW", "W")).toBe(559000);
    expect(convertValue(5, "kW", "GB")).toBeUndefined();
    expect(convertValue(5, "USD", "CNY")).toBeUndefined();
    expect(convertValue(5, "furlongs", "nm")).toBeUndefined();
  });
});
