import { describe, expect, it } from "vitest";
import { describeFilters } from "./describe";
import { dateBounds, filtersToSearchParams, parseFilters } from "./schema";

describe("parseFilters", () => {
  it("reads the documented URL exactly and writes it back unchanged", () => {
    const url = "company=nvidia&company=huawei&type=penalty&from=2025-01&to=2025-12&q=h20";
    const { filters, notices } = parseFilters(new URLSearchParams(url));
    expect(notices).toEqual([]);
    expect(filters).toEqual({
      companies: ["nvidia", "huawei"],
      includeSubsidiaries: false,
      role: "party",
      types: ["penalty"],
      countries: [],
      from: "2025-01",
      to: "2025-12",
      q: "h20",
      sources: [],
    });
    expect(filtersToSearchParams(filters).toString()).toBe(url);
  });

  it("reads kinds of source, refuses unknown ones with a notice, and says so in words", () => {
    const { filters, notices } = parseFilters(new URLSearchParams("source=primary&source=news&source=blog"));
    expect(filters.sources).toEqual(["primary", "news"]);
    expect(notices).toEqual([{ key: "source", value: "blog", message: "not a kind of source (one of primary, news, trade, analysis, other)" }]);
    expect(filtersToSearchParams(filters).toString()).toBe("source=primary&source=news");
    expect(describeFilters(filters, new Map())).toBe("Primary and news sources only");
  });

  it("accepts Next.js searchParams objects with single and repeated keys", () => {
    const { filters } = parseFilters({ company: ["nvidia", "nvidia"], country: "cn", subsidiaries: "1" });
    expect(filters.companies).toEqual(["nvidia"]);
    expect(filters.countries).toEqual(["CN"]);
    expect(filters.includeSubsidiaries).toBe(true);
  });

  it("drops invalid values with a notice per value and keeps the valid ones", () => {
    const { filters, notices } = parseFilters(new URLSearchParams("type=penalty&type=bribery&from=2025-13&to=2025-06&country=China&company=Robert'); DROP TABLE"));
    expect(filters.types).toEqual(["penalty"]);
    expect(filters.from).toBeNull();
    expect(filters.to).toBe("2025-06");
    expect(filters.companies).toEqual([]);
    expect(notices.map((n) => `${n.key}=${n.value}`)).toEqual(["company=Robert'); DROP TABLE", "type=bribery", "country=China", "from=2025-13"]);
    expect(notices.every((n) => n.message.length > 0)).toBe(true);
  });

  it("ignores the subsidiaries flag when no company is chosen (found by the property test)", () => {
    const { filters } = parseFilters({ subsidiaries: "1" });
    expect(filters.includeSubsidiaries).toBe(false);
    expect(parseFilters(filtersToSearchParams(filters)).filters).toEqual(filters);
  });

  it("swaps a reversed date range and says so", () => {
    const { filters, notices } = parseFilters({ from: "2025-12", to: "2025-01" });
    expect([filters.from, filters.to]).toEqual(["2025-01", "2025-12"]);
    expect(notices[0]?.message).toMatch(/swapped/);
  });

  it("ignores empty values without complaint and limits search text", () => {
    expect(parseFilters({ q: "", from: "" }).notices).toEqual([]);
    expect(parseFilters({ q: "x".repeat(201) }).notices[0]?.message).toMatch(/200/);
  });
});

describe("dateBounds", () => {
  it("covers whole months, December included", () => {
    expect(dateBounds({ from: "2025-01", to: "2025-12" })).toEqual({ start: "2025-01-01", endExclusive: "2026-01-01" });
    expect(dateBounds({ from: null, to: "2024-02" })).toEqual({ start: null, endExclusive: "2024-03-01" });
  });
});

describe("describeFilters", () => {
  it("puts the filters into words", () => {
    const { filters } = parseFilters(new URLSearchParams("company=nvidia&company=huawei&type=penalty&from=2025-01&to=2025-12"));
    const names = new Map([
      ["nvidia", "Nvidia"],
      ["huawei", "Huawei"],
    ]);
    expect(describeFilters(filters, names)).toBe("Nvidia, Huawei · Penalty · Jan–Dec 2025");
    expect(describeFilters(parseFilters({}).filters, names)).toBe("All events");
    expect(describeFilters(parseFilters({ from: "2023-04", to: "2025-02" }).filters, names)).toBe("Apr 2023–Feb 2025");
  });
});
