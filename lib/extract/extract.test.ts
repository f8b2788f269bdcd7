// The extractor on real sentences: the founding article, hedges, ranges, ratios and the numbers
// an analyst would not store.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGazetteer } from "./entities";
import { extractFacts } from "./extract";

const entities = JSON.parse(readFileSync("prisma/seed-data/entities.json", "utf8")) as Parameters<typeof buildGazetteer>[0];
const gazetteer = buildGazetteer(entities);
const extract = (text: string, published: Date | null = null) => extractFacts(text, { gazetteer, published });
const seedText = readFileSync("prisma/seed-data/seed-article.txt", "utf8");

describe("the founding article", () => {
  const { facts, events, entities: mentions } = extract(seedText, new Date("2025-07-30T00:00:00Z"));
  const find = (value: number, unit: string) => facts.find((f) => f.value === value && f.unit === unit);

  it("proposes every number-bearing statement with value, unit, bound and subject", () => {
    expect(find(300000, "units")).toMatchObject({ kind: "chip_order", metric: "units_ordered", subject: "Nvidia", bound: "exact" });
    expect(find(600000, "units")).toMatchObject({ kind: "stockpile", valueMax: 700000, bound: "range", subject: "Nvidia" });
    expect(find(9, "months")).toMatchObject({ kind: "duration", bound: "at_most", subject: "Nvidia" });
    expect(find(384, "units")).toMatchObject({ kind: "spec", metric: "accelerator_count", subject: "CloudMatrix 384", object: "Ascend 910C" });
    expect(find(1.4, "ratio")).toMatchObject({
      metric: "relative_performance",
      qualifiers: { precision: "FP16" },
      subject: "CloudMatrix 384",
      object: "GB200 NVL72",
      bound: "approx",
    });
    expect(facts.find((f) => f.unit === "ratio" && Math.abs(f.value - 1 / 3) < 1e-6)).toMatchObject({ object: "B200", bound: "approx" });
    expect(find(600, "kW")).toMatchObject({ metric: "power", subject: "CloudMatrix 384", bound: "approx" });
    expect(find(4, "ratio")).toMatchObject({ metric: "relative_power", object: "GB200 NVL72" });
    expect(find(8200000, "USD")).toMatchObject({ subject: "CloudMatrix 384", bound: "approx" });
    expect(find(16, "count")).toMatchObject({ metric: "rack_count" });
    expect(find(2, "ratio")).toMatchObject({ metric: "relative_price", bound: "at_least" });
    expect(find(140000000, "USD")).toMatchObject({ kind: "penalty", subject: "Cadence Design Systems", bound: "at_least" });
    // A period only dates the facts around it (the labelling's rule): "between 2015 and 2021" is
    // not a fact; "on the Entity List since February 2015" is a dated listing, an event.
    expect(facts.some((f) => f.unit === "year")).toBe(false);
    expect(events.find((e) => e.date === "2015-02")).toMatchObject({ type: "entity_listing" });
    expect(find(3, "years")).toMatchObject({ metric: "probation", subject: "Cadence Design Systems" });
    expect(find(56, "count")).toMatchObject({ bound: "at_least", subject: "Cadence Design Systems" });
    expect(facts).toHaveLength(14);
  });

  it("gives every quote exactly at its offsets", () => {
    for (const fact of facts) expect(seedText.slice(fact.start, fact.end)).toBe(fact.quote);
    for (const mention of mentions) expect(mention.end).toBeLessThanOrEqual(seedText.length);
  });

  it("finds the known entities by name and alias", () => {
    const names = new Set(mentions.map((m) => m.name));
    for (const name of [
      "Nvidia",
      "TSMC",
      "Huawei",
      "CloudMatrix 384",
      "GB200 NVL72",
      "Cadence Design Systems",
      "National University of Defense Technology",
      "US Commerce Department (BIS)",
      "Phytium",
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe("quantities", () => {
  it("reads scales, currencies and ranges", () => {
    expect(extract("It generated an estimated $12 billion to $15 billion in 2024.").facts[0]).toMatchObject({ value: 12e9, valueMax: 15e9, unit: "USD", bound: "range" });
    expect(extract("Sales reached $12–15 billion last year.").facts[0]).toMatchObject({ value: 12e9, valueMax: 15e9 });
    expect(extract("Huawei's revenue was 344 billion yuan.").facts[0]).toMatchObject({ value: 344e9, unit: "CNY" });
    expect(extract("A GPU with 1.44 exaFLOPS of FP4 precision.").facts[0]).toMatchObject({ value: 1.44, unit: "EFLOPS", metric: "compute", qualifiers: { precision: "FP4" } });
    // Two currencies are two facts; the bracketed one is marked as restating the first.
    expect(extract("Baidu ordered 1,600 Ascend 910B chips for approximately 450 million yuan (US$61.83 million).").facts.map((f) => [f.value, f.unit, f.restates])).toEqual([
      [1600, "units", null],
      [450000000, "CNY", null],
      [61830000, "USD", 1],
    ]);
  });

  it("reads durations in words", () => {
    expect(extract("They asked for roughly a full year’s supply of H20 chips.").facts[0]).toMatchObject({ value: 1, unit: "years", bound: "approx" });
    expect(extract("Restarting production could take up to nine months.").facts[0]).toMatchObject({ value: 9, unit: "months", bound: "at_most" });
  });

  it("keeps hedges as bounds", () => {
    const bound = (text: string) => extract(text).facts[0]?.bound;
    expect(bound("TSMC could face a penalty of $1 billion or more.")).toBe("at_least");
    expect(bound("Huawei will produce no more than 200,000 AI chips.")).toBe("at_most");
    expect(bound("TSMC made nearly three million chips.")).toBe("approx");
    expect(bound("The cluster uses roughly 560 kW.")).toBe("approx");
  });

  it("turns relative statements into ratios with their baseline", () => {
    expect(extract("The Ascend 950 offers interconnect bandwidth 2.5 times higher than the Ascend 910C.").facts.find((f) => f.unit === "ratio")).toMatchObject({
      value: 2.5,
      object: "Ascend 910C",
    });
    expect(extract("The B30A would deliver half the raw computing power of the B300.").facts[0]).toMatchObject({ value: 0.5, unit: "ratio", object: "B300" });
  });

  it("ignores what an analyst would not store", () => {
    expect(extract("5 min read").facts).toEqual([]);
    expect(extract("The rule was confirmed [3] by officials.").facts).toEqual([]);
    expect(extract("Jensen Huang, aged 62, spoke in Beijing.").facts).toEqual([]);
    expect(extract("The H20 uses HBM3 memory and supports FP8 on 5G networks.").facts).toEqual([]);
    expect(extract("In 2024, the company grew.").facts).toEqual([]);
    expect(extract("The “AI race” between the two nations continues.").facts).toEqual([]);
  });

  it("dates facts from the text, relative dates against the publication date", () => {
    const facts = extract("Last week, Nvidia placed an order for 300,000 H20 chips with TSMC.", new Date("2025-07-30T00:00:00Z")).facts;
    expect(facts[0]?.date).toMatch(/^2025-07/);
    expect(extract("On February 18, 2015, BIS added four organizations to the Entity List.").facts[0]).toMatchObject({ value: 4, date: "2015-02-18", kind: "export_control" });
  });

  it("attributes the quantity to the clause subject, not the nearest name", () => {
    expect(extract("The Commerce Department projects that Huawei will produce no more than 200,000 AI chips in 2025.").facts[0]?.subject).toBe("Huawei");
    // A licence requirement is about the party it binds; the agency that imposes it is the object.
    expect(extract("BIS said it is imposing license requirements on Huawei and its 68 non-U.S. affiliates.").facts[0]?.subject).toBe("Huawei");
  });
});
