import { describe, expect, it } from "vitest";
import type { SourcedFact } from "@/lib/facts/queries";
import { comparableMetrics, compareDirection, compareMetricLabel, compareRowLabel, toCompareRows } from "./compare";

let id = 1;
// Facts named by series ("compute:BF16:dense"), as the registry keys them.
const fact = (subject: string, series: string, value: number, unit: string, outlet: string, bound: SourcedFact["bound"] = "exact"): SourcedFact => ({
  id: id++,
  metric: series.split(":")[0]!,
  qualifiers: series === "compute:BF16:dense" ? { precision: "BF16", sparsity: "dense" } : {},
  usd: null,
  value,
  valueMax: null,
  unit,
  bound,
  subject,
  object: null,
  quote: `${subject} ${series} ${value}`,
  article: { id: outlet.length * 100 + id, url: null, outlet, sourceKind: null, publishedAt: null },
});

const facts = [
  fact("cm384", "compute:BF16:dense", 300, "PFLOPS", "capacitymedia.com", "at_least"),
  fact("cm384", "power", 559, "kW", "capacitymedia.com"),
  fact("cm384", "power", 600, "kW", "Aiwire", "approx"),
  fact("nvl72", "compute:BF16:dense", 180, "PFLOPS", "theaiman", "approx"),
  fact("nvl72", "power", 145, "kW", "epium.com", "approx"),
  fact("h20", "compute:BF16:dense", 148, "TFLOPS", "tomshardware"),
];
const entities = [
  { slug: "cm384", name: "CloudMatrix 384" },
  { slug: "nvl72", name: "GB200 NVL72" },
  { slug: "h20", name: "H20" },
];

describe("toCompareRows", () => {
  it("ranks chips apart from rack systems, best first within each, and colours them by vendor country", () => {
    const typed = [
      { slug: "cm384", name: "CloudMatrix 384", kind: "system" as const, country: "CN" },
      { slug: "nvl72", name: "GB200 NVL72", kind: "system" as const, country: "US" },
      { slug: "h20", name: "H20", kind: "chip" as const, country: "US" },
    ];
    const rows = toCompareRows(facts, typed, "compute:BF16:dense", null);
    expect(rows.map((r) => [r.name, r.kind, r.country, r.best])).toEqual([
      ["H20", "chip", "US", true],
      ["CloudMatrix 384", "system", "CN", true],
      ["GB200 NVL72", "system", "US", false],
    ]);
    expect(rows.map((r) => compareRowLabel(r, rows))).toEqual(["H20 · 0.15 PFLOPS", "CloudMatrix 384 (system) · ≥ 300 PFLOPS", "GB200 NVL72 (system) · ~180 PFLOPS"]);
  });

  it("puts stated values on one unit and normalises to the baseline", () => {
    const rows = toCompareRows(facts, entities, "compute:BF16:dense", "nvl72");
    expect(rows.map((r) => [r.name, r.display, r.normalised?.toFixed(3)])).toEqual([
      ["CloudMatrix 384", "≥ 300 PFLOPS", "1.667"],
      ["GB200 NVL72", "~180 PFLOPS", "1.000"],
      ["H20", "0.15 PFLOPS", "0.001"],
    ]);
  });

  it("derives performance per kW from each pairing of reports, and says how", () => {
    const rows = toCompareRows(facts, entities, "bf16_per_kw", "nvl72");
    const cm = rows.filter((r) => r.entity === "cm384");
    expect(cm.map((r) => r.derivation)).toEqual(["≥ 300 PFLOPS ÷ 559 kW, from capacitymedia.com", "≥ 300 PFLOPS ÷ ~600 kW, from capacitymedia.com and Aiwire"]);
    expect(cm[0]!.value).toBeCloseTo(300_000 / 559);
    expect(cm[0]!.bound).toBe("at_least");
    expect(rows.find((r) => r.entity === "nvl72")!.value).toBeCloseTo(180_000 / 145);
    expect(rows.some((r) => r.entity === "h20")).toBe(false);
  });

  it("knows that lower power and a lower price are better, and higher compute", () => {
    const power = toCompareRows(facts, entities, "power", null);
    expect(power.map((r) => [r.name, r.value, r.best])).toEqual([
      ["GB200 NVL72", 145, true],
      ["CloudMatrix 384", 559, false],
      ["CloudMatrix 384", 600, false],
    ]);
    expect(compareMetricLabel("power")).toBe("Power — lower is better");
    expect(compareMetricLabel("price")).toBe("Price — lower is better");
    expect(compareDirection("unit_cost")).toBe("lower");
    const compute = toCompareRows(facts, entities, "compute:BF16:dense", null);
    expect(compute[0]).toMatchObject({ name: "CloudMatrix 384", best: true });
    expect(compareMetricLabel("compute:BF16:dense")).toBe("Compute (BF16, dense) — higher is better");
    expect(compareDirection("bf16_per_kw")).toBe("higher");
  });

  it("offers only metrics that at least two of the chosen entities have", () => {
    expect(comparableMetrics(facts, ["cm384", "nvl72", "h20"])).toEqual(["compute:BF16:dense", "power", "bf16_per_kw"]);
    expect(comparableMetrics(facts, ["cm384", "h20"])).toEqual(["compute:BF16:dense"]);
  });
});
