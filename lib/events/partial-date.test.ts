import { describe, expect, it } from "vitest";
import { formatPartialDate, parsePartialDate } from "./partial-date";

describe("partial dates", () => {
  it("keeps the precision the source gave", () => {
    expect(parsePartialDate("2023-04")).toEqual({ date: new Date("2023-04-01T00:00:00Z"), precision: "month" });
    expect(parsePartialDate("2025-07-28").precision).toBe("day");
    expect(parsePartialDate("2015").precision).toBe("year");
    expect(formatPartialDate(new Date("2023-04-01T00:00:00Z"), "month")).toBe("Apr 2023");
    expect(formatPartialDate(new Date("2025-07-28T00:00:00Z"), "day")).toBe("28 Jul 2025");
    expect(formatPartialDate(new Date("2025-04-01T00:00:00Z"), "quarter")).toBe("Q2 2025");
  });

  it("rejects malformed and impossible dates with a message", () => {
    expect(() => parsePartialDate("April 2023")).toThrow(/YYYY/);
    expect(() => parsePartialDate("2023-02-30")).toThrow(/not a real calendar date/);
    expect(() => parsePartialDate("2023-13")).toThrow(/not a real calendar date/);
  });
});
