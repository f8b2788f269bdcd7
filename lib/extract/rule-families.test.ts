// Each rule family of the extractor held to at least three sentences in different words (issue 13:
// no rule for one sentence). Written for these tests, not taken from ../shared/eval.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGazetteer } from "./entities";
import { extractFacts } from "./extract";

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
