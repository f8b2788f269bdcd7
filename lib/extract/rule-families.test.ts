// Each rule family of the extractor held to at least three sentences in different words (issue 13:
// no rule for one sentence). Written for these tests, not taken from ../shared/eval.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGazetteer } from "./entities";
import { extractFacts } from "./extract";
import type { RuleFamily, RuleSwitches } from "./rules";

const gazetteer = buildGazetteer(JSON.parse(readFileSync("prisma/seed-data/entities.json", "utf8")));
const extract = (text: string, published = "2025-06-10") => extractFacts(text, { gazetteer, published: new Date(`${published}T00:00:00Z`) });
const first = (text: string) => extract(text).facts[0];

describe("organisations the gazetteer does not know, from proper-noun runs (wink-nlp)", () => {
  it.each([
    ["Zhonghao Cloud ordered 6,000 accelerators from a domestic supplier.", "Zhonghao Cloud"],
    ["Shares of Pinecrest Semiconductor jumped 12% on Tuesday.", "Pinecrest Semiconductor"],
    ["Last quarter Kestrel Networks booked revenue of $410 million.", "Kestrel Networks"],
  ])("%s", (text, subject) => expect(first(text)?.subject).toBe(subject));

  it("a capitalised word opening a sentence or a label is not an organisation", () => {
    for (const text of ["Revenue rose to $3 billion.", "Power: 450 W", "Shipments climbed 30% in May."]) {
      expect(extract(text).entities.map((e) => e.name)).toEqual([]);
    }
  });
});

describe("penalties belong to the payer, not the authority", () => {
  it.each([
    ["BIS imposed a $2 million penalty on Orion Systems for unlicensed shipments.", "Orion Systems"],
    ["The Commerce Department fined Halberd Electronics $750,000 last week.", "Halberd Electronics"],
    ["Under the settlement with BIS, Varga Technologies will pay $1.2 million.", "Varga Technologies"],
  ])("%s", (text, payer) => expect(first(text)).toMatchObject({ kind: "penalty", subject: payer }));
});

describe("a criminal case's counts and terms belong to the defendant", () => {
  it.each([
    ["Prosecutors said Wei Zhang smuggled the servers; Zhang faces up to 20 years in prison.", "Zhang"],
    ["Mr. Okafor was charged with three counts of export violations.", "Okafor"],
    ["Ana Lima pleaded guilty and Lima could be fined $250,000.", "Lima"],
  ])("%s", (text, defendant) => expect(extract(text).facts.at(-1)?.subject).toBe(defendant));
});

describe("kind boundaries from the labelling rules", () => {
  it.each([
    ["The company has 90 days to comply with the new rule.", "duration"],
    ["The fine is payable in four instalments over 18 months.", "duration"],
    ["Nvidia's gross margin was 71.2% in the quarter.", "financial"],
    ["Nvidia took a 4% stake in Intel.", "investment"],
    ["Huawei shares of revenue aside, Nvidia stock fell 5%.", "financial"],
    ["The licences allow the import of 30,000 H20 chips a year.", "export_control"],
    ["Shipments to China may not exceed 50% of the volume sold at home.", "export_control"],
    ["The B200 packs 208 billion transistors.", "spec"],
  ])("%s → %s", (text, kind) => expect(extract(text).facts.at(-1)?.kind).toBe(kind));
});

describe("dated actions without a number are events", () => {
  it.each([
    ["Nexa Semiconductor was added to the Entity List on March 3.", "entity_listing", "2025-03-03"],
    ["The rule takes effect on 1 September 2025.", "export_control", "2025-09-01"],
    ["The Kunlun P900 is due in the second half of 2026.", "product_launch", "2026-07"],
  ])("%s", (text, type, date) => expect(extract(text).events[0]).toMatchObject({ type, date }));

  it("a sentence with a quantity dates its fact instead, and a dateline is no event", () => {
    expect(extract("BIS added 12 companies to the Entity List on March 3.").events).toEqual([]);
    expect(extract("WASHINGTON, June 9 (Wire) - Lawmakers met.").events).toEqual([]);
    expect(extract("Analysts are cautious about the outlook.").events).toEqual([]);
  });
});

describe("periods are dated by their start", () => {
  it.each([
    ["Revenue of $2 billion in the first half of 2024 was a record.", "2024-01"],
    ["The company shipped 5,000 servers in the third quarter of 2023.", "2023-07"],
    ["It held 9,000 GPUs at the end of 2024.", "2024-12"],
  ])("%s", (text, date) => expect(first(text)?.date).toBe(date));
});

// The families of lib/extract/rules.ts: each holds on three sentences written for it, and the
// first of them fails with the family switched off (so the ablation table measures something real).
const withRules = (text: string, rules: RuleSwitches = {}) => extractFacts(text, { gazetteer, published: new Date("2025-06-10T00:00:00Z"), rules }).facts;
const figure = (facts: ReturnType<typeof withRules>, value: number) => facts.find((f) => f.value === value);

describe.each<{ family: RuleFamily; cases: [string, number, Record<string, unknown>][] }>([
  {
    family: "countedNouns",
    cases: [
      ["The new board carries 96 custom vector cores.", 96, { unit: "count" }],
      ["Orion delivered 4,500 of the accelerators by June.", 4500, { unit: "units" }],
      ["The cluster trains models with 70 billion parameters.", 70e9, { unit: "count" }],
    ],
  },
  {
    family: "rangesWrittenOnce",
    cases: [
      ["Rebuilding the line would take four to six months.", 4, { valueMax: 6, unit: "months" }],
      ["The new part is 1.8 to 2.2 times faster than the old one.", 1.8, { valueMax: 2.2, unit: "ratio" }],
      ["The tender was shared among three to five vendors.", 3, { valueMax: 5 }],
    ],
  },
  {
    family: "signedFalls",
    cases: [
      ["Shares of Pinecrest Semiconductor slid 4.5% on Monday.", -4.5, { kind: "financial" }],
      ["Nvidia closed 6% lower after the announcement.", -6, { kind: "financial" }],
      ["The index dropped about 1.2% in early trading.", -1.2, {}],
    ],
  },
  {
    family: "scoreUnits",
    cases: [
      ["Chips with a TPP score of 4,800 or more need a licence.", 4800, { unit: "TPP", kind: "export_control" }],
      ["The rule caps exports at a total processing performance of 2,400.", 2400, { unit: "TPP" }],
      ["The H20 rates 2,368 TPP on the same scale.", 2368, { unit: "TPP", kind: "spec" }],
    ],
  },
  {
    family: "multiples",
    cases: [
      ["Versus the previous rack: 2.7x", 2.7, { unit: "ratio" }],
      ["The offering was oversubscribed 400 times.", 400, { unit: "ratio" }],
      ["Exports to China may not exceed half of domestic sales.", 0.5, { unit: "ratio" }],
    ],
  },
])("$family", ({ family, cases }) => {
  it.each(cases)("%s", (text, value, expected) => expect(figure(withRules(text), value)).toMatchObject(expected));
  it("fails on its first sentence when switched off", () => {
    const [text, value, expected] = cases[0]!;
    expect(figure(withRules(text, { [family]: false }), value) ?? {}).not.toMatchObject(expected);
  });
});

describe("notFacts: sources, labels, tolerances, idioms and model numbers are not proposed", () => {
  it.each([
    ["Three people familiar with the talks said Nvidia ordered 9,000 wafers.", 3],
    ["Tier 2 countries may import 1,700 chips without a licence.", 2],
    ["Revenue will be $12 billion, plus or minus 2%, the company said.", 2],
    ["The stock posted its biggest one-day gain since 2008.", 1],
    ["Baidu's Tianchi 512 links 512 chips.", 512],
  ])("%s", (text, value) => {
    const facts = withRules(text);
    expect(facts.filter((f) => Math.abs(f.value) === value)).toHaveLength(text.includes("links 512") ? 1 : 0);
  });
  it("proposes them when switched off", () =>
    expect(figure(withRules("Three people familiar with the talks said Nvidia ordered 9,000 wafers.", { notFacts: false }), 3)).toBeDefined());
});

// Subjects and merging: who a figure is about, and one proposal per figure.
describe.each<{ family: RuleFamily; cases: [string, number, string][] }>([
  {
    family: "listProducts",
    cases: [
      ["ORION X900 - shipping next year\n- Memory bandwidth: 9 TB/s\n- Board power: 900 W", 9, "Orion X900"],
      ["Specifications:\n- Kestrel K7 links 64 chips in one rack.\n- Rack power: 140 kW", 140, "Kestrel K7"],
      ["HALO 3000 - preliminary\n- FP8 compute: 4 PFLOPS", 4, "Halo 3000"],
    ],
  },
  {
    family: "unnamedParties",
    cases: [
      ["The Commerce Department added 19 entities to the Entity List.", 19, "entities"],
      ["Some large Chinese foundries get 90 days to stop shipping.", 90, "Chinese foundries"],
      ["BIS listed 11 Chinese companies on Friday.", 11, "Chinese companies"],
    ],
  },
  {
    family: "caseDefendants",
    cases: [
      ["Wei Zhang was charged with smuggling GPUs to China. Prosecutors said he was indicted on four counts. Agents seized 3 trucks.", 3, "Zhang"],
      ["Lena Ortiz pleaded guilty to export violations. Investigators found 40 servers in a warehouse.", 40, "Ortiz"],
      ["Tomas Berg was sentenced for conspiracy. The scheme moved $9 million through shell firms.", 9e6, "Berg"],
    ],
  },
  {
    family: "subjectFitsKind",
    cases: [
      ["Nvidia said sales of the H20 came to about $50 million.", 50e6, "Nvidia"],
      ["Huawei reported that revenue from its Ascend chips reached $2 billion.", 2e9, "Huawei"],
      ["Nvidia's B200 holds 208 billion transistors.", 208e9, "B200"],
    ],
  },
  {
    family: "roleAnaphora",
    cases: [
      ["Xinghe agreed to supply 8,000 accelerators to Lanting Cloud. The buyer paid a 20% deposit.", 20, "Lanting Cloud"],
      ["Tencent agreed to buy 5,000 H20 chips from Nvidia. The purchaser will pay $60 million.", 60e6, "Tencent"],
      ["Alibaba ordered 3,000 servers from Inspur. The supplier will deliver 1,000 of them in May.", 1000, "Inspur"],
    ],
  },
  {
    family: "coordinatedSubjects",
    cases: [
      ["The H100 and the H800 are both rated at 700 W.", 700, "H800"],
      ["Nvidia and AMD shares fell 3%.", -3, "AMD"],
      ["Alibaba and Tencent each ordered 2,000 servers.", 2000, "Tencent"],
    ],
  },
  {
    family: "paragraphTopic",
    cases: [
      ["Nvidia led the market again this week, and Nvidia stock hit a record.\n\nSMIC reported strong orders. Fab utilisation climbed to 92%.", 92, "SMIC"],
      ["Nvidia dominated the news.\n\nHuawei said demand was strong. Revenue rose to $40 billion.", 40e9, "Huawei"],
      ["Nvidia was the talk of the week.\n\nMicron expanded output. Capacity grew 15%.", 15, "Micron"],
    ],
  },
])("$family", ({ family, cases }) => {
  const proposed = (facts: ReturnType<typeof withRules>, value: number, subject: string) => facts.some((f) => f.value === value && f.subject === subject);
  it.each(cases)("%s", (text, value, subject) => expect(proposed(withRules(text), value, subject)).toBe(true));
  it("fails on its first sentence when switched off", () => {
    const [text, value, subject] = cases[0]!;
    expect(proposed(withRules(text, { [family]: false }), value, subject)).toBe(false);
  });
});

describe("oneFactPerQuantity: a repeated figure is one proposal with extra quotes", () => {
  it.each([
    "Orion fined $3 million over shipments to China\n\nBIS fined Orion Systems $3 million on Monday for unlicensed exports.",
    "Nvidia Books 300,000-Chip Order\n\nTencent ordered 300,000 H20 chips from Nvidia, people said.",
    "Key figures\nRevenue: $5.2 billion\n\nKestrel Networks said revenue reached $5.2 billion in the quarter.",
  ])("%s", (text) => {
    const facts = withRules(text);
    expect(facts.filter((f) => f.alsoQuoted.length === 1)).toHaveLength(1);
    expect(facts).toHaveLength(1);
  });
  it("keeps both when switched off", () =>
    expect(
      withRules("Orion fined $3 million over shipments to China\n\nBIS fined Orion Systems $3 million on Monday for unlicensed exports.", { oneFactPerQuantity: false }),
    ).toHaveLength(2));
});

describe("subjectFitsKind: a levy's payer is the company, not the government that speaks", () => {
  it.each([
    ["AMD said its MI308 sales to China resumed.\n\nThe U.S. government said the proposed 15% remittance would apply from next month.", 15, "AMD"],
    ["Nvidia agreed to the arrangement. The White House said the 15% levy on H20 revenue will be collected quarterly.", 15, "Nvidia"],
    ["Micron signed the export deal. Washington said the firm will remit 12% of the proceeds.", 12, "Micron"],
  ])("%s", (text, value, payer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", subject: payer }));
  it("gives it to the government when switched off", () =>
    expect(figure(withRules("Micron signed the export deal. Washington said the firm will remit 12% of the proceeds.", { subjectFitsKind: false }), 12)?.subject).toBe(
      "US government",
    ));
});
