// The builder's "every metric" mode, which the overview's CloudMatrix 384 vs GB200 NVL72 panel is
// a preset of: every metric both have, relative to the baseline, conflicting reports side by side.
import { describe, expect, it } from "vitest";
import type { SourcedFact } from "@/lib/facts/queries";
import { betterDirection } from "@/lib/metrics/registry";
import { combineBounds, EVERY_METRIC, toCompareRows } from "./compare";

const ENTITIES = [
  { slug: "cm384", name: "CloudMatrix 384", kind: "system" as const, country: "CN" },
  { slug: "nvl72", name: "GB200 NVL72", kind: "system" as const, country: "US" },
];
const toComparisonRows = (facts: SourcedFact[], _subject: string, baseline: string) => toCompareRows(facts, ENTITIES, EVERY_METRIC, baseline);

let nextId = 1;
const fact = (overrides: Partial<SourcedFact>): SourcedFact => ({
  id: nextId++,
  metric: "power",
  qualifiers: {},
  usd: null,
  value: 1,
  valueMax: null,
  unit: "kW",
  bound: "exact",
  subject: "cm384",
  object: null,
  quote: "quote",
  article: { id: 1, url: "https://example.org/a", outlet: "outlet-a", sourceKind: null, publishedAt: null },
  ...overrides,
});

describe("every metric, relative to the baseline", () => {
  const facts = [
    fact({ metric: "power", value: 559, subject: "cm384", article: { id: 10, url: null, outlet: "capacitymedia.com", sourceKind: null, publishedAt: null } }),
    fact({ metric: "power", value: 600, bound: "approx", subject: "cm384", article: { id: 11, url: null, outlet: "Aiwire", sourceKind: null, publishedAt: null } }),
    // The same report stored twice (event fact and spec row) must count once.
    fact({ metric: "power", value: 559, subject: "cm384", article: { id: 10, url: null, outlet: "capacitymedia.com", sourceKind: null, publishedAt: null } }),
    fact({ metric: "power", value: 145, bound: "approx", subject: "nvl72" }),
    fact({ metric: "compute", qualifiers: { precision: "BF16" }, value: 300, unit: "PFLOPS", subject: "cm384" }),
    fact({ metric: "compute", qualifiers: { precision: "BF16" }, value: 180_000, unit: "TFLOPS", subject: "nvl72" }),
    fact({ metric: "relative_performance", qualifiers: { precision: "FP16" }, value: 1.4, unit: "ratio", bound: "approx", subject: "cm384", object: "nvl72" }),
    fact({ metric: "rack_count", value: 16, unit: "count", subject: "cm384" }),
  ];
  const rows = toComparisonRows(facts, "cm384", "nvl72");

  it("shows conflicting reports side by side, each with its source", () => {
    const power = rows.filter((r) => r.metric === "power");
    expect(power.map((r) => [r.sources.map((s) => s.outlet).join(), r.display, r.normalised!.toFixed(2)])).toEqual([
      ["capacitymedia.com", "559 kW", "3.86"],
      ["Aiwire", "~600 kW", "4.14"],
    ]);
    expect(power.every((r) => r.normalisedBound === "approx")).toBe(true);
    expect(power[0]!.derivation).toBe("559 kW ÷ ~145 kW for GB200 NVL72 (outlet-a)");
  });

  it("lists agreeing sources on one row", () => {
    const agreeing = toComparisonRows(
      [
        fact({ metric: "rack_count", value: 16, unit: "count", subject: "cm384", article: { id: 1, url: null, outlet: "A", sourceKind: null, publishedAt: null } }),
        fact({ metric: "rack_count", value: 16, unit: "count", subject: "cm384", article: { id: 2, url: null, outlet: "B", sourceKind: null, publishedAt: null } }),
        fact({ metric: "rack_count", value: 1, unit: "count", subject: "nvl72" }),
      ],
      "cm384",
      "nvl72",
    );
    expect(agreeing.map((r) => r.sources.map((s) => s.outlet))).toEqual([["A", "B"]]);
  });

  it("converts units before dividing and keeps stated ratios as stated", () => {
    expect(rows.find((r) => r.metric === "compute:BF16")?.normalised).toBeCloseTo(300 / 180);
    const stated = rows.find((r) => r.metric === "relative_performance:FP16")!;
    expect([stated.derivation, stated.normalised, stated.display]).toEqual(["ratio to GB200 NVL72 stated by the source", 1.4, "~1.4×"]);
    // The baseline's own reports are the 1× line, not bars.
    expect(rows.every((r) => r.entity === "cm384")).toBe(true);
  });

  it("leaves out metrics the baseline lacks", () => {
    expect(rows.some((r) => r.metric === "rack_count")).toBe(false);
  });
});

describe("combineBounds", () => {
  it("keeps a lower bound over an exact value, and degrades anything hedged to approximate", () => {
    expect(combineBounds("at_least", "exact")).toBe("at_least");
    expect(combineBounds("exact", "exact")).toBe("exact");
    expect(combineBounds("exact", "approx")).toBe("approx");
    expect(combineBounds("at_least", "at_most")).toBe("approx");
  });
});

describe("which way is better", () => {
  it("groups higher-is-better metrics before lower-is-better ones and says so on each row", () => {
    const rows = toComparisonRows(
      [
        fact({ metric: "power", value: 559, subject: "cm384", article: { id: 21, url: null, outlet: "a", sourceKind: null, publishedAt: null } }),
        fact({ metric: "power", value: 145, subject: "nvl72", article: { id: 22, url: null, outlet: "b", sourceKind: null, publishedAt: null } }),
        fact({
          metric: "compute",
          qualifiers: { precision: "BF16" },
          value: 300,
          unit: "PFLOPS",
          subject: "cm384",
          article: { id: 23, url: null, outlet: "c", sourceKind: null, publishedAt: null },
        }),
        fact({
          metric: "compute",
          qualifiers: { precision: "BF16" },
          value: 180,
          unit: "PFLOPS",
          subject: "nvl72",
          article: { id: 24, url: null, outlet: "d", sourceKind: null, publishedAt: null },
        }),
      ],
      "cm384",
      "nvl72",
    );
    expect(rows.map((row) => betterDirection(row.metric))).toEqual(["higher", "lower"]);
    expect(rows[0]!.metricLabel).toMatch(/— higher is better$/);
    expect(rows[1]!.metricLabel).toMatch(/^Power.* — lower is better$/);
  });
});
