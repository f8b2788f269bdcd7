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

describe("dates in figures and relative dates still open a window for chrono", () => {
  it.each([
    ["The licence was granted on 03/15/2025 after a long review.", "2025-03-15"],
    ["The rule was published as 2025-04-02 in the register.", "2025-04-02"],
    ["Halberd Electronics was added to the Entity List two weeks ago.", "2025-05-27"],
    ["Orion Compute was added to the Entity List yesterday.", "2025-06-09"],
  ])("%s", (text, date) => expect(extract(text).events[0]?.date).toBe(date));
});

describe("an anaphor's noun is a whole word: 'the chipmaker' is the company, not its chip", () => {
  it.each([
    [
      "Nvidia beat estimates but said the outlook did not include sales of its H20 chips to China.\n\nThe chipmaker expects revenue of about $54 billion, compared with analysts' average estimate of $52.8 billion, according to LSEG data.",
      52.8e9,
      "Nvidia",
    ],
    [
      "Cambricon raised its forecast on Friday, citing orders for its Siyuan 590 accelerators.\n\nThe chipmaker now sees full-year sales of about 6 billion yuan, compared with the 5.2 billion yuan analysts had expected, according to Wind data.",
      5.2e9,
      "Cambricon",
    ],
    [
      "Intel said on Thursday that it had begun shipping its Gaudi 3 accelerators to cloud customers.\n\nThe chipmaker expects revenue of between $13 billion and $14 billion, compared with the $13.6 billion analysts expected on average.",
      13e9,
      "Intel",
    ],
  ])("%s", (text, value, subject) => expect(extract(text).facts.find((f) => f.value === value)).toMatchObject({ kind: "financial", subject }));
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
    family: "clauseSubjects",
    cases: [
      ["Shares of Pinecrest Semiconductor fell 4.8% and Kestrel Networks dropped 2.3% in Seoul.", -2.3, "Kestrel Networks"],
      ["The offering valued it above that of Orion Semiconductor, whose shares rose 425% on debut.", 425, "Orion Semiconductor"],
      ["The deal follows a transaction in which the U.S. government took a 9.9% stake in Intel.", 9.9, "US government"],
    ],
  },
  {
    family: "countryAnaphora",
    cases: [
      ["Wingtech bought Nexperia in 2019. The Dutch company employs some 12,500 people.", 12500, "Nexperia"],
      ["Nvidia agreed to sell chips to Cambricon. The Chinese chipmaker expects revenue of 3 billion yuan.", 3e9, "Cambricon"],
      ["Samsung signed a supply deal with Micron's rival SK Hynix and Nvidia. This South Korean memory maker will invest $4 billion in Indiana.", 4e9, "SK Hynix"],
    ],
  },
  {
    family: "countrySubjects",
    cases: [
      ["BEIJING, Jan. 17 (Xinhua) -- China produced 451.4 billion integrated circuits in 2024.", 451.4e9, "China"],
      ["In 2024, South Korea exported $141.9 billion of semiconductors.", 141.9e9, "South Korea"],
      ["Taiwan produced chips worth $165 billion in 2024. The country exported 80% of them.", 80, "Taiwan"],
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

// Rules added after measuring on news the rules were not written against (tests/fixtures/
// extraction-blind): each holds on three sentences in different words.
describe("notFacts: names, ordinals, sizes and price targets that hold a number", () => {
  it.each([
    ["The pledge came after Group of Seven leaders met in Hiroshima.", 7],
    ["Fees at the Big Four auditors rose 5% this year.", 4],
    ["Finance ministers from the Group of Twenty backed the plan.", 20],
    ["Memory prices climbed for a third month in May.", 1 / 3],
    ["It was the fifth straight quarter of growth for SMIC.", 0.2],
    ["Hua Hong added capacity for 300mm wafers in Wuxi.", 300],
    ["The fab makes eight-inch wafers for power chips.", 8],
    ["SMIC's N+2 process is roughly comparable to 7 nanometres.", 2],
    ["We keep Buy on Cambricon with a target price of 1,800 yuan.", 1800],
    ["Nvidia closed at $135.40 on Friday.", 135.4],
    ["Cambricon earned 1.04 billion yuan in the first nine months.", 9],
    ["Revenue over the past 12 months reached $2 billion.", 12],
    ["Its net loss for the first three quarters narrowed.", 3],
    ["Updated 3 hours ago | 12 comments | Photo 1 of 5\nNvidia sold 1,000 chips.", 12],
    ["By a staff writer | 1,200 views\nHuawei shipped 5,000 servers.", 1200],
    ["Image 2 of 7: The new fab in Wuxi. SMIC added 10,000 wafers of capacity.", 2],
  ])("%s", (text, value) => expect(withRules(text).filter((f) => Math.abs(f.value - value) < 1e-6)).toHaveLength(0));

  it("keeps a number word that opens a sentence, a fraction of something and a die area", () => {
    expect(figure(withRules("Seven companies were added to the Entity List."), 7)).toBeDefined();
    expect(withRules("Output fell by a third in 2024.").some((f) => Math.abs(f.value - 1 / 3) < 1e-6)).toBe(true);
    expect(figure(withRules("The die measures 814 mm² on TSMC's 4N process."), 814)).toMatchObject({ unit: "mm2" });
  });
});

describe("units and currencies written the long way", () => {
  it.each([
    ["The rush orders were worth USD 12 billion, the people said.", 12e9, "USD"],
    ["Chinese buyers placed orders worth RMB 5 billion.", 5e9, "CNY"],
    ["ASML booked sales of EUR 27.6 billion in 2023.", 27.6e9, "EUR"],
    ["The chip-to-chip link moves 400 gigabytes (GB) a second.", 400, "GB/s"],
    ["Its memory runs at 3.2 terabytes per second.", 3.2, "TB/s"],
    ["The interconnect tops out at 900GB a second.", 900, "GB/s"],
    ["ASML expects 2025 sales between 30 billion and 35 billion euros.", 30e9, "EUR"],
    ["Revenue should land between 1.2 billion and 1.5 billion yuan.", 1.2e9, "CNY"],
    ["Violations carry penalties of up to 10 million ringgit.", 10e6, "MYR"],
  ])("%s", (text, value, unit) => expect(figure(withRules(text), value)).toMatchObject({ unit }));

  it("a TPP named before a verb still scores the number", () => {
    for (const text of ["Its total processing performance works out to 2,368.", "The chip's TPP is 2,400.", "The part's TPP comes to 4,700 on paper."]) {
      expect(withRules(text)[0]).toMatchObject({ unit: "TPP" });
    }
  });
});

describe("a wire dateline's agency is an outlet, never a party", () => {
  it.each([
    "HONG KONG, Jan 8 (Wire) - Orion Semiconductor priced its IPO at HK$20 a share, according to a term sheet seen by Wire.",
    "SHANGHAI, May 2 (Reuters) - Kestrel Networks raised $400 million, a source told Reuters.",
    "BEIJING, March 4 (Xinhua) -- Lanting Cloud will spend 8 billion yuan on data centres, Xinhua learned.",
  ])("%s", (text) => {
    const { facts, entities } = extract(text);
    expect(entities.map((e) => e.name)).not.toContain(/\((\w+)\)/.exec(text)![1]);
    expect(facts[0]?.subject).toMatch(/Orion Semiconductor|Kestrel Networks|Lanting Cloud/);
  });
});

describe("kinds: capital spending, holdings, shares of sales, people charged, case goods", () => {
  it.each([
    ["Rival Tencent spent 19.1 billion yuan on capex in the quarter.", 19.1e9, "investment"],
    ["Meta will spend up to $72 billion on data centers this year.", 72e9, "investment"],
    ["The Ministry of Finance holds 16.7 percent of the fund.", 16.7, "investment"],
    ["China accounted for 49% of the company's system sales.", 49, "financial"],
    ["Prosecutors charged three Chinese nationals with smuggling GPUs.", 3, "count"],
    ["Two executives were arrested and charged in the scheme.", 2, "count"],
    ["Huawei plans to make 600,000 chips next year, roughly double this year's output.", 2, "other"],
    ["Domestic output reached 2.3 times its 2024 level.", 2.3, "other"],
    ["SMIC expects capacity to triple by 2027 from current levels.", 3, "other"],
    ["Ming Zhao and Kai Lin were charged with smuggling. They used a shell company to buy about 2,400 GPUs.", 2400, "count"],
  ])("%s", (text, value, kind) => expect(figure(withRules(text), value)).toMatchObject({ kind }));
});

describe("subjects from the clause: speakers, possessives, lists and funds", () => {
  it.each([
    ["Tencent spent 19 billion yuan on capex, and Baidu has said it will deploy 30,000 Kunlun chips.", 30000, "Baidu"],
    ["Nvidia sold 100,000 chips to Alibaba last year, and AMD said it expects an $800 million charge.", 800e6, "AMD"],
    ["Shares in Intel rose 2%, while Micron told investors that it will spend $200 billion.", 200e9, "Micron"],
    ["Huawei's Ascend 910C pairs two dies in one package.", 2, "Ascend 910C"],
    ["The 910B carries 64GB of HBM, against the H100's 80GB.", 80, "H100 SXM"],
    ["Samsung Electronics and SK Hynix rose 1.1% and 2% respectively in Seoul.", 2, "SK Hynix"],
    ["AMD, Intel and Micron fell 3%, 2.2% and 4.1%, respectively.", -4.1, "Micron"],
    ["Huawei and SMIC shipped 200,000 and 50,000 chips respectively.", 200000, "Huawei"],
    ["The fund, known as the Orion Chip Fund, was set up by three banks. The fund will operate for 15 years.", 15, "Orion Chip Fund"],
    ["The National AI Industry Fund opened this week. The fund has a term of 20 years.", 20, "National AI Industry Fund"],
    ["The additions include six subsidiaries of Inspur Group, China's largest server maker.", 6, "Inspur"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("reportedSpeech: switched off, the pronoun's clause takes the sentence's first name", () =>
    expect(
      figure(withRules("Nvidia sold 100,000 chips to Alibaba last year, and AMD said it expects an $800 million charge.", { reportedSpeech: false }), 800e6)?.subject,
    ).not.toBe("AMD"));
});

describe("a rounded restatement is the same figure", () => {
  it.each([
    ["China launches 60 billion yuan AI fund\n\nThe fund has registered capital of 60.06 billion yuan.", 60.06e9],
    ["Orion to pay $17.1 million penalty\n\nOrion Systems agreed to pay $17,101,679 to settle the charges.", 17101679],
    ["Kestrel Networks booked revenue of $41.7 million in the quarter; the roughly $42 million in sales beat forecasts.", 41.7e6],
  ])("%s", (text, value) => {
    const facts = withRules(text);
    expect(figure(facts, value)?.alsoQuoted).toHaveLength(1);
    expect(facts).toHaveLength(1);
  });
  it("keeps figures that round differently or are stated exactly", () => {
    expect(withRules("Gross margin was 73.6%. Nvidia expects gross margins of roughly 75% next quarter.")).toHaveLength(2);
    expect(withRules("Intel sold shares to Washington at $20.47 each, and a warrant lets it buy more at $20 a share.")).toHaveLength(2);
  });
});

describe("more dated actions without a number", () => {
  it.each([
    ["The National AI Industry Investment Fund was registered on Jan. 16.", "other", "2025-01-16"],
    ["Certain provisions have a compliance date of December 31, 2024.", "export_control", "2024-12-31"],
    ["Shipments to cloud customers began in the second quarter of 2025.", "product_launch", "2025-04"],
    ["Huawei started shipping the chip in May 2024.", "product_launch", "2024-05"],
    ["Inspur, a server maker, was itself added to the list in 2023.", "entity_listing", "2023"],
  ])("%s", (text, type, date) => expect(extract(text).events[0]).toMatchObject({ type, date }));
});

describe("goods counted with a product's name, caps and levies", () => {
  it.each([
    ["About 1,600 H100 GPUs worth $43 million were seized by Singapore authorities.", 1600, { kind: "count", subject: null }],
    ["Customs officers intercepted 300 A100 accelerators at the border.", 300, { kind: "count" }],
    ["Investigators confiscated 45 Nvidia servers packed with GPUs.", 45, { kind: "count" }],
    ["The rule would have capped most countries at about 50,000 advanced GPUs through 2027.", 50000, { kind: "export_control" }],
    ["Imports are capped at 20,000 accelerators a year.", 20000, { kind: "export_control" }],
    ["Under the deal, Nvidia will give the U.S. government 15% of revenue from H20 sales.", 15, { kind: "export_control", subject: "Nvidia" }],
    ["The U.S. government will receive 25% of the proceeds AMD earns in China.", 25, { kind: "export_control" }],
  ])("%s", (text, value, expected) => expect(figure(withRules(text), value)).toMatchObject(expected));

  it("a counted batch's value is not one unit's price, but a stated price is", () => {
    expect(figure(withRules("About 1,600 H100 GPUs worth $43 million were seized."), 43e6)?.metric).not.toBe("price");
    expect(figure(withRules("The H20 sells for about $12,000, analysts said."), 12000)?.metric).toBe("price");
  });
});

describe("caseDefendants: a corporate defendant the clause refers to keeps its figures", () => {
  it.each([
    ["Orion Data Systems LLC and its founder Wei Tan were charged. Tan faces prison. The company shipped 1,150 servers to Malaysia.", 1150, "Orion Data Systems"],
    ["Prosecutors charged Lena Ortiz and Halberd Electronics Inc. The firm received $3 million from a buyer in Hong Kong.", 3e6, "Halberd Electronics"],
    ["Varga Technologies and its manager Tomas Berg pleaded guilty. Berg faces 5 years. The company will forfeit $800,000.", 800000, "Varga Technologies"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

describe("sources and kinds of goods are not subjects; holders of stock are", () => {
  it.each([
    ["Northgate Research | Semiconductors | 2 May 2025\nNorthgate Research expects demand to stay firm. Roughly one-third of the fleet is idle.", 1 / 3],
    ["Kestrel Securities | Note\nKestrel Securities sees upside. Domestic suppliers delivered 40% more stacks than in 2024.", 1.4],
    ["TrendForce said on Monday that shipments would fall. Output at the fab dropped 12% in the quarter.", -12],
  ])("%s", (text, value) => {
    const fact = withRules(text).find((f) => Math.abs(f.value - value) < 1e-6);
    expect(fact).toBeDefined();
    expect(fact!.subject ?? "").not.toMatch(/Research|Securities|TrendForce/);
  });

  it.each([
    ["From July 23, exporters need licences for 23 types of chipmaking equipment.", 23, "chipmaking equipment"],
    ["The package adds controls on 24 types of semiconductor manufacturing equipment.", 24, "semiconductor manufacturing equipment"],
    ["New export controls cover three categories of lithography tools used in advanced fabs.", 3, "lithography tools"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", subject }));

  it.each([
    ["The same operators also hold an estimated 1.1 million HBM stacks.", 1.1e6, "operators"],
    ["Chinese hyperscalers still hold about 600,000 H20 chips.", 600000, "Chinese hyperscalers"],
    ["Several large cloud firms now quietly hold 90,000 accelerators in warehouses.", 90000, "cloud firms"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "stockpile", subject }));
});

// Rules added after a second round of blind texts (tests/fixtures/extraction-blind, 14–20 and
// held-out 06–08): each holds on three sentences in different words.
describe("a coordinated clause needs its own verb and a figure before it", () => {
  it.each([
    ["Kestrel Networks booked $2 billion in orders, while Orion Semiconductor posted revenue of $900 million.", 900e6, "Orion Semiconductor"],
    ["Halberd Electronics gained 6% and Varga Technologies climbed 3.5% in Shanghai.", 3.5, "Varga Technologies"],
    ["Hygon, which gained 2.6% on Monday, said it had won new orders.", 2.6, "Hygon"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("a list of subjects before one figure is not split", () => {
    expect(figure(withRules("Nvidia and AMD said the rule would cost them $5 billion."), 5e9)?.subject).toBe("Nvidia");
    expect(figure(withRules("Orion Semiconductor and Kestrel Networks were fined $2 million."), 2e6)?.subject).toBe("Orion Semiconductor");
  });
});

describe("sources and reporters of a figure are not its parties", () => {
  it.each([
    ["China produced 70% of the world's gallium in 2024, according to the U.S. Geological Survey.", 70, "US Geological Survey"],
    ["Global AI server shipments will rise 28% this year, according to research firm TrendForce.", 28, "TrendForce"],
    ["The Commerce Department has added 140 companies, according to Kestrel Research data.", 140, "Kestrel Research"],
  ])("%s", (text, value, source) => {
    const fact = figure(withRules(text), value);
    expect(fact).toBeDefined();
    expect(fact!.subject ?? "").not.toBe(source);
  });

  it.each([
    ["Investigators found 40 servers in a warehouse in Johor.", 40],
    ["Prosecutors counted 3,200 GPUs in the shipments.", 3200],
    ["Analysts expect 1.2 million chips to ship next year.", 1.2e6],
  ])("%s", (text, value) => {
    const fact = figure(withRules(text), value);
    expect(fact).toBeDefined();
    expect(fact!.subject ?? "").not.toMatch(/Investigators|Prosecutors|Analysts/i);
  });

  it.each([
    ["Projects that are less than 30% complete must remove foreign chips.", 30, "Projects"],
    ["Plants that opened after 2023 will receive 40% of the subsidy.", 40, "Plants"],
    ["Facilities that failed the audit face a 90-day suspension.", 90, "Facilities"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

describe("a company's price for another company is financial, an IPO price per share an investment", () => {
  it.each([
    ["Nvidia completed its $6.9 billion purchase of Mellanox in 2020.", 6.9e9, { kind: "financial", subject: "Nvidia" }],
    ["SoftBank agreed to acquire Ampere Computing for $6.5 billion.", 6.5e9, { kind: "financial", subject: "SoftBank" }],
    ["Kestrel Networks announced a $2 billion takeover of Orion Semiconductor.", 2e9, { kind: "financial" }],
    ["The company sold 40 million shares at HK$19.60 each in its Hong Kong listing.", 19.6, { kind: "investment" }],
    ["Orion Semiconductor priced 100 million shares at 29.30 yuan each.", 29.3, { kind: "investment" }],
    ["Investors bought the 25 million new shares at $17 each.", 17, { kind: "investment" }],
  ])("%s", (text, value, expected) => expect(figure(withRules(text), value)).toMatchObject(expected));

  it("buying goods is still an order, not an acquisition", () =>
    expect(figure(withRules("Tencent confirmed the purchase of 20,000 Nvidia chips."), 20000)?.kind).toBe("chip_order"));
});

describe("kinds: fined sums, multiples of growth, shares of a market", () => {
  it.each([
    ["The regulator could have fined Nvidia between 1% and 10% of its sales.", 1, "penalty"],
    ["Orion Semiconductor was fined $4 million by BIS in March.", 4e6, "penalty"],
    ["Revenue more than tripled from a year earlier.", 3, "other"],
    ["Data-centre sales doubled from the previous quarter.", 2, "other"],
    ["Huawei holds a 60% share of China's AI accelerator market.", 60, "financial"],
    ["Nvidia's share of the Chinese data-centre market fell to 50%.", 50, "financial"],
  ])("%s", (text, value, kind) => expect(figure(withRules(text), value)).toMatchObject({ kind }));

  it.each([
    ["The stock closed up 693% at 829.90 yuan on its first day.", 829.9],
    ["Shares ended down 3.2% at HK$58.10 in Hong Kong.", 58.1],
    ["Kestrel finished higher 12% at $41 after the report.", 41],
  ])("%s: a price after a move is not a fact", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());
});

describe("model numbers and places in names", () => {
  it.each([
    ["Huawei will ship the Ascend 950PR next year. The 950PR carries 128GB of memory.", 128, "Ascend 950PR"],
    ["Baidu unveiled the Kunlun M100. The M100 draws 400 W.", 400, "Kunlun M100"],
    ["Huawei detailed the Ascend 950DT on stage. Each 950DT has 144GB of HBM.", 144, "Ascend 950DT"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    "The San Jose, California-based company paid $140 million to settle.",
    "A Shenzhen-based supplier shipped 3,000 servers.",
    "The Hsinchu-based foundry raised prices by 5%.",
  ])("%s", (text) => expect(extract(text).entities.map((e) => e.name)).not.toContain(/(\w+(?: \w+)?)(?:, \w+)?-based/.exec(text)![1]));
});

describe("events: lists of dates, subordinate clauses, probes and waivers", () => {
  it("each dated item of a list is its own event with its own quote", () => {
    const { events } = extract("Huawei will ship the Ascend 950PR in the first quarter of 2026, followed by the 950DT in the fourth quarter of 2026 and the Ascend 960 in 2027.");
    expect(events.map((e) => e.date)).toEqual(["2026-01", "2026-10", "2027"]);
    expect(new Set(events.map((e) => e.quote)).size).toBe(3);
  });
  it.each([
    ["The regulator opened its investigation in December 2024.", "investigation", "2024-12"],
    ["China's market watchdog launched an antitrust probe into Qualcomm on Oct. 10.", "investigation", "2025-10-10"],
    ["The ministry began a security review of the chips in July 2025.", "investigation", "2025-07"],
    ["Commerce revoked the waivers on Aug. 29, ending validated end-user status.", "license", "2025-08-29"],
    ["The exemptions expire on Dec. 31, 2025.", "license", "2025-12-31"],
    ["BIS granted the authorisations in March 2025.", "license", "2025-03"],
  ])("%s", (text, type, date) => expect(extract(text, "2025-11-01").events[0]).toMatchObject({ type, date }));

  it("a subordinate clause's date is not the main clause's action", () => {
    const { events } = extract("Shipments resumed last week, after the U.S. imposed curbs in October 2022.", "2025-11-01");
    expect(events.find((e) => e.date === "2022-10")?.quote).not.toMatch(/Shipments resumed/);
  });
});

// Rules added after a third round of blind texts (tests/fixtures/extraction-blind/diagnostic 21–24).
describe("third round: limits, acquisitions, places, thresholds, multiples and owners", () => {
  it.each([
    ["Shares of Orion Semiconductor fell by the daily limit of 10% on Monday.", -10],
    ["Kestrel Networks dropped the maximum 20% allowed on the STAR Market.", -20],
    ["Halberd Electronics shares fell by the 10% daily limit.", -10],
  ])("%s: a fall by a trading limit is negative", (text, value) => expect(figure(withRules(text), value)).toBeDefined());

  it.each([
    ["Wingtech bought Nexperia in 2019 in a deal valued at about $3.6 billion.", 3.6e9, { kind: "financial", subject: "Wingtech" }],
    ["SoftBank bought Ampere Computing for $6.5 billion.", 6.5e9, { kind: "financial", subject: "SoftBank" }],
    ["AMD bought Xilinx in 2022 for about $49 billion in stock.", 49e9, { kind: "financial", subject: "AMD" }],
  ])("%s", (text, value, expected) => expect(figure(withRules(text), value)).toMatchObject(expected));
  it("bought goods stay an order", () => expect(figure(withRules("Tencent bought Nvidia chips for $2 billion."), 2e9)?.kind).toBe("chip_order"));

  it.each([
    "The Dutch company, based in Nijmegen, employs some 12,500 people.",
    "Orion Semiconductor, headquartered in Hefei, shipped 3,000 servers.",
    "The Dutch economy ministry invoked the Goods Availability Act on Sept. 30.",
  ])("%s: a place or a law is not a party", (text) =>
    expect(extract(text).entities.map((e) => e.name)).not.toContain(/(?:based in|headquartered in|the) ([A-Z]\w+(?: [A-Z]\w+)?)/.exec(text)![1]),
  );

  it.each([
    ["A rule published on Sept. 29 extended the restrictions to subsidiaries at least 50% owned by listed companies.", "subsidiaries"],
    ["The rule applies Entity List restrictions to affiliates 50% or more owned by listed entities.", "affiliates"],
    ["Controls now reach any company owned 50% or more by one or more listed parties.", "companies"],
  ])("%s: a threshold's subject is who it covers", (text, subject) => expect(figure(withRules(text), 50)).toMatchObject({ kind: "export_control", subject }));

  it.each([
    ["Its performance per watt is about 2.3 times worse.", 2.3],
    ["The new part is 3 times faster.", 3],
    ["Each board costs 1.5 times more.", 1.5],
  ])("%s: a multiple with no baseline is a ratio", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ unit: "ratio" }));

  it.each([
    ["The CloudMatrix 384 delivers 1.7 times the 180 petaflops of the GB200 NVL72.", 180, "GB200 NVL72"],
    ["Huawei's Ascend 910C trails the 80GB of memory of the H100.", 80, "H100 SXM"],
    ["The B200 beats the 700 W power draw of the H100.", 700, "H100 SXM"],
  ])("%s: a figure said to be of a product is that product's", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Nvidia and AMD agreed to pay the U.S. government 15% of revenue from chip sales to China.", 15, "Nvidia"],
    ["Orion Semiconductor will hand over 20% of its China proceeds to the U.S. government.", 20, "Orion Semiconductor"],
    ["Orion Semiconductor pays the US government 12% of what it earns there.", 12, "Orion Semiconductor"],
  ])("%s: a levy is an export condition paid by the company", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", subject }));

  it.each([
    ["Providers were testing the system ahead of volume shipments expected in the second quarter of 2025.", "volume shipments expected"],
    ["Mass production is scheduled for the first half of 2026.", "Mass production is scheduled"],
    ["Buyers held back orders before deliveries planned for March 2026.", "deliveries planned"],
  ])("%s: an expected start is a dated launch quoted from its action", (text, quoteStart) =>
    expect(extract(text, "2025-01-10").events[0]).toMatchObject({ type: "product_launch", quote: expect.stringMatching(new RegExp(`^${quoteStart}`)) }),
  );

  it("a figure in another clause of the sentence does not hide a dated action", () => {
    const { events, facts } = extract(
      "BIS added Orion Semiconductor to its Entity List in December 2024, and a rule published on Sept. 29 reached affiliates at least 50% owned by listed companies.",
      "2025-10-13",
    );
    expect(events.map((e) => [e.type, e.date])).toEqual([["entity_listing", "2024-12"]]);
    expect(figure(facts, 50)).toBeDefined();
  });
});

// Rules added after a fourth round of blind texts (tests/fixtures/extraction-blind/diagnostic 25–28).
describe("fourth round: pronouns after a reporting verb, compared counts, market shares, tolerances", () => {
  it.each([
    ["Huawei remains the clear leader. We estimate it will ship 700,000 Ascend chips in 2025, and that the Ascend 910C will lead.", 700000, "Huawei"],
    ["Orion Semiconductor had a strong year. Analysts think it will sell 40,000 servers, more than the Kestrel K7 line.", 40000, "Orion Semiconductor"],
    ["SMIC is adding capacity. We expect it to produce 50,000 wafers a month by 2026, with the Kirin 9020 first in line.", 50000, "SMIC"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Huawei will ship 700,000 chips in 2025, against about 400,000 last year.", 400000],
    ["Orion Semiconductor delivered 12,000 servers in the quarter, up from 9,500 a year earlier.", 9500],
    ["Kestrel Networks sold 3,100 racks this year compared with 2,200 in 2024.", 2200],
  ])("%s: a figure compared with a count counts the same things", (text, value) => expect(figure(withRules(text), value)).toBeDefined());
  it("a bare number with nothing to compare stays out", () => expect(withRules("Huawei shipped about 400,000 last year.")).toEqual([]));

  it.each([
    ["We now expect Chinese vendors to supply about 40% of the AI accelerators installed in China.", 40, "Chinese vendors"],
    ["Nexperia supplies about 40% of the basic chips used in car electronics.", 40, "Nexperia"],
    ["Huawei makes about 60% of the AI chips sold in China.", 60, "Huawei"],
    ["Nvidia's market share in China fell to 50%.", 50, "Nvidia"],
  ])("%s: a share of a market is financial", (text, value, subject) =>
    expect(figure(withRules(text), value)).toMatchObject({ kind: "financial", metric: "market_share", subject }),
  );

  it.each([
    ["AMD guides fourth-quarter revenue to about $9.6 billion, plus or minus $300 million.", 300e6],
    ["Exports of integrated circuits exceeded 1 trillion yuan for the first time, reaching 1.13 trillion yuan.", 1e12],
    ["Sales topped $10 billion, hitting $10.4 billion in the year.", 10e9],
  ])("%s: a tolerance or a milestone passed is not a figure", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());
  it("a milestone stated alone is a figure", () => expect(figure(withRules("Nvidia's market value topped $5 trillion on Wednesday."), 5e12)).toBeDefined());

  it.each([
    ["AMD reported results. The company booked no MI308 revenue.\n\nShares are down 3.7% after hours, having more than doubled this year.", 2, "AMD"],
    ["Nvidia launched the H20. Its stock has tripled since January.", 3, "Nvidia"],
    ["Cambricon shipped the Siyuan 590. Revenue quadrupled from a year earlier.", 4, "Cambricon"],
  ])("%s: a multiple of shares or sales is the company's", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["The three men were remanded; the case returns to court on March 20.", "other", "2025-03-20"],
    ["Sentencing is set for June 12, 2025.", "penalty", "2025-06-12"],
    ["Zhang pleaded guilty on May 3, 2024.", "other", "2024-05-03"],
  ])("%s: the steps of a criminal case are dated events", (text, type, date) => expect(extract(text, "2025-02-28").events[0]).toMatchObject({ type, date }));
});

// Rules added after a fifth round of blind texts (tests/fixtures/extraction-blind/diagnostic 29–31).
describe("fifth round: number words, model names, spans, countries and tiers, fractions of sales", () => {
  it.each([
    ["Eighteen close allies faced no new limits.", 18],
    ["Some two dozen countries of concern remained under a ban.", 24],
    ["Seventeen firms were added to the Entity List.", 17],
  ])("%s: a number word is read whole", (text, value) => expect(figure(withRules(text), value)).toBeDefined());

  it.each([
    ["The Qwen 2.5-Max model ranks among the leaders.", 2.5],
    ["OpenAI's GPT 4-Turbo costs less to run.", 4],
    ["Its Ernie 4-Turbo model launched in April.", 4],
  ])("%s: a model's name is not a figure", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());

  it.each([
    ["Its shares closed 0.8% higher at 17,700 yen.", 17700],
    ["The stock ended 2% lower at HK$41.20.", 41.2],
    ["Kestrel closed down 4% at $18.35.", 18.35],
  ])("%s: the price after a move is not a figure", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());

  it.each([
    ["Alibaba will spend 380 billion yuan on AI infrastructure over the next three years.", 3],
    ["Orion Semiconductor plans to hire 2,000 engineers over the coming five years.", 5],
    ["Kestrel expects to double output in the next 12 months.", 12],
  ])("%s: a span counted in units is a duration, not a date", (text, value) => expect(figure(withRules(text, {}), value)).toMatchObject({ kind: "duration" }));

  it.each([
    ["The rule sorted the world into three tiers.", 3, "rule_tiers", null],
    ["About 120 countries in the second tier faced caps on GPUs.", 120, "countries_covered", "countries"],
    ["Exports to 42 countries and regions will be covered by a general licence.", 42, "countries_covered", "countries"],
  ])("%s: a rule's tiers and countries are export controls", (text, value, metric, subject) =>
    expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", metric, subject }),
  );
  it("where listed parties sit is not a count of countries covered", () =>
    expect(figure(withRules("Another 38 affiliates in 21 countries were added to the Entity List."), 21)?.metric).not.toBe("countries_covered"));

  it.each([
    ["Tokyo Electron gets about a quarter of its sales from China.", 25, "revenue_share"],
    ["Huawei holds a third of the market.", 33.333333, "market_share"],
    ["China made up half of ASML's sales in the quarter.", 50, "revenue_share"],
  ])("%s: a fraction of sales or of a market is a share in percent", (text, value, metric) =>
    expect(figure(withRules(text), value)).toMatchObject({ kind: "financial", unit: "percent", metric }),
  );

  it.each([
    ["Alibaba's shares slipped 1.5% on Monday.", -1.5],
    ["Cambricon dipped 2% in Shanghai.", -2],
    ["Nvidia added more than 3% in New York.", 3],
  ])("%s: a move of shares is financial", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial" }));

  it.each([
    'Issued in January, the "Framework for Artificial Intelligence Diffusion" sorted the world into three tiers.',
    "The “Chip Security Act” would require 2 checks per shipment.",
    'The "National Semiconductor Strategy" sets aside 10 billion yuan.',
  ])("%s: a quoted title is not a party", (text) => expect(extract(text).entities).toEqual([]));
});

// Rules added after a sixth round of blind texts (tests/fixtures/extraction-blind/diagnostic 32–35).
describe("sixth round: asides, release headings, funders, quarters without a year", () => {
  it.each([
    ["Horizon Robotics listed on Thursday. Horizon, whose backers include Volkswagen and SAIC Motor, reported revenue of 1.55 billion yuan.", 1.55e9, "Horizon Robotics"],
    ["Kestrel Networks, founded by eight companies including Toyota and Sony, raised $400 million.", 400e6, "Kestrel Networks"],
    ["Orion Semiconductor, which counts Tencent among its customers, booked revenue of $80 million.", 80e6, "Orion Semiconductor"],
  ])("%s: names in an aside are not the subject", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Kestrel Networks, founded by eight companies including Toyota and Sony, raised $400 million.", 8, "Kestrel Networks"],
    ["Orion Semiconductor, backed by three state funds, plans a listing.", 3, "Orion Semiconductor"],
    ["Varga Technologies, led by two former Intel engineers, expects revenue to double.", 2, "Varga Technologies"],
  ])("%s: a figure in the aside is about the name it follows", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("a release's section headings are not names", () => {
    const text =
      "Hua Hong Semiconductor reports results\n\nSecond Quarter 2025 Highlights\n- Sales revenue of $566.1 million, up 18.3% year over year.\n\nThird Quarter 2025 Guidance\nWe expect revenue of $620 million.";
    const { facts, entities } = extract(text, "2025-08-07");
    expect(entities.map((e) => e.name)).not.toContain("Second Quarter");
    expect(figure(facts, 566.1e6)?.subject).toBe("Hua Hong");
    expect(figure(facts, 18.3)?.metric).toBe("change_percent");
  });

  it.each([
    ["Japan's trade ministry said it would provide up to 802.5 billion yen in funding to Rapidus.", 802.5e9, "METI"],
    ["The U.S. government took a 9.9% stake in Intel.", 9.9, "US government"],
    ["The Commerce Department said it would award $50 million in grants to Orion Semiconductor.", 50e6, "US Commerce Department (BIS)"],
  ])("%s: a state can be the one that funds", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject }));

  it.each([
    ["Cornerstone investors, including Baidu and a fund backed by Alibaba, bought about 44% of the offering.", 44, "Cornerstone investors"],
    ["State funds bought 20% of the placement.", 20, "State funds"],
    ["Foreign investors took 35% of the IPO.", 35, "Foreign investors"],
  ])("%s: investors named by description buy their share", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject }));

  it.each([
    ["It expects to begin supplying HBM4, its next-generation product, in the fourth quarter.", "2025-10"],
    ["Shipments will start in the first quarter.", "2026-01"],
    ["The company plans to start a pilot line at its plant in the third quarter.", "2025-07"],
  ])("%s: a quarter with no year is the one nearest publication", (text, date) => expect(extract(text, "2025-10-29").events[0]).toMatchObject({ type: "product_launch", date }));
  it("a reporting period's end is not an event", () =>
    expect(extract("Hua Hong announced its results for the three months ended June 30, 2025.", "2025-08-07").events).toEqual([]));
});

// Rules added after a seventh round of blind texts (tests/fixtures/extraction-blind/diagnostic 36–39).
describe("seventh round: joint totals, titles inside names, controlled goods, content thresholds", () => {
  it.each([
    ["Chinese companies including ByteDance, Alibaba and Tencent had ordered at least $16 billion worth of H20 chips.", 16e9, 1],
    ["Alibaba and Tencent bought 30,000 accelerators between them.", 30000, 1],
    ["Microsoft and Meta will spend $140 billion on data centres this year.", 140e9, 1],
  ])("%s: a sum stated once for several buyers is one joint total", (text, value, count) => expect(withRules(text).filter((f) => f.value === value)).toHaveLength(count));
  it("a sum given to each is one fact each", () => expect(withRules("Alibaba and Tencent each ordered 2,000 servers.").filter((f) => f.value === 2000)).toHaveLength(2));

  it.each([
    ["Nvidia Chief Executive Jensen Huang spoke on Thursday. Huang said the market would be worth about $50 billion.", "Huang"],
    ["AMD Chief Executive Lisa Su spoke on the call. Su said revenue would reach $9.6 billion.", "Su"],
    ["Micron Chief Financial Officer Mark Murphy said capex would be $18 billion. Murphy added that demand was strong.", "Murphy"],
  ])("%s: a title inside a run of names parts the company from the person", (text, surname) => expect(extract(text).entities.map((e) => e.name)).not.toContain(surname));

  it.each([
    ["China's Ministry of Commerce added five rare earth elements to its export control list.", 5, "rare earth elements"],
    ["The ministry first imposed controls on seven rare earths in April.", 7, "rare earths"],
    ["Beijing added four critical minerals to its export control list.", 4, "critical minerals"],
  ])("%s: goods a control adds are its subject", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", subject }));

  it.each([
    ["Products that contain 0.1% or more of Chinese-origin rare earths by value will need a licence.", 0.1],
    ["Foreign goods containing 25% or more of U.S. content need a licence.", 25],
    ["The de minimis level for such items is 10%.", 10],
  ])("%s: a content threshold is an export control", (text, value) =>
    expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", metric: "content_threshold" }),
  );

  it.each([
    ["The company will pay for two advanced packaging facilities.", 2],
    ["Orion plans three new testing sites.", 3],
    ["Kestrel opened four upgraded assembly plants.", 4],
  ])("%s: a participle before the noun still counts it", (text, value) => expect(figure(withRules(text), value)).toBeDefined());

  it.each([
    ["The company's share of China's market had fallen from about 95% to zero.", 0],
    ["Nvidia's China share went from 66% to zero within a year.", 0],
    ["The discount was cut from 20% to zero.", 0],
  ])("%s: zero at the end of a change is a percentage", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ unit: "percent" }));

  it.each([
    ["The government informed Nvidia on April 9 of the new requirement.", "2025-04-09"],
    ["BIS imposed the licence requirement on Jan. 15.", "2025-01-15"],
    ["The export requirement took effect on March 1.", "2025-03-01"],
  ])("%s: a new requirement is a dated licence event", (text, date) => expect(extract(text, "2025-06-01").events[0]).toMatchObject({ date }));
});

// Rules added after an eighth round of blind texts (tests/fixtures/extraction-blind/diagnostic 40–43).
describe("eighth round: records' spans, share prices, builds, conversions, orders to stop, grantees", () => {
  it.each([
    ["The index climbed 3.1%, its biggest gain in three weeks.", 21],
    ["Profit was its highest in more than three years.", 3],
    ["It was the steepest fall in nearly two decades.", 2],
  ])("%s: a record's span is not a figure", (text, value) => expect(withRules(text).filter((f) => f.unit !== "percent" && Math.abs(f.value - value) < 1e-6)).toEqual([]));

  it.each([
    ["Its shares rose 2.1% to 93,300 won.", 93300],
    ["Kestrel stock fell 4% to $18.35 in New York.", 18.35],
    ["Shares of Orion Semiconductor jumped 12% to HK$41.20.", 41.2],
  ])("%s: the share price after a move is not a figure", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());
  it("revenue after a move still is", () => expect(figure(withRules("Revenue rose 8.7% to 86 trillion won."), 86e12)).toMatchObject({ kind: "financial" }));

  it.each([
    ["Samsung passed Nvidia's tests for its 12-layer HBM3E chips.", 12],
    ["SK Hynix began shipping 16-high HBM4 stacks.", 16],
    ["Micron sampled 8-layer HBM memory to customers.", 8],
  ])("%s: a chip's build is written like its name", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());

  it.each([
    ["Samsung's operating profit rose 32% to 12.1 trillion won ($8.5 billion), as prices of memory chips recovered.", 8.5e9],
    ["Orion Semiconductor's net profit reached 450 million yuan (US$61.8 million), as chip prices rose.", 61.8e6],
    ["Kestrel Networks booked revenue of 3 billion yuan ($420 million) in the quarter.", 420e6],
  ])("%s: a sum in another currency takes its original's kind", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial" }));

  it.each([
    ["The regulator told companies including ByteDance this week to end their testing of the chip and cancel orders.", "export_control", "2025-09"],
    ["Beijing ordered state firms on Sept. 3 to stop buying the H20.", "export_control", "2025-09-03"],
    ["The market regulator said on Monday that a preliminary review found Nvidia had violated the anti-monopoly law.", "investigation", "2025-09-15"],
  ])("%s", (text, type, date) => expect(extract(text, "2025-09-17").events[0]).toMatchObject({ type, date }));

  it.each([
    ["AMD granted OpenAI a warrant for up to 160 million AMD shares.", 160e6, "OpenAI"],
    ["Intel gave the U.S. government a stake of 9.9% in the company.", 9.9, "US government"],
    ["Orion Semiconductor issued Kestrel Networks a warrant to buy 5% of its shares.", 5, "Kestrel Networks"],
  ])("%s: who is granted equity holds it", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject }));

  it("exabytes are a unit of storage", () => expect(figure(withRules("Storage capacity exceeded 1,580 exabytes."), 1580)).toMatchObject({ unit: "EB" }));
});

// Rules found on the shared set's export-control subjects, the weakest kind there.
describe("export controls: allocations go to their recipient, listed parties' entries are theirs", () => {
  it.each([
    ["Under the draft, about 20% of the annual volume, or roughly 100,000 chips, would go to G42.", 20, "G42"],
    ["About 40% of the quota will be allocated to Microsoft, the people said.", 40, "Microsoft"],
    ["Some 30% of the licensed volume is reserved for Oracle under the deal.", 30, "Oracle"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["For the SMIC entries, items uniquely required for 10-nanometre production face a presumption of denial.", 10, "SMIC"],
    ["For the Inspur affiliates, licences for 3 item categories will be reviewed case by case.", 3, "Inspur"],
    ["For the Sugon entries, exporters get 45 days to wind down shipments.", 45, "Sugon"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

// Found on state-media and statistics stories (blind diagnostic 26, 38, 42): national figures.
describe("a country opening a clause that names no organisation is its subject", () => {
  it.each([
    ["China produced 451.4 billion integrated circuits in 2024.", 451.4e9, "China"],
    ["BEIJING, March 3 (Xinhua) -- Japan's output of chipmaking tools rose 12% last year.", 12, "Japan"],
    ["In 2024, South Korea exported $141.9 billion of semiconductors.", 141.9e9, "South Korea"],
    ["Malaysia last month began requiring a permit for exports of AI chips, with at least 30 days' notice.", 30, "Malaysia"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("“the country” refers to the country last said to hold a figure", () => {
    const text = "Taiwan produced chips worth $165 billion in 2024. The country exported 80% of them.";
    expect(figure(withRules(text), 80)?.subject).toBe("Taiwan");
  });

  it.each([
    // A company named in the clause, a company whose name starts with a country, a country as a modifier.
    ["China's SMIC posted revenue of $2.2 billion.", 2.2e9, "SMIC"],
    ["China Mobile bought 7,994 AI servers.", 7994, "China Mobile"],
    ["Taiwan authorities fined Orion Systems $2 million.", 2e6, "Orion Systems"],
  ])("%s: not the country", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Nvidia reported revenue of $130 billion. China accounted for 13% of its revenue, or $17 billion.", 17e9, "Nvidia"],
    ["China made up 49% of the company's system sales, ASML said.", 49, "ASML"],
    ["Japan was 8% of Tokyo Electron's sales last year.", 8, "Tokyo Electron"],
  ])("%s: a region's share of a company's sales is the company's", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

describe("an epithet (“the ChatGPT maker”) refers back to a company, it does not name one", () => {
  it.each([
    ["OpenAI signed a chip deal with AMD on Monday. The ChatGPT maker will deploy 6 gigawatts of AMD GPUs.", 6000, "OpenAI"],
    ["ByteDance plans to spend heavily on AI. The TikTok owner will buy 100,000 chips from Huawei.", 100000, "ByteDance"],
    ["Alibaba raised its spending plans. The Qwen developer will spend 380 billion yuan over three years.", 380e9, "Alibaba"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("the name inside the epithet is not an entity of the fact", () => {
    const { entities } = extract("OpenAI agreed the deal. The ChatGPT maker will deploy 6 gigawatts of AMD GPUs.");
    expect(entities.map((e) => e.name)).not.toContain("ChatGPT");
  });
});

// Rules found on the ninth round of blind texts (diagnostic 44–47).
describe("people named with their ages are people; the surname is the word the text uses alone", () => {
  const people = (text: string) => extract(text).facts.map((f) => f.subject);
  it.each([
    ["Prosecutors charged Hon Ning Ho, 34, and Brian Curtis Raymond, 46, with smuggling 400 GPUs.", "Ho"],
    ["Singaporeans Aaron Woon Guo Jie, 41, and Alan Wei Zhaolun, 49, are accused of fraud involving servers worth $390 million.", "Woon"],
    ["Kai Lin Zhou, 52, was charged with exporting 120 servers. Zhou faces up to 20 years in prison.", "Zhou"],
  ])("%s", (text, surname) => expect(people(text)).toContain(surname));
});

describe("money moved in a criminal case is a sum of the case, not an investment", () => {
  it.each([
    ["Kai Lin Zhou, 52, was charged last week. The conspirators received about $3.89 million in wire transfers to fund the scheme.", 3.89e6],
    ["Hon Ning Ho, 34, was indicted in Florida. He received $1.2 million from buyers in China to finance the purchases.", 1.2e6],
    ["Alan Wei Zhaolun, 49, was accused of fraud. He raised $900,000 from investors to fund the shipments.", 900000],
  ])("%s", (text, value) => expect(figure(withRules(text), value)?.kind).toBe("financial"));
});

describe("the agent of a deal after “by”, the doer of a relative clause without “that”", () => {
  it.each([
    ["The deal follows a 9.9% stake taken in August and a $2 billion investment by SoftBank Group.", 2e9, "SoftBank"],
    ["Intel received a $5 billion investment made by Nvidia last week.", 5e9, "Nvidia"],
    ["The company said an order for 5,000 servers placed by ByteDance would ship next quarter.", 5000, "ByteDance"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Huawei will ship 700,000 chips this year, against the 1 million H20s Nvidia sold in China in 2024.", 1e6, "Nvidia"],
    ["Analysts compared the 20,000 accelerators ByteDance bought last year with Alibaba's orders.", 20000, "ByteDance"],
    ["Of the 3,000 servers Supermicro shipped to the region, half went to Malaysia.", 3000, "Supermicro"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Nvidia said it would invest $5 billion in Intel, buying common stock at $23.28 a share.", 23.28, "Nvidia"],
    ["SoftBank agreed to put $2 billion in Intel, paying $23 a share.", 23, "SoftBank"],
    ["The Big Fund injected 10 billion yuan in SMIC, taking a 5% stake.", 5, "Big Fund"],
  ])("%s: a name after “in” is the object", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toContain(subject));
});

describe("thresholds of completion, shares supplied, revenue forecasts", () => {
  it.each([
    ["Projects less than 30% complete must remove foreign accelerators.", 30, "Projects"],
    ["Data centres under 50% complete will have to switch to domestic chips.", 50, "Data centres"],
    ["Plants that are less than 20% built must use local equipment.", 20, "Plants"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "export_control", subject }));

  it.each([
    ["We expect domestic suppliers to provide 50% of the AI accelerators deployed in China in 2026.", 50],
    ["Local vendors provided about 30% of the accelerators installed last year.", 30],
    ["Huawei will provide 40% of the chips used in state data centres.", 40],
  ])("%s: a share supplied is a market share", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial", metric: "market_share" }));

  it.each([
    ["We raise our 2026 revenue forecast for Cambricon to 14 billion yuan.", 14e9],
    ["Analysts cut their sales estimates for Hygon to 9 billion yuan.", 9e9],
    ["The company guided third-quarter revenue to $54 billion.", 54e9],
  ])("%s: a forecast of revenue, not money raised", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial", metric: "revenue" }));
});

describe("sites and processing units", () => {
  it.each([
    ["China Unicom said the Sanjiangyuan facility has deployed 16,384 accelerator cards.", 16384, "China Unicom"],
    ["TSMC said the Kumamoto plant will make 55,000 wafers a month.", 55000, "TSMC"],
    ["Alibaba said the Zhangbei data centre will hold 10,000 servers.", 10000, "Alibaba"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["The PPU, designed by Alibaba's chip unit T-Head, carries 96 GB of HBM2e memory.", 96, "PPU"],
    ["Google's TPU offers 4,614 TFLOPS of FP8 compute.", 4614, "TPU"],
    ["Groq's LPU draws 215 W.", 215, "LPU"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

// Rules found on the tenth round of blind texts (diagnostic 48–51).
describe("a list after a preposition is all objects; a name in a later clause is not the figure's", () => {
  it.each([
    ["ByteDance set its budget. About 40 billion yuan will be spent in China, much of it on chips from Cambricon and Huawei.", 40e9, "ByteDance"],
    ["Tencent reported results. Some $2 billion went to servers bought from Inspur, Lenovo and H3C.", 2e9, "Tencent"],
    ["Alibaba gave details. About 30% of the budget will go to chips from Nvidia or AMD.", 30, "Alibaba"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("a list of examples after “including” is still the subject", () => {
    const fact = figure(withRules("Chinese companies including ByteDance, Alibaba and Tencent had ordered at least $16 billion of H20 chips."), 16e9);
    expect(["ByteDance", "Alibaba", "Tencent"]).toContain(fact?.subject);
  });

  it.each([
    ["ByteDance finalised its plans. The remaining 45 billion yuan will fund data centres abroad, where the company can still buy Nvidia processors.", 45e9, "ByteDance"],
    ["Baidu set its budget. About 20 billion yuan will go to chips, while Huawei will supply most of them.", 20e9, "Baidu"],
    ["Tencent outlined spending. Roughly $3 billion will go to data centres; Nvidia declined to comment.", 3e9, "Tencent"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

describe("money set aside for chips and infrastructure, revenue after a move, streaks", () => {
  it.each([
    ["ByteDance has earmarked 85 billion yuan ($11.7 billion) for AI infrastructure this year.", 85e9],
    ["About 40 billion yuan will be spent in China, much of it on chips from Cambricon.", 40e9],
    ["Baidu has budgeted 10 billion yuan for accelerators and servers.", 10e9],
  ])("%s", (text, value) => expect(figure(withRules(text), value)?.kind).toBe("investment"));

  it.each([
    ["Its revenue for the first half of 2025 rose 4,348% from a year earlier to 2.88 billion yuan, as cloud companies bought more of its accelerators.", 2.88e9],
    ["Sales climbed 39% to 24.45 trillion won as customers ordered more HBM.", 24.45e12],
    ["Revenue fell 5% to $3.1 billion after buyers cut orders.", 3.1e9],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial", metric: "revenue" }));

  it.each([
    ["The company has now been profitable for three straight quarters.", 3],
    ["Exports grew for a fifth consecutive month, rising 12%.", 5],
    ["The index fell for four days in a row.", 4],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());
});

describe("a country's package: the country announcing it, “the government”, “the package”", () => {
  it.each([
    ["SEOUL, May 23 (Wire) - South Korea announced a 26 trillion won support package for its chip industry.", 26e12, "South Korea"],
    ["Japan said it would provide 1 trillion yen in subsidies to chipmakers.", 1e12, "Japan"],
    ["Taiwan unveiled a T$300 billion plan for AI chips on Monday.", 300e9, "Taiwan"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["South Korea announced a 26 trillion won support package. The package includes 17 trillion won in low-interest loans.", 17e12],
    ["Japan announced new chip subsidies. The government will also set up a 1.1 trillion yen fund.", 1.1e12],
    ["Malaysia unveiled a chip strategy. The plan includes 25 billion ringgit of incentives.", 25e9],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject: expect.stringMatching(/^(?:South Korea|Japan|Malaysia)$/) }));
});

describe("unnamed groups that moved goods own the money; provinces are places", () => {
  it.each([
    ["Chinese distributors shipped at least $1 billion worth of Nvidia's B200 processors into China.", 1e9, "Chinese distributors"],
    ["Smugglers sold about $200 million of H100 servers through Malaysia.", 200e6, "Smugglers"],
    ["Resellers exported $50 million of GPUs to Hong Kong last year.", 50e6, "Resellers"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it("a province is not an organisation", () => {
    const { entities } = extract("Distributors in Guangdong, Zhejiang and Anhui provinces sold the chips for 3 million yuan a rack.");
    expect(entities.map((e) => e.name)).toEqual([]);
  });
});

// Rules found on the eleventh round of blind texts (diagnostic 52–55).
describe("grants belong to their funder", () => {
  it.each([
    ["Samsung Electronics will receive up to $4.745 billion in grants from the U.S. Commerce Department.", 4.745e9, "US Commerce Department (BIS)"],
    ["Intel was awarded up to $3 billion under the Secure Enclave program.", 3e9, "US government"],
    ["Micron secured $6.1 billion in direct funding from the Commerce Department for its fabs.", 6.1e9, "US Commerce Department (BIS)"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject }));

  it.each([
    ["The Commerce Department finalised Samsung's award. The department also finalised grants of up to $407 million for Amkor's plant.", 407e6],
    ["BIS published the rule on Monday. The bureau also set aside $50 million in grants for small exporters.", 50e6],
    ["The Commerce Department met Intel. The agency will provide $300 million in funding to the company's Ohio site.", 300e6],
  ])("%s: “the department” is the authority last named", (text, value) => expect(figure(withRules(text), value)?.subject).toBe("US Commerce Department (BIS)"));
});

describe("partners, ventures and customers", () => {
  it.each([
    ["Oracle and Abu Dhabi's MGX will each put in $7 billion.", 7e9, ["Oracle", "MGX"]],
    ["Tencent and Hong Kong's CK Hutchison will each commit $2 billion.", 2e9, ["Tencent", "CK Hutchison"]],
    ["SoftBank and Saudi Arabia's PIF will each contribute $5 billion to the fund.", 5e9, ["SoftBank", "PIF"]],
  ])("%s", (text, value, subjects) => {
    const facts = withRules(text).filter((f) => f.value === value);
    expect(facts.map((f) => f.subject)).toEqual(subjects);
    expect(facts.every((f) => f.kind === "investment")).toBe(true);
  });

  it.each([
    ["OpenAI, SoftBank and Oracle unveiled Stargate, a joint venture that will invest $100 billion in AI infrastructure.", 100e9, "Stargate"],
    ["Nvidia backed Crusoe Energy, a start-up that has raised $1.4 billion.", 1.4e9, "Crusoe Energy"],
    ["Investors welcomed Zhipu AI, a lab which received 3 billion yuan last year.", 3e9, "Zhipu AI"],
  ])("%s: an appositive's relative clause is about the name", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    [
      "Broadcom said it had secured more than $10 billion in orders for custom AI chips from a new customer, which people familiar with the matter identified as OpenAI.",
      10e9,
      "OpenAI",
    ],
    ["Inspur said it received orders worth $2 billion from ByteDance.", 2e9, "ByteDance"],
    ["The supplier booked $500 million of orders from Alibaba for its servers.", 500e6, "Alibaba"],
  ])("%s: orders come from their buyer", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject }));
});

describe("restatements: a headline may cut digits, a compared figure is never one", () => {
  it("“$7.86 Billion” in a headline over “$7.865 billion” is one fact", () => {
    const facts = extract("Commerce Finalizes $7.86 Billion CHIPS Award to Intel\n\nThe Commerce Department finalized an award of up to $7.865 billion to Intel.").facts;
    expect(facts.filter((f) => f.unit === "USD")).toHaveLength(1);
  });

  it.each([
    ["Samsung now plans to invest about $37 billion, down from more than $40 billion earlier.", 40e9],
    ["Shipments reached about 1.9 million units, against roughly 2 million a year ago.", 2e6],
    ["The fund now holds about $4.6 billion, compared with about $5 billion in March.", 5e9],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toBeDefined());
});

// Rules found on the twelfth round of blind texts (diagnostic 56–58).
describe("live-blog times, process generations and revenue mixes are not facts", () => {
  it.each([
    ["09:45 HKT - Advanced technologies made up 74% of wafer revenue.", 45],
    ["10:32 ET - Shares of Nvidia are down 3%.", 32],
    ["14:05 GMT - The index rose 1.1%.", 5],
  ])("%s", (text, value) => {
    expect(figure(withRules(text), value)).toBeUndefined();
    expect(extract(text).entities.map((e) => e.name)).not.toContain(text.split(" ")[1]);
  });

  it.each([
    ["Rapidus said it is working with IBM on the 2-nanometre process.", 2],
    ["TSMC's first Arizona plant began volume production of 4-nanometre chips last year.", 4],
    ["Prosecutors said the secrets concerned TSMC's 3-nm technology.", 3],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toBeUndefined());

  it("a node said of a chip is its specification", () => {
    expect(figure(withRules("The Ascend 910C is made on SMIC's 7-nanometre process."), 7)).toMatchObject({ kind: "spec", subject: "Ascend 910C" });
  });

  it.each([
    ["Advanced technologies, 7-nanometre and below, made up 74% of wafer revenue.", 7],
    ["Chips of 5 nanometres and below accounted for 40% of sales.", 5],
    ["Nodes of 16 nm and below brought in 60% of revenue.", 16],
  ])("%s: a revenue mix is not a rule's threshold", (text, value) => expect(figure(withRules(text), value)?.kind ?? "none").not.toBe("export_control"));
});

describe("events: listings that follow, volume production begun", () => {
  it.each([
    ["Huawei was added to the Entity List in May 2019. China's top chipmaker SMIC followed in December 2020.", "2020-12"],
    ["BIS put Sugon on the Entity List in June 2019. Inspur joined it in March 2023.", "2023-03"],
    ["The Entity List grew in 2024. YMTC followed in December 2022.", "2022-12"],
  ])("%s", (text, date) => expect(extract(text, "2025-03-26").events.map((e) => e.date)).toContain(date));

  it.each([
    ["TSMC's Arizona plant began volume production of 4-nanometre chips in the fourth quarter of 2024.", "2024-10"],
    ["Samsung started mass production of HBM4 in February 2026.", "2026-02"],
    ["SMIC began trial production at its new fab in March 2025.", "2025-03"],
  ])("%s", (text, date) => expect(extract(text, "2026-03-10").events.map((e) => e.date)).toContain(date));
});

// Rules found on the thirteenth round of blind texts (diagnostic 59–61).
describe("speakers of a transcript are people; a multiple of a company's output is the company's", () => {
  it.each([
    ["NVIDIA earnings call\n\nColette Kress -- Executive Vice President and Chief Financial Officer\n\nNvidia's total revenue was $44.1 billion, up 69%.", 44.1e9, "Nvidia"],
    ["Lisa Su -- Chair and Chief Executive Officer\n\nAMD's data center revenue was $3.7 billion.", 3.7e9, "AMD"],
    ["C.C. Wei, Chairman\n\nTSMC said revenue rose to $30.07 billion.", 30.07e9, "TSMC"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Huawei aims to produce 600,000 Ascend 910C dies in 2026, roughly double its 2025 output.", 2, "Huawei"],
    ["SMIC expects Kirin 9000S shipments to triple its 2024 sales.", 3, "SMIC"],
    ["Hygon said AI server demand would lift its profit to three times its 2024 profit.", 3, "Hygon"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));

  it.each([
    ["Yields at SMIC have improved to nearly 40% from about 20% a year ago.", 40, "SMIC"],
    ["Yields at TSMC's Arizona fab reached 85% in the quarter.", 85, "TSMC"],
    ["Yields of Samsung's 3-nanometre line remain below 50%.", 50, "Samsung"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)?.subject).toBe(subject));
});

describe("a participle clause dates its own action", () => {
  it.each([
    ["The Dutch government said ASML will need Dutch licences for its 1980i tools, bringing the machines under national export rules from Sept. 7.", "2024-09-07"],
    ["Seoul said on Friday it would tighten its rules, making HBM exports subject to licences from Oct. 1.", "2024-10-01"],
    ["Beijing announced the curbs, placing gallium under export licensing from Aug. 1.", "2024-08-01"],
  ])("%s", (text, date) => {
    const event = extract(text, "2024-09-06").events.find((e) => e.date === date);
    expect(event).toBeDefined();
    expect(text.slice(0, event!.start)).toMatch(/, (?:bringing|making|placing) $/);
  });
});

describe("a revenue forecast is expected revenue; revenue beating what analysts expected is actual", () => {
  it.each([
    ["We raise our 2026 revenue forecast for Cambricon to 14 billion yuan.", 14e9, "expected"],
    ["The company guided third-quarter revenue to $54 billion.", 54e9, "expected"],
    ["Revenue rose 22% to $30 billion, above the $29 billion analysts had expected.", 30e9, "actual"],
  ])("%s", (text, value, status) => expect(figure(withRules(text), value)).toMatchObject({ metric: "revenue", status }));
});

describe("a rule's technical threshold is about the goods it covers, or the chip measured against it", () => {
  it.each([
    ["Exporters now need a licence to ship advanced computing chips with a total processing performance of 4,800 or more.", "advanced computing chips"],
    ["The controls also reach NAND flash with 128 or more layers.", "NAND flash"],
    ["The new rule covers high-bandwidth memory stacks with a bandwidth density above 2 gigabytes per second.", "high-bandwidth memory stacks"],
    ["Tools need a licence when the plant makes DRAM at a half-pitch of 18 nanometres or less.", "DRAM"],
    ["The halt covers AI accelerators made on processes of 7 nanometres or more advanced.", "AI accelerators"],
  ])("%s", (text, goods) => expect(extract(text).facts.find((f) => f.kind === "export_control")?.subject).toBe(goods));

  it.each([
    ["Nvidia may sell the H200 because it scores below 21,000 on total processing performance.", "H200"],
    ["For the SMIC entries, items required to produce chips at 10 nanometres or below face a presumption of denial.", "SMIC"],
  ])("a chip measured against the threshold, or a party the rule is applied to, keeps it: %s", (text, subject) =>
    expect(extract(text).facts.find((f) => f.kind === "export_control")?.subject).toBe(subject),
  );
});

describe("“the rule” refers back to the rule the passage last named", () => {
  it.each([
    ["The department rescinded the AI diffusion rule on Tuesday. The rule had sorted countries into three tiers.", "AI diffusion rule"],
    ["Officials paused the affiliates rule last month. That rule would have covered about 20,000 companies.", "affiliates rule"],
    ["BIS expanded the foreign direct product rule. The rule sets a 90-day deadline for compliance.", "foreign direct product rule"],
  ])("%s", (text, rule) => expect(extract(text).facts.at(-1)?.subject).toBe(rule));

  it("a rule described only by adjectives is not a name", () => {
    const facts = extract("Huawei protested against the new rule. The rule sorted countries into three tiers.").facts;
    expect(facts.at(-1)?.subject).not.toMatch(/rule/);
  });
});

describe("runs and deadlines counted in hours are durations", () => {
  it.each([
    ["The model was trained for a total of 80 hours on 512 chips.", 80],
    ["Exporters must report suspicious orders within 72 hours.", 72],
    ["The cluster ran the benchmark for 36 hours without a fault.", 36],
  ])("%s", (text, value) => expect(extract(text).facts.find((f) => f.unit === "hours")).toMatchObject({ kind: "duration", value }));

  it("a span of hours just passed is not a figure", () => {
    expect(extract("Shares of Nvidia rose in the past 24 hours.").facts.filter((f) => f.unit === "hours")).toEqual([]);
  });
});

describe("an action reported in a “that” clause is quoted from the clause", () => {
  it.each([
    ["TSMC has told Chinese customers that it will suspend shipments of advanced chips from Nov. 11, 2024.", "it will suspend"],
    ["The ministry said on Friday that it would ban exports of gallium to the US from December 3, 2024.", "it would ban"],
    ["Nvidia confirmed to analysts that the licence requirement took effect on April 9, 2025.", "the licence requirement"],
  ])("%s", (text, opening) => expect(extract(text).events[0]?.quote.startsWith(opening)).toBe(true));
});

describe("a bullet's label names its product; “Both” is the last two products", () => {
  it.each([
    ["- Zeta9: 96 GB of memory.", "Zeta9"],
    ["• Kx-300: 450 W board power.", "Kx-300"],
    ["- MI350X: same memory, air-cooled, 1,000 W.", "MI350X"],
  ])("%s", (text, product) => expect(first(text)?.subject).toBe(product));

  it("a label in lower case is a measure, not a product", () => {
    expect(extract("The Zeta9 is the new part.\n- FP4 inference: 3.6 exaflops").facts[0]?.subject).toBe("Zeta9");
  });

  it.each([
    ["- H100: 80 GB of memory.\n- Zeta9: 96 GB of memory.\n- Both draw 700 W.", ["H100 SXM", "Zeta9"]],
    ["The Zeta9 has 96 GB of memory. The Zeta10 has 128 GB. Both chips draw 700 W.", ["Zeta9", "Zeta10"]],
    ["- Kx-300: 450 W.\n- Kx-500: 600 W.\n- Both pack 80 billion transistors.", ["Kx-300", "Kx-500"]],
  ])("%s", (text, products) =>
    expect(
      extract(text)
        .facts.slice(-2)
        .map((f) => f.subject),
    ).toEqual(products),
  );
});

describe("a system described by the chips it holds is a spec of that system", () => {
  it.each([
    ["A liquid-cooled rack holds up to 128 MI355X GPUs.", "MI355X rack"],
    ["Each server takes eight H20 accelerators.", "H20 server"],
    ["So an NVL144 rack actually holds 72 Rubin packages.", "NVL144"],
    ["Next year's MI400 will power Helios, a rack with 72 GPUs, AMD said.", "Helios"],
    ["Baidu unveiled the Tianchi 256, a supernode that links 256 P800 chips.", "Tianchi 256"],
  ])("%s", (text, system) => expect(extract(text).facts.at(-1)).toMatchObject({ kind: "spec", subject: system }));

  it("a company holding chips still holds a stockpile", () => {
    expect(first("Huawei holds 20,000 Ascend chips in its warehouses.")).toMatchObject({ kind: "stockpile", subject: "Huawei" });
  });
});

describe("a part “of which” counts what its whole counts", () => {
  it.each([
    ["Capacity should reach 300,000 wafers a month, of which we expect 60,000 to be dedicated to HBM.", 60000],
    ["The firm shipped 12,000 servers, of which about 3,000 went to Malaysia.", 3000],
    ["Customs seized 2,400 GPUs, of which 800 were H100s.", 800],
  ])("%s", (text, part) => expect(extract(text).facts.find((f) => f.value === part)?.unit).toBe("units"));
});

describe("shipping “from” a date is a dated launch; a president's words are the government's", () => {
  it.each([
    ["AMD said it would ship the chips to cloud customers from the third quarter of 2025.", "2025-07"],
    ["Huawei will start shipping the new supernode in March 2026.", "2026-03"],
    ["The company plans to ship the accelerator to Chinese buyers starting in September 2025.", "2025-09"],
  ])("%s", (text, date) => expect(extract(text).events[0]).toMatchObject({ type: "product_launch", date }));

  it.each([
    ["President Trump has said chip tariffs could be about 25%."],
    ["President Donald Trump said a tariff of about 100% would apply to imported chips."],
    ["President Biden's rule capped exports at 50,000 GPUs per country."],
  ])("%s", (text) => expect(extract(text).facts[0]?.subject).toBe("US government"));
});

describe("laws are not parties; a product line's model number may be one digit", () => {
  it.each([
    ["The ECRA conspiracy count carries a maximum sentence of 20 years in prison."],
    ["Each IEEPA violation carries a fine of up to $1 million."],
    ["The Export Control Reform Act count carries up to 20 years in prison."],
  ])("%s", (text) => expect(extract(text).entities.map((e) => e.name)).toEqual([]));

  it.each([
    ["Each Gaudi 3 carries 128 GB of memory.", "Gaudi 3", 128],
    ["The Ascend 3 prototype draws 350 W.", "Ascend 3", 350],
    ["A kit of eight Gaudi 2 chips will cost $65,000.", "Gaudi 2", 65000],
  ])("%s", (text, product, value) => expect(extract(text).facts.find((f) => f.value === value)?.subject).toBe(product));
});

describe("scores: bounds after “of”, performance density, a gapped second score", () => {
  it.each([
    ["Chips with a TPP of at least 2,400 need a notification.", 2400, "TPP", "export_control"],
    ["Licences are required for processors with a TPP of more than 1,600.", 1600, "TPP", "export_control"],
    ["The rule covers chips whose performance density reaches 5.92 or more.", 5.92, "count", "export_control"],
  ])("%s", (text, value, unit, kind) => expect(extract(text).facts.find((f) => f.value === value)).toMatchObject({ unit, kind }));

  it.each([
    ["The L20 has a TPP of 1,900. The A100 scores 4,992 and the H100 about 15,800.", "H100 SXM"],
    ["The L20 has a TPP of 1,900. The H20 scores 2,368 and the A100 4,992.", "A100"],
    ["The L20 has a TPP of 1,900. The H800 rates at 15,800 while the H20 about 2,368.", "H20"],
  ])("%s", (text, product) => expect(extract(text).facts.at(-1)).toMatchObject({ unit: "TPP", subject: product }));
});

describe("equity: “owns N% of”, share-swap ratios; prices of products", () => {
  it.each([
    ["Sugon already owns about 28 percent of Hygon.", "Sugon"],
    ["Tencent owns 9% of the chip designer.", "Tencent"],
    ["SoftBank owned roughly 90% of Arm after the listing.", "SoftBank"],
  ])("%s", (text, holder) => expect(first(text)).toMatchObject({ kind: "investment", subject: holder }));

  it.each([
    ["Sugon shareholders will receive 0.5525 Hygon shares for each Sugon share they hold.", "Hygon", 0.5525],
    ["Investors in Arcturus get 1.2 Zenith shares for every Arcturus share.", "Zenith", 1.2],
    ["The deal offers 0.8 Nordwind shares per Halden share.", "Nordwind", 0.8],
  ])("%s", (text, issuer, value) => expect(first(text)).toMatchObject({ kind: "investment", unit: "ratio", value, subject: issuer }));

  it.each([
    ["Intel said a standard kit of eight Gaudi 3 accelerators will sell for $125,000.", "Gaudi 3"],
    ["The H20 is priced at about $12,000.", "H20"],
    ["Each Ascend 910C sells for roughly $28,000, dealers said.", "Ascend 910C"],
  ])("%s", (text, product) => expect(extract(text).facts.find((f) => f.unit === "USD")).toMatchObject({ kind: "spec", subject: product }));

  it("what a model cost to train is its maker's spending", () => {
    expect(first("DeepSeek said its R1 model cost $294,000 to train.")).toMatchObject({ kind: "financial", subject: "DeepSeek" });
  });
});

describe("timelines in the present tense, summonses, supply cut off; a past month after the publication month is last year's", () => {
  it.each([
    ["July 31, 2025 - The Cyberspace Administration of China summons Nvidia over the H20.", "investigation", "2025-07-31"],
    ["Aug. 12, 2025 - Chinese authorities urge companies to avoid the H20.", "export_control", "2025-08-12"],
    ["TSMC cut off Sophgo in November 2024 after a die was found in a Huawei chip.", "export_control", "2024-11"],
    ["The regulator summoned the company's executives on March 3, 2025.", "investigation", "2025-03-03"],
  ])("%s", (text, type, date) => expect(extract(text).events[0]).toMatchObject({ type, date }));

  it.each([
    ["TSMC cut off Sophgo in November.", "2024-11"],
    ["Huawei was added to the list in October.", "2024-10"],
    ["The rule takes effect in November.", "2025-11"],
    ["The ban will start in August.", "2025-08"],
  ])("%s (published 2025-01-15)", (text, date) => expect(extract(text, "2025-01-15").events[0]?.date).toBe(date));
});

describe("supply deals are the buyer's orders; “its shares” after a participle are the sentence subject's", () => {
  it.each([
    ["Nebius said it would supply Microsoft with GPU capacity in a deal worth $17.4 billion.", "Microsoft"],
    ["Oracle agreed to supply OpenAI with computing power under a contract valued at $30 billion.", "OpenAI"],
    ["Lambda will supply Microsoft with Nvidia systems in a multibillion deal worth about $2 billion.", "Microsoft"],
  ])("%s", (text, buyer) => expect(extract(text).facts.find((f) => f.unit === "USD")).toMatchObject({ kind: "chip_order", subject: buyer }));

  it("the value of the agreement is the buyer's", () => {
    const facts = extract("Nebius will supply Microsoft with capacity in a deal worth $17 billion. The value of the agreement could rise to about $19.4 billion.").facts;
    expect(facts.at(-1)).toMatchObject({ kind: "chip_order", subject: "Microsoft", value: 19.4e9 });
  });

  it.each([
    ["Nebius Group said it would supply Microsoft, sending its shares up 47%.", "Nebius Group"],
    ["Oracle said it signed a contract with OpenAI, sending its stock up 36%.", "Oracle"],
    ["Intel said it would sell a stake to SoftBank, pushing its shares up 5%.", "Intel"],
  ])("%s", (text, company) => expect(extract(text).facts.find((f) => f.unit === "percent")?.subject).toBe(company));
});

describe("stakes sold and companies bought: the seller and the buyer are the subjects", () => {
  it.each([
    ["SoftBank Group said it sold all of its shares in Nvidia for $5.83 billion.", "SoftBank"],
    ["Tencent sold part of its stake in Meituan for $2 billion.", "Tencent"],
    ["Intel has sold half of its holding in Mobileye for $1.1 billion.", "Intel"],
  ])("%s", (text, seller) => expect(extract(text).facts.find((f) => f.unit === "USD")).toMatchObject({ kind: "investment", subject: seller }));

  it.each([
    ["Advanced Micro Devices said it would acquire server maker ZT Systems for $4.9 billion.", "AMD"],
    ["Nvidia agreed to acquire Israeli chip designer Mellanox for $6.9 billion.", "Nvidia"],
    ["SoftBank will buy chip designer Ampere Computing for $6.5 billion.", "SoftBank"],
  ])("%s", (text, buyer) => expect(first(text)).toMatchObject({ kind: "financial", subject: buyer }));

  it.each([
    ["Elon Musk's xAI is raising $20 billion.", "xAI"],
    ["Abu Dhabi's MGX will invest $7 billion in the venture.", "MGX"],
    ["SoftBank's Arm raised royalty rates by 10%.", "Arm"],
  ])("a possessor names whose the company is: %s", (text, company) => expect(first(text)?.subject).toBe(company));

  it("a name describing counted goods is not the next sentence's “it”", () => {
    const facts = extract("SoftBank Group sold 32.1 million Nvidia shares. It also sold part of its stake in T-Mobile US for $9.17 billion.").facts;
    expect(facts.at(-1)?.subject).toBe("SoftBank");
  });
});

describe("a headline percentage may drop its decimals; spending on plants is investment; a node of chips not named is a process", () => {
  it.each([
    ["Cambricon's revenue jumps 65% in 2024\n\nCambricon said its revenue rose 65.56 percent in 2024.", 65.56],
    ["SMIC margin hits 22%\n\nSMIC's gross margin was 22.5 percent in the quarter.", 22.5],
    ["Huawei revenue up 3%\n\nHuawei's revenue rose 3.94 percent year on year.", 3.94],
  ])("%s", (text, value) =>
    expect(
      extract(text)
        .facts.filter((f) => f.unit === "percent")
        .map((f) => f.value),
    ).toEqual([value]),
  );

  it("a percentage is not its whole part when the two differ", () => {
    expect(extract("Revenue rose 65% in 2024. Profit rose 66.5 percent.").facts.filter((f) => f.unit === "percent")).toHaveLength(2);
  });

  it.each([
    ["TSMC has said it will spend $165 billion in Arizona on six chip plants.", "TSMC"],
    ["Micron plans to spend $100 billion on new fabs in New York.", "Micron"],
    ["Samsung will spend $37 billion on factories in Texas.", "Samsung"],
  ])("%s", (text, company) => expect(extract(text).facts.find((f) => f.unit === "USD")).toMatchObject({ kind: "investment", subject: company }));

  it.each([
    ["The B200 is the fastest chip. Its first Arizona plant began volume production of 4-nanometre chips in late 2024."],
    ["The H100 sold well. The fab will mass-produce 3-nanometre chips next year."],
    ["The MI300X is AMD's flagship. The plant makes 5-nanometre chips for carmakers."],
  ])("%s", (text) => expect(extract(text).facts.filter((f) => f.unit === "nm")).toEqual([]));
});

describe("rules “in force” or “in effect” are dated actions; “X followed in …” repeats the action just told", () => {
  it.each([
    ["On April 14, 2025, the government said the requirement would be in effect for the indefinite future.", "2025-04-14"],
    ["The controls came into force on Aug. 1, 2023.", "2023-08-01"],
    ["The measures entered into force on 1 March 2025.", "2025-03-01"],
  ])("%s", (text, date) => expect(extract(text).events[0]).toMatchObject({ type: "export_control", date }));

  it.each([
    ["In July 2023 the ministry announced licence requirements for gallium. Graphite followed in December 2023.", "license", "2023-12"],
    ["Beijing banned exports of antimony in December 2024. Tungsten followed in February 2025.", "export_control", "2025-02"],
    ["The regulator opened a probe into Nvidia in December 2024. A second inquiry followed in March 2025.", "investigation", "2025-03"],
  ])("%s", (text, type, date) => expect(extract(text).events.at(-1)).toMatchObject({ type, date }));
});

describe("places an organisation is based in, passive agents, deliveries told after the figure, EPS, funding rounds", () => {
  it.each([
    ["Beijing-based Iluvatar CoreX closed a 1.2 billion yuan round.", "Iluvatar CoreX"],
    ["Washington-based Kestrel Analytics raised $40 million.", "Kestrel Analytics"],
    ["Tokyo-based Preferred Networks raised 19 billion yen in a funding round.", "Preferred Networks"],
  ])("%s", (text, company) => expect(first(text)).toMatchObject({ kind: "investment", subject: company }));

  it.each([
    ["Orders for about 200,000 of Nvidia's H20 chips were placed by ByteDance in the first quarter.", "ByteDance"],
    ["An order for 5,000 servers was placed by Tencent last month.", "Tencent"],
    ["Some 8,000 of the accelerators have been bought by Alibaba Group.", "Alibaba"],
  ])("%s", (text, buyer) => expect(first(text)).toMatchObject({ kind: "chip_order", subject: buyer }));

  it.each([
    ["About 30,000 of the chips had been delivered by the time the licence requirement was imposed."],
    ["Roughly 12,000 servers were delivered before the ban."],
    ["Only 500 of the accelerators have been delivered so far."],
  ])("%s", (text) => expect(first(text)).toMatchObject({ kind: "chip_order", unit: "units" }));

  it("earnings per share is not a share price paid for equity", () => {
    expect(first("AMD forecast earnings per share of more than $20.")?.kind).toBe("financial");
  });
});

describe("a fraction of a company's sales, revenue or orders is its share in percent, for names of several words", () => {
  it.each([
    ["Nearly half of Tokyo Electron's sales came from China.", "Tokyo Electron", 50],
    ["About a third of Applied Materials' revenue came from China.", "Applied Materials", 33.333333],
    ["Half of SK Hynix's sales now come from Nvidia.", "SK Hynix", 50],
  ])("%s", (text, company, value) => expect(first(text)).toMatchObject({ kind: "financial", unit: "percent", subject: company, value }));
});

describe("clock speeds; one picked from a group; a compound adjective is not a label; editions of a model", () => {
  it.each([
    ["The Kirin 9010 runs its fastest core at up to 2.3 GHz.", 2.3, "GHz"],
    ["Each Xeon 6980P core is clocked at 3.9 gigahertz.", 3.9, "GHz"],
    ["The MLU370 runs at 1,300 MHz.", 1300, "MHz"],
  ])("%s", (text, value, unit) => expect(extract(text).facts.find((f) => f.unit === unit)).toMatchObject({ kind: "spec", value }));

  it.each([
    ["The chip has eight cores, one of them a performance core."],
    ["Nvidia named five suppliers, one of which is Samsung."],
    ["Huawei showed three systems, one of those a liquid-cooled rack."],
  ])("%s", (text) => expect(extract(text).facts.map((f) => f.value)).not.toContain(1));

  it.each([
    ["The Kirin 9000S was made on SMIC's second-generation 7-nanometre process.", 7],
    ["The H20 uses a fourth-generation 4-nanometre process from TSMC.", 4],
    ["The Ascend 910B is built on a first-generation 7nm process.", 7],
  ])("%s", (text, value) => expect(extract(text).facts.find((f) => f.unit === "nm")).toMatchObject({ kind: "spec", value }));

  it.each([
    ["Huawei began selling the Mate 60 Pro in August.", "Mate 60 Pro"],
    ["The Pura 70 Ultra went on sale in April.", "Pura 70 Ultra"],
    ["Xiaomi unveiled the Redmi 13 Plus on Monday.", "Redmi 13 Plus"],
  ])("%s", (text, name) => expect(extract(text).entities.map((e) => e.name)).toContain(name));
});

describe("“the phone”, “the server”, “the card” refer to the last product; a price is its spec", () => {
  it.each([
    ["Huawei began selling the Mate 60 Pro last month. The phone costs 6,999 yuan.", "Mate 60 Pro"],
    ["Inspur showed the NF5688 on Monday. The server sells for about $300,000.", "NF5688"],
    ["Nvidia launched the L20 in 2024. The card is priced at about $8,000.", "L20"],
  ])("%s", (text, product) => expect(extract(text).facts.at(-1)).toMatchObject({ kind: "spec", subject: product }));
});

describe("events: a “when” clause after a date, supply stopped in any tense", () => {
  it.each([
    ["US officials have restricted SMIC's access to American tools since December 2020, when the company was added to the Entity List.", "2020-12", "since December 2020, when"],
    ["The chipmaker's troubles began in May 2019, when Huawei was placed on the blacklist.", "2019-05", "in May 2019, when"],
    ["Shipments have been stalled since April 2025, when the licence requirement was imposed.", "2025-04", "since April 2025, when"],
  ])("%s", (text, date, quote) => expect(extract(text).events.find((e) => e.date === date)?.quote).toMatch(new RegExp(`^${quote}`)));

  it.each([
    ["April 2021 - TSMC stops taking new orders from Phytium.", "2021-04"],
    ["In March 2024 Samsung ceased supplying the designer.", "2024-03"],
    ["GlobalFoundries stopped accepting orders from the company in June 2023.", "2023-06"],
  ])("%s", (text, date) => expect(extract(text).events[0]).toMatchObject({ type: "export_control", date }));
});

describe("a plan reported in the past is dated to the nearer year", () => {
  it.each([
    ["TSMC told customers that it would suspend shipments from November 11.", "2024-11-11"],
    ["The company said it would stop supplying the firm from December.", "2024-12"],
    ["Officials announced that the ban would take effect in October.", "2024-10"],
  ])("%s (published 2025-01-16)", (text, date) => expect(extract(text, "2025-01-16").events[0]?.date).toBe(date));
});

describe("a rule's thresholds on transistors and compute; “such a chip” is the goods the rule covers", () => {
  it.each([
    ["The rule covers logic chips at 16 nanometres or below. Foundries must presume such a chip needs a licence if it has 30 billion or more transistors.", 30e9],
    ["The threshold for advanced chips with more than 50 billion transistors rises under the new rule.", 50e9],
    ["Under the controls, processors with 25 billion or more transistors need a licence.", 25e9],
  ])("%s", (text, value) => expect(extract(text).facts.find((f) => f.value === value)).toMatchObject({ kind: "export_control" }));

  it("a chip said to pack many transistors beside a word of export controls keeps its spec", () => {
    expect(first("The B200, which is subject to US export controls, packs more than 200 billion transistors.")).toMatchObject({ kind: "spec", subject: "B200" });
  });

  it.each([
    ["BIS restricted exports of items for supercomputers, covering systems with more than 100 petaflops of double-precision performance.", "systems"],
    ["The rule bans the sale of computers with more than 10 exaflops of AI compute.", "computers"],
    ["Licences are required for accelerators with at least 300 teraflops of FP16 compute.", "accelerators"],
  ])("%s", (text, subject) => expect(extract(text).facts[0]).toMatchObject({ kind: "export_control", subject }));

  it("“the threshold” later in the passage keeps the goods", () => {
    const facts = extract("The rule covers logic chips at 16 nanometres or below. The threshold rises to 35 billion transistors in 2027.").facts;
    expect(facts.at(-1)).toMatchObject({ kind: "export_control", subject: "logic chips" });
  });
});

describe("listed parties counted by what they are; nationalities are not entities; bodies named “of …”", () => {
  it.each([
    ["Seven entities were added to the Entity List, among them four national supercomputing centres.", "centres"],
    ["BIS added 12 Chinese entities, including three research laboratories.", "laboratories"],
    ["The list now includes five Chinese chipmakers and two equipment makers added in December.", "makers"],
  ])("%s", (text, noun) => expect(extract(text).facts.at(-1)).toMatchObject({ kind: "export_control", subject: expect.stringContaining(noun) }));

  it.each([["The Taiwanese company said it would comply."], ["A Singaporean court heard the case."], ["Dutch officials met Israeli and Emirati suppliers."]])("%s", (text) =>
    expect(extract(text).entities).toEqual([]),
  );

  it.each([
    ["Malaysia's Ministry of Investment, Trade and Industry issued the permits.", "Ministry of Investment, Trade and Industry"],
    ["India's Ministry of Electronics and Information Technology approved the plant.", "Ministry of Electronics and Information Technology"],
    ["The Department of Industry, Science and Resources funds the programme.", "Department of Industry, Science and Resources"],
  ])("%s", (text, name) => expect(extract(text).entities.map((e) => e.name)).toContain(name));
});

describe("an unnamed group opening a clause with “who” or “that” is its subject", () => {
  it.each([
    ["Exporters who breach the rule face fines of up to 10 million ringgit.", "Exporters"],
    ["Companies that violate the order face penalties of $1 million per shipment.", "Companies"],
    ["Distributors who ignore the ban face up to five years in prison.", "Distributors"],
  ])("%s", (text, subject) => expect(first(text)?.subject).toBe(subject));
});

describe("live-blog dates, working days, controlled goods named with an aside, content thresholds", () => {
  it.each([
    ["In a statement this morning the ministry announced a ban on exports of gallium.", "2024-12-03"],
    ["Tonight the regulator imposed a licence requirement on the chip.", "2024-12-03"],
    ["This afternoon the commerce ministry said it would ban exports of graphite.", "2024-12-03"],
  ])("%s (published 2024-12-03)", (text, date) => expect(extract(text, "2024-12-03").events[0]?.date).toBe(date));

  it.each([
    ["A licence can take up to 45 working days to process.", 45],
    ["Buyers must file the form within ten business days.", 10],
    ["The review lasts 30 calendar days.", 30],
  ])("%s", (text, value) => expect(first(text)).toMatchObject({ kind: "duration", value, unit: "days" }));

  it.each([
    ["The ministry put seven rare earth elements, among them samarium, gadolinium and dysprosium, under export licensing.", "rare earth elements"],
    ["Beijing placed five minerals, including gallium, germanium and antimony, under export controls.", "minerals"],
    ["The rule brings 23 technologies, from lithography to deposition, under licence requirements.", "technologies"],
  ])("%s", (text, subject) => expect(first(text)).toMatchObject({ kind: "export_control", subject: expect.stringContaining(subject.split(" ").at(-1)!) }));

  it.each([
    ["The controls cover foreign-made products that contain Chinese rare earths worth 0.1% or more of the product's value.", 0.1],
    ["Licences are needed for magnets that contain Chinese materials worth 0.5% or more of their value.", 0.5],
    ["The rule applies to devices that incorporate US parts worth 25% or more of the device's value.", 25],
  ])("%s", (text, value) => expect(first(text)).toMatchObject({ kind: "export_control", value }));
});

describe("a product followed by its noun and “which”; generations behind; “said it had …”", () => {
  it.each([
    ["Huawei used HBM2E to build its Ascend 910B accelerator, which packs four stacks of the memory.", "Ascend 910B"],
    ["Nvidia shipped the H20 chip, which carries 96 GB of HBM3.", "H20"],
    ["Inspur showed its NF5688 server, which holds eight GPUs.", "NF5688"],
  ])("%s", (text, product) => expect(extract(text).facts.at(-1)).toMatchObject({ kind: "spec", subject: product }));

  it.each([
    ["Buyers took HBM2E chips, two generations behind the latest."],
    ["The design is three generations older than Nvidia's."],
    ["Its process is one generation behind TSMC's."],
  ])("%s", (text) => expect(extract(text).facts).toEqual([]));

  it.each([
    ["SK Hynix, Samsung's rival and Nvidia's main supplier of HBM, said it had stopped supplying HBM to Chinese customers in 2023.", "it had stopped"],
    ["Applied Materials, the largest US toolmaker by sales, said it halted shipments to the listed fabs in October 2024.", "it halted"],
    ["The Dutch company, which makes lithography machines, confirmed it would need licences from September 2023.", "it would need"],
  ])("%s", (text, opening) => expect(extract(text).events[0]?.quote).toMatch(new RegExp(`^${opening}`)));
});

describe("a name written surname first; the value of goods is never a fine", () => {
  it.each([
    ["Prosecutors said director Lim Teck Huat pleaded guilty. Lim, 52, was sentenced to 10 months in jail.", "Lim"],
    ["Tan Wei Ming was charged last week. Tan faces up to two years in prison.", "Tan"],
    ["Court filings show Ng Kok Wah, 41, was arrested. Ng could be fined S$10,000.", "Ng"],
  ])("%s", (text, surname) => expect(extract(text).facts.at(-1)?.subject).toBe(surname));

  it("a company shortened to its first word stays a company", () => {
    const { facts } = extract("Hangzhou-based Xinghe Microelectronics won the order. Xinghe shares rose 6.1%.");
    expect(facts.at(-1)).toMatchObject({ kind: "financial", subject: expect.stringMatching(/^Xinghe/) });
  });

  it.each([
    ["The director pleaded guilty over 48 servers worth about S$3.4 million."],
    ["Prosecutors said the defendants shipped chips valued at $2 million before they were fined."],
    ["He admitted smuggling GPUs worth a combined $160 million and faces a penalty."],
  ])("%s", (text) => expect(extract(text).facts.find((f) => f.unit !== "units" && f.unit !== "count")?.kind).not.toBe("penalty"));
});

describe("market wraps: index names, limit moves, a second company's move with the verb left out", () => {
  it.each([
    ["The STAR 50 index ended 8.6% higher.", "STAR 50"],
    ["The CSI 300 rose 1.4% on Friday.", "CSI 300"],
    ["South Korea's KOSPI 200 index fell 2.2%.", "KOSPI 200"],
  ])("%s", (text, index) => expect(first(text)).toMatchObject({ kind: "financial", subject: index }));

  it.each([
    ["Cambricon jumped by its 20% daily limit to a record 1,243.2 yuan.", [20]],
    ["Moore Threads rose by the 20% limit to 688.8 yuan.", [20]],
    ["Hygon fell by its 10% daily limit to 120.5 yuan.", [-10]],
  ])("%s", (text, values) => expect(extract(text).facts.map((f) => f.value)).toEqual(values));

  it.each([
    ["Lam Research dropped 1.9% and KLA 1.5%.", "KLA", -1.5],
    ["Tokyo Electron fell 1.2%, while Lasertec 2%.", "Lasertec", -2],
    ["SK Hynix rose 3% and Micron 1.1%.", "Micron", 1.1],
  ])("%s", (text, company, value) => expect(extract(text).facts.at(-1)).toMatchObject({ subject: company, value }));

  it.each([
    ["Li Wei, an analyst with 12 years of experience, said the rally was overdone."],
    ["The chief executive has 30 years' experience in the industry."],
    ["She joined after 25 years of service at the ministry."],
  ])("%s", (text) => expect(extract(text).facts).toEqual([]));
});

describe("a figure changed “from” an earlier level is the same measure of the same party", () => {
  it.each([
    ["Chinese companies bought $38 billion of chipmaking equipment in 2024, up from about $23 billion in 2022.", "Chinese companies", "chip_order"],
    ["Nvidia's data centre revenue rose to $41.1 billion from $26.3 billion a year earlier.", "Nvidia", "financial"],
    ["SMIC's gross margin fell to 20.4% from 22.5% in the previous quarter.", "SMIC", "financial"],
  ])("%s", (text, subject, kind) => expect(extract(text).facts.at(-1)).toMatchObject({ subject, kind }));
});

describe("places, possessors with an epithet, a system named before its place, headline counts", () => {
  it.each([
    ["MEMPHIS, Tennessee (Wire) - The data centre opened on Monday."],
    ["The plant in Austin, Texas, and another in Phoenix were delayed."],
    ["Officials in Boston and Seattle met Michigan lawmakers."],
  ])("%s", (text) => expect(extract(text).entities).toEqual([]));

  it.each([
    ["Elon Musk's artificial intelligence company xAI raised $10 billion and plans to raise $12 billion more.", "xAI"],
    ["Masayoshi Son's investment group SoftBank sold $5.8 billion of Nvidia stock and plans to buy $22.5 billion more.", "SoftBank"],
    ["Jensen Huang's chip company Nvidia booked $57 billion and expects $65 billion next quarter.", "Nvidia"],
  ])("%s", (text, subject) => expect(extract(text).facts.at(-1)?.subject).toBe(subject));

  it.each([
    ["xAI is expanding its Colossus supercomputer in Memphis, which already runs about 200,000 Nvidia GPUs.", "Colossus"],
    ["Meta is building its Hyperion cluster in Louisiana, which will run 500,000 GPUs.", "Hyperion"],
    ["Tesla showed its Cortex supercomputer in Austin, Texas, which houses 50,000 H100 chips.", "Cortex"],
  ])("%s", (text, system) => expect(extract(text).facts[0]).toMatchObject({ kind: "spec", subject: system }));

  it.each([
    ["xAI races to fill its supercomputer with a million GPUs\n\nThe company plans to reach 1 million."],
    ["Huawei to make 600,000 Ascend chips next year\n\nHuawei plans to produce about 600,000 next year."],
    ["Tencent to buy 100,000 accelerators\n\nThe order covers 100,000, people said."],
  ])("%s", (text) => expect(extract(text).facts).toHaveLength(1));
});

describe("a report that “found that …” leaves the subject to the clause", () => {
  it.each([
    ["A report by the House committee found that Chinese companies bought $38 billion of equipment.", "Chinese companies"],
    ["The study showed that Huawei shipped 700,000 Ascend chips last year.", "Huawei"],
    ["A review by the ministry concluded that Nexperia had paid $120 million to its parent.", "Nexperia"],
  ])("%s", (text, subject) => expect(first(text)?.subject).toBe(subject));
});

describe("the level a count changed from counts the same; hyphenated given names; a company's short name", () => {
  it.each([
    ["Intel will cut its workforce to about 75,000 employees by the end of the year, from 99,500 at the end of 2024.", 99500],
    ["Shipments rose to 1.2 million servers in the quarter, from 900,000 a year earlier.", 900000],
    ["The fab will run 50,000 wafers a month next year, up from 35,000 today.", 35000],
  ])("%s", (text, value) => expect(extract(text).facts.map((f) => f.value)).toContain(value));

  it.each([
    ["Chief executive Lip-Bu Tan said Intel would cut jobs. The company reported a loss of $2.9 billion.", "Intel"],
    ["Chairman Jong-Hee Han said Samsung would invest more. The company plans to spend $33 billion.", "Samsung"],
    ["Analyst Hye-Jin Park said SK Hynix had gained. The company reported revenue of $17 billion.", "SK Hynix"],
  ])("%s", (text, company) => expect(extract(text).facts.at(-1)?.subject).toBe(company));

  it.each([
    ["SoftBank agreed to buy Ampere Computing for $6.5 billion. Ampere has about 1,000 engineers.", "Ampere Computing"],
    ["Tesla spun off Hopper Technologies last year. Hopper now employs 400 people.", "Hopper Technologies"],
    ["Investors backed Rubin Labs in 2024. Rubin raised $50 million this month.", "Rubin Labs"],
  ])("%s", (text, company) => expect(extract(text).facts.at(-1)?.subject).toBe(company));
});

describe("buying a company described in an aside; a country's measures; bodies with an adjective", () => {
  it.each([
    ["SoftBank agreed to buy Ampere Computing, a designer of Arm-based server processors, for $6.5 billion."],
    ["AMD will buy Silo AI, a Finnish artificial intelligence lab, for $665 million."],
    ["Nvidia bought Mellanox Technologies, an Israeli networking firm, for $6.9 billion."],
  ])("%s", (text) => expect(first(text)?.kind).toBe("financial"));

  it.each([
    ["China produced 239.5 billion integrated circuits in the first half. Exports of integrated circuits rose 20.3 percent.", "China"],
    ["South Korea's chip exports hit a record. Shipments of memory chips rose 11 percent in March.", "South Korea"],
    ["Japan produced more wafers last year. Output of silicon wafers grew 4 percent.", "Japan"],
  ])("%s", (text, country) => expect(extract(text).facts.at(-1)?.subject).toBe(country));

  it.each([
    ["Output rose, according to the National Bureau of Statistics.", "National Bureau of Statistics"],
    ["The State Administration of Foreign Exchange published the data.", "State Administration of Foreign Exchange"],
    ["The Federal Ministry of Economics said the subsidy was cut.", "Federal Ministry of Economics"],
  ])("%s", (text, name) => expect(extract(text).entities.map((e) => e.name)).toContain(name));
});

describe("a licence's allowance is its recipient's; shares listed after their holders; citations end with their sentence", () => {
  it.each([
    ["The licences cover up to 18,000 GB300 chips for Saudi Arabia's Humain.", "Humain"],
    ["AMD received approval to send Humain about 17,000 MI355X accelerators.", "Humain"],
    ["The licences allow Nvidia to ship the equivalent of 35,000 Blackwell chips to G42.", "G42"],
  ])("%s", (text, recipient) => expect(first(text)).toMatchObject({ kind: "export_control", subject: recipient }));

  it.each([
    ["TSMC held 71% of the foundry market, followed by Samsung at 6.8% and SMIC at 5.1%.", "SMIC", 5.1],
    ["SK Hynix held 57% of the HBM market. Hua Hong ranked sixth with 2.6% of foundry revenue.", "Hua Hong", 2.6],
    ["Samsung's share of the market rose to 22%, while Micron Technology held 21%.", "Micron", 21],
  ])("%s", (text, holder, value) => expect(extract(text).facts.at(-1)).toMatchObject({ kind: "financial", subject: holder, value }));

  it.each([
    ["SK Hynix led the market, according to research firm TrendForce. Samsung Electronics' share rose to 22%.", "Samsung"],
    ["Prices fell, according to TrendForce. Micron's revenue rose 12%.", "Micron"],
    ["Output grew, according to the ministry. SMIC shares rose 3%.", "SMIC"],
  ])("%s", (text, subject) => expect(extract(text).facts.at(-1)?.subject).toBe(subject));
});

// Rules found on the twenty-ninth round of blind texts (diagnostic 111–115).
describe("supplies, receipts and deployments: who gets the goods, and what they count", () => {
  it.each([
    ["Nvidia will supply more than 18,000 of its graphics processing units to Humain.", 18000],
    ["AMD will ship 5,000 of its newest graphics processing units to G42 this year.", 5000],
    ["Intel said it would deliver 2,000 graphics processing units to the lab.", 2000],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ unit: "units" }));

  it.each([
    ["Malaysia's government announced a national AI plan. The government will receive 3,500 accelerators by June.", 3500, "Malaysia"],
    ["The contract covers chips for the government of Japan. The government will receive 7,000 GPUs next year.", 7000, "Japan"],
    ["The Japanese government unveiled a chip plan. The government will buy 2,500 GPUs for a research centre.", 2500, "Japan"],
  ])("%s", (text, value, buyer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: buyer }));

  it.each([
    ["Nscale agreed to provide Microsoft with about 200,000 Nvidia GB300 GPUs.", 200000, "Microsoft"],
    ["Dell will supply xAI with 50,000 servers.", 50000, "xAI"],
    ["Nvidia will provide Humain with 18,000 GB300 chips.", 18000, "Humain"],
  ])("%s", (text, value, buyer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: buyer }));

  it.each([
    ["ByteDance ordered 20,000 servers and Alibaba bought 15,000.", 15000, "Alibaba"],
    ["Samsung will deploy 50,000 GPUs, while Naver Cloud plans to install 60,000.", 60000, "Naver Cloud"],
    ["Tencent will buy 8,000 accelerators, but Baidu will order about 5,000.", 5000, "Baidu"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ unit: "units", subject }));

  it.each([
    ["Samsung Electronics, SK Group and Hyundai Motor Group will each deploy up to 50,000 Nvidia GPUs.", ["Samsung", "SK Group", "Hyundai Motor Group"]],
    ["Microsoft, Google and Amazon each ordered 10,000 accelerators.", ["Microsoft", "Google", "Amazon"]],
    ["Tencent, Alibaba and Baidu will each invest $1 billion in the fund.", ["Tencent", "Alibaba", "Baidu"]],
  ])("%s: one fact for each", (text, subjects) => expect(extract(text).facts.map((f) => f.subject)).toEqual(subjects));

  it("a list of names not closed by “and” is no list", () => expect(extract("Microsoft, Google ordered 10,000 accelerators.").facts).toHaveLength(1));
});

describe("not figures: a record's span, time between two moments, some of a ranked group, products counted then named", () => {
  it.each([
    "It was his first visit to the country in 15 years.",
    "The deal was only the second time in 20 years that the regulator had intervened.",
    "The announcement came two days after Nvidia reported earnings.",
    "Three weeks later, Huawei unveiled a new chip.",
    "The company will supply chips to four of the country's biggest companies.",
    "Nvidia counts two of the world's largest cloud providers among its buyers.",
    "Qualcomm unveiled two accelerators for data centres, the AI200 and AI250.",
    "Huawei showed three new chips, the Ascend 950PR, Ascend 950DT and Ascend 960.",
  ])("%s", (text) => expect(extract(text).facts).toEqual([]));

  it("a deadline after an event is still a length of time", () =>
    expect(first("Exporters must file the form within 30 days after the shipment.")).toMatchObject({ value: 30, unit: "days" }));
});

describe("power in megawatts is the deployer's; “a gigawatt”; a deal for goods is an order", () => {
  it.each([
    ["Humain will deploy 200 megawatts of Qualcomm's AI200 racks starting in 2026.", 200, "Humain"],
    ["OpenAI plans to use 6 gigawatts of AMD's MI450 chips.", 6000, "OpenAI"],
    ["Meta will run 1.5 gigawatts of Nvidia's GB300 systems at its Ohio campus.", 1500, "Meta"],
  ])("%s", (text, value, subject) => expect(figure(withRules(text), value)).toMatchObject({ kind: "spec", unit: "MW", subject }));

  it.each([
    ["The expansion will bring well over a gigawatt of computing capacity online in 2026.", 1000, true],
    ["Microsoft will add a gigawatt of capacity in Wisconsin.", 1000, false],
    ["xAI said its new site would draw about a megawatt at first.", 1, true],
  ])("%s", (text, value, approx) => expect(first(text)).toMatchObject({ value, unit: "MW", approx }));

  it.each([
    ["Meta will rent 500,000 GPUs from CoreWeave in a deal worth $14 billion.", 14e9, "Meta"],
    ["Anthropic will expand its use of Google's chips to up to 1 million TPUs, in a deal worth tens of billions of dollars.", 1e6, "Anthropic"],
    ["Microsoft agreed to buy computing capacity from Nebius in a deal worth $17.4 billion.", 17.4e9, "Microsoft"],
  ])("%s", (text, value, buyer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: buyer }));
});

describe("systems that hold chips; names that look like verbs; relative clauses and their antecedents", () => {
  it.each([
    ["Amazon has committed $8 billion, and its Project Rainier cluster links nearly 500,000 Trainium2 chips.", 500000, "Project Rainier"],
    ["Meta said its Prometheus cluster in Ohio will hold 500,000 accelerators.", 500000, "Prometheus"],
    ["xAI's Colossus supercomputer will house 1 million GPUs.", 1e6, "Colossus"],
  ])("%s", (text, value, system) => expect(figure(withRules(text), value)).toMatchObject({ kind: "spec", subject: system }));

  it.each([
    ["Cerebras will build more of its WSE-3 processors, each of which packs 4 trillion transistors.", 4e12, "WSE-3"],
    ["Huawei will ship more Ascend 910C chips, each of which carries 128 GB of memory.", 128, "Ascend 910C"],
    ["AMD will sell its MI355X accelerators, all of which carry 288 GB of HBM3E.", 288, "MI355X"],
  ])("%s", (text, value, product) => expect(figure(withRules(text), value)).toMatchObject({ kind: "spec", subject: product }));

  it("a place named before “which” is not the clause's subject", () => {
    const text =
      "Cerebras said on Tuesday that it had raised new money.\n\nThe company will expand its data centres in the United States, which serve more than 20 trillion tokens a month.";
    const tokens = figure(withRules(text), 20e12);
    expect(tokens).toMatchObject({ kind: "count" });
    expect(tokens!.subject).not.toBe("US government");
  });
});

describe("a company's worth, an investor's money, a part of a whole, a deal's value, a round's name", () => {
  it.each([
    ["The start-up Cerebras raised $1.1 billion in a funding round that values the company at $8.1 billion.", 8.1e9],
    ["Rival chip designer Groq was valued at $2.8 billion in August 2024, when it raised $640 million.", 2.8e9],
    ["The round gave Lambda a valuation of $4 billion after it raised $480 million.", 4e9],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial" }));

  it.each([
    ["The listing of chipmaker Cerebras was delayed by a review of a $335 million investment from G42.", 335e6, "G42"],
    ["Moore Threads received a 2 billion yuan investment from Tencent.", 2e9, "Tencent"],
    ["Zhipu got a 500 million yuan investment from Alibaba.", 500e6, "Alibaba"],
  ])("%s", (text, value, investor) => expect(figure(withRules(text), value)).toMatchObject({ kind: "investment", subject: investor }));

  it("a part of a whole the text just stated keeps its measure and party, unless it names its own", () => {
    const text =
      "Nscale will provide Microsoft with about 200,000 GPUs. The biggest share, about 104,000 GPUs, will be installed in Texas. A further 12,600 GPUs will go to Portugal. The remaining 52,000 are part of an earlier agreement.";
    for (const value of [104000, 12600, 52000]) expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: "Microsoft", unit: "units" });
    expect(figure(withRules("ByteDance ordered 100,000 chips. A further 40,000 units were ordered by Alibaba."), 40000)?.subject).toBe("Alibaba");
  });

  it.each([
    ["Nscale agreed to provide Microsoft with 200,000 GPUs. Nscale did not disclose the value of the contracts, which people put at up to $24 billion.", 24e9, "Microsoft"],
    ["Oracle agreed to buy 400,000 chips from Nvidia. Neither company disclosed the value of the order, which analysts put at $40 billion.", 40e9, "Oracle"],
    ["CoreWeave will supply Meta with computing power. Analysts estimate the size of the deal at $14 billion.", 14e9, "Meta"],
  ])("%s", (text, value, buyer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: buyer }));

  it.each([
    "The company raised $1.1 billion in its Series B round.",
    "Its Series G round was led by Fidelity and raised $1.1 billion.",
    "Shares jumped after the Pre-IPO round closed.",
  ])("%s", (text) => expect(extract(text).entities.map((e) => e.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Series|IPO/)])));
});

// Rules found on the thirtieth round (diagnostic 116–117).
describe("a ban in any form is a dated action; a share of output made in one place; plant towns are places", () => {
  it.each([
    ["Beijing responded on October 4 by banning exports from the company's factory, and began granting exemptions on November 1.", "2025-10-04"],
    ["The ministry is imposing new curbs on gallium exports from August 1.", "2025-08-01"],
    ["Commerce is publishing the rule on December 13, officials said.", "2025-12-13"],
  ])("%s", (text, date) => expect(extract(text, "2025-11-19").events.map((e) => e.date)).toContain(date));

  it.each([
    ["About 70% of the chips Nexperia makes in Europe are packaged at its plant in Dongguan.", 70],
    ["Some 60% of TSMC's output is made in Hsinchu and Tainan.", 60],
    ["Roughly 80% of the wafers Micron produces are tested in Penang.", 80],
  ])("%s", (text, value) => expect(figure(withRules(text), value)).toMatchObject({ kind: "financial" }));

  it.each([
    "Nexperia's factory in Dongguan employs around 1,800 people.",
    "Samsung's plant in Pyeongtaek makes most of its HBM.",
    "TSMC's second plant in Kumamoto will open next year.",
  ])("%s", (text) => expect(extract(text).entities.map((e) => e.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Dongguan|Pyeongtaek|Kumamoto/)])));
});

// Rules found on the thirty-first round (diagnostic 118–119).
describe("products described in an aside; contracts to make a buyer's goods; “one” as an article; launches with specs", () => {
  it.each([
    [
      "Intel gave details of Panther Lake, the first processor built on its 18A process. Panther Lake combines a graphics unit of up to 12 cores with a neural engine.",
      12,
      "Panther Lake",
    ],
    ["AMD showed Venice, a server CPU with up to 256 cores. Venice also carries 16 memory channels.", 16, "Venice"],
    ["Intel previewed Clearwater Forest, a server processor on 18A with up to 288 efficiency cores.", 288, "Clearwater Forest"],
    ["Qualcomm described Oryon, a custom CPU for laptops with 12 cores.", 12, "Oryon"],
  ])("%s", (text, value, product) => expect(figure(withRules(text), value)).toMatchObject({ kind: "spec", subject: product }));

  it("a company described as a chip maker stays a company", () =>
    expect(extract("Groq, a chip start-up, raised $750 million.").entities.find((e) => e.name === "Groq")?.kind).not.toBe("chip"));

  it.each([
    ["Samsung signed a $16.5 billion contract in July to make Tesla's next chip.", 16.5e9, "Tesla"],
    ["TSMC won a $2 billion deal with Apple to make its modem chips.", 2e9, "Apple"],
    ["Foxconn signed a $1 billion agreement to build xAI's servers.", 1e9, "xAI"],
  ])("%s", (text, value, buyer) => expect(figure(withRules(text), value)).toMatchObject({ kind: "chip_order", subject: buyer }));

  it.each(["Tesla will split one chip design between its foundries.", "Only one company won a licence this year.", "The rule names one supplier."])("%s", (text) =>
    expect(extract(text).facts.filter((f) => f.value === 1)).toEqual([]),
  );
  it("“for one year” is still a length of time", () => expect(first("The ban lasts for one year.")).toMatchObject({ value: 1, unit: "years" }));

  it.each([
    ["Intel previewed Clearwater Forest, a server processor with up to 288 cores, due in the first half of 2026.", "2026-01"],
    ["AMD said the MI500, with 432 GB of memory, is due in 2027.", "2027"],
    ["Nvidia said Rubin CPX, a GPU with 128 GB of GDDR7, will be available at the end of 2026.", "2026-12"],
  ])("%s", (text, date) => expect(extract(text).events.map((e) => e.date)).toContain(date));

  it.each([
    ["Small numbers of AI5 chips will be made in 2026, with high-volume production in 2027.", ["2026", "2027"]],
    ["Huawei's Ascend 960 is to be produced in 2027.", ["2027"]],
    ["The Kunlun M300 will be manufactured in 2027 and volume production follows in 2028.", ["2027", "2028"]],
  ])("%s", (text, dates) => expect(extract(text).events.map((e) => e.date)).toEqual(dates));
});
