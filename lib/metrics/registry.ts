// The metric registry: the only definition of what a fact can measure. A metric is a concept
// ("units ordered", "penalty amount", "compute"); what used to be baked into a key — the product,
// the year, the market, whether it was expected or happened — is data on the fact (period,
// product, market, status, qualifiers). Everything else reads this module: the extractor's
// classifier (cue words), the database (the `metric_families` table and its rollup, synced by
// lib/database/reference-data.ts), charts, exports and the compare builder (labels, directions).
// To add a metric, add one entry to CONCEPTS; tests/registry.test.ts proves it is wired everywhere.
import type { ExtractionKind } from "@/lib/extract/kinds";
import type { FactStatus } from "@/lib/generated/prisma/enums";
import type { Dimension, UnitKey } from "@/lib/metrics/units";

/** Headline families: metrics that add up to one analyst question, summed per event in SQL. */
export const HEADLINES = {
  penalty: {
    label: "Penalties",
    rule: "amounts companies or people were ordered or agreed to pay (not potential maximums), by payer, in US dollars",
    statuses: ["actual"],
  },
  chips_ordered: {
    label: "Chips ordered",
    rule: "units in reported purchase orders (not a vendor's production orders), by buyer",
    statuses: ["actual", "estimated"],
  },
  stockpile: {
    label: "Chips stockpiled",
    rule: "units buyers amassed or hold (not a vendor's own inventory), by holder",
    statuses: ["actual", "estimated"],
  },
  charge: {
    label: "Charges",
    rule: "charges companies booked or said they would book, by company, in US dollars",
    statuses: ["actual", "expected", "estimated"],
  },
} as const satisfies Record<string, { label: string; rule: string; statuses: FactStatus[] }>;

export type MetricFamily = keyof typeof HEADLINES;

/** What a qualifier may say, by name; a fact's `qualifiers` object holds a subset of these. */
export const QUALIFIERS = {
  precision: ["FP64", "FP32", "TF32", "BF16", "FP16", "FP8", "INT8", "FP4"],
  sparsity: ["dense", "sparse"],
  component: ["total", "criminal_fine", "civil_penalty", "forfeiture"],
  memory: ["HBM", "DRAM"],
  link: ["chip_to_chip", "die_to_die", "scale_out"],
  scope: ["chip", "system", "logic", "dram", "nand", "presumption_of_denial"],
  list: ["entity_list", "unverified_list", "validated_end_user"],
  action: ["added", "removed"],
  listed: ["entities", "affiliates", "aliases", "locations"],
  deal: ["acquisition", "funding", "payment"],
  document: ["rule", "guidance"],
  item: ["equipment", "software"],
  margin: ["gross", "operating", "net"],
} as const;

export type QualifierName = keyof typeof QUALIFIERS;
export type Qualifiers = { [Name in QualifierName]?: (typeof QUALIFIERS)[Name][number] };

/**
 * A cue the extractor's classifier tests; every condition given must hold. `near`: the few words
 * before the number; `local`: about a clause around it; `sentence`: the whole sentence; `noun`:
 * the noun the number counts. Cues of all concepts of a dimension are tried by `rank`.
 */
export type Cue = {
  rank: number;
  near?: RegExp;
  local?: RegExp;
  sentence?: RegExp;
  noun?: RegExp;
  notLocal?: RegExp;
  /** Words right before the figure that rule the cue out ("servers worth about S$3.4 million" is no fine). */
  notNear?: RegExp;
  /** Only goods ("units"), not other counted things. */
  goods?: boolean;
  /** The subject is a chip or system. */
  product?: boolean;
  /** The subject is an organisation (a company, agency or government), not a product. */
  organisation?: boolean;
  /** A period of years in the text ("since 2015", "between 2019 and 2023"). */
  period?: "since" | "between";
};

type ConceptDefinition = {
  label: string;
  dimension: Dimension;
  /** The unit the concept is normally stated and charted in. */
  unit: UnitKey;
  /** The extraction kind (the evaluation's gold labels) a fact of this concept belongs to. */
  kind: ExtractionKind;
  /**
   * What the fact's subject and object are for this concept (the labelling's roles). A rule's
   * technical threshold has the goods it covers as its subject ("covered item": "advanced
   * computing chips", or the chip measured against it) and the authority as its object.
   */
  actor: string;
  counterparty?: string;
  headline?: MetricFamily;
  /** For comparisons: which way is better. */
  better?: "higher" | "lower";
  /** A specification of a chip or system (the compare builder offers these). */
  spec?: true;
  /** Relative to a baseline product named as the counterparty (the compare builder's ratios). */
  relative?: true;
  qualifiers?: QualifierName[];
  cues?: Cue[];
  /** Qualifiers and status read from the words around the number, first match wins per name. */
  readQualifiers?: { pattern: RegExp; qualifiers?: Qualifiers; status?: FactStatus }[];
  /** The concept the classifier falls back to for its dimension when no cue matches. */
  fallback?: true;
};

const ORDER = /\border(?:ed|s)?\b|\bpurchas|\bbuy(?:s|ing)?\b|bought|procure|tender|contracts? (?:worth|for|valued)/i;
const STOCKPILE = /stockpil|in stock|stock of|hoard|accumulat|amass|\bhold(?:s|ing)?\b|sitting on/i;
// Licences, caps and allocations: units a company may ship or import (the labelling's export_control).
const LICENSED = /licen[cs]e|\ballow(?:ed|s)? to\b|permitt?|\bimport\b|allocat|quota|\bcap(?:s|ped|ping)?\b|\bceiling\b|\bapproval to\b/i;
// Equity: stakes, shares and their prices are investments, not orders or revenue.
const EQUITY =
  /\bstake\b|\bequity\b|\b(?:hold(?:s|ing)?|owns?|owning|owned)\s+(?:a\s+|an\s+)?(?:about\s+|roughly\s+|nearly\s+|some\s+|around\s+|almost\s+|more than\s+)?[\d.]+\s*(?:%|percent|per cent)(?!\s+(?:market\s+)?share\s+of\b[^;.]{0,40}\bmarket\b)|a share\b|(?<!earnings\s)per share|common stock|\b(?:sold|sells?|selling)\s+(?:all\s+of\s+|part\s+of\s+|some\s+of\s+|half\s+of\s+)?(?:its|their|the)\s+(?:[a-z]+\s+)?(?:shares|stake|holding)\b|\bwarrants?\b|\bshares\b.{0,30}\b(?:bought|buy|purchas|receiv|issu)|offering price|\bof the (?:offering|IPO|listing|placement|share sale)\b|\bshares\b[^;]{0,20}\bat\b[^;]{0,25}?\beach\b|(?:of|in) the (?:company|chipmaker)\b(?![’']s)/i;
// Moves and growth: year-on-year changes, share-price and index moves (the labelling's financial).
const CHANGE =
  /year[- ]on[- ]year|year[- ]over[- ]year|quarter[- ]on[- ]quarter|from a year|a year (?:ago|earlier)|previous (?:year|quarter)|\b(?:rose|rise[sn]?|fell|falls?|grew|grow[sn]?|jump(?:ed|s)?|drop(?:ped|s)?|sl(?:id|ide)|plung|surg|soar|climb|declin|gain(?:ed|s)?|tumbl|sank|sink|rall(?:y|ied)|slump|increas|decreas|shed|lost|slipp?(?:ed|s)?|dipp?(?:ed|s)?|eased|edged|retreated|advanced|added)\b|(?<!\bma(?:de|kes?|king)\s)\b(?:up|down)\b|higher|lower/i;
const INVENTORY = /inventor/i;
// Buying a company, not goods: "the $6.9 billion purchase of Mellanox", "agreed to acquire Arm",
// "bought Nexperia in 2019" (a name and then a year or a price: "bought Nvidia chips" is an order).
const ACQUISITION =
  /\b(?:purchase|acquisition|takeover|buyout)\s+of\s+(?:the\s+)?[A-Z][\w&-]*\b(?!\s+(?:[\w-]+\s+)?(?:chips?|GPUs?|processors?|accelerators?|servers?|systems|cards?|units|equipment|tools|machines|wafers)\b)|\bacquir(?:e|ed|es|ing)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[A-Z][a-zA-Z]|\b(?:buy|bought|buys|buying)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?[A-Z][a-z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}(?:,\s+(?:an?|the)\s+[^,;.]{0,80},)?\s+(?:in\s+(?:19|20)\d\d|for)\b/;
// The value of goods, right before a sum: "48 servers worth about S$3.4 million", "chips valued at $2 million".
const GOODS_VALUE = /\b(?:worth|valued at)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|more than\s+|over\s+|at least\s+|a combined\s+)?$/i;
// Words of a rule drawing a line ("needs a licence if …", "the threshold", "restricts exports of …").
const RULE_LINE = /licen[cs]|threshold|\brules?\b|restrict|\bcontrols?\b|presum|\bban(?:s|ned)?\b/;
// Goods described by a bound on a measure: "systems with more than 100 petaflops", "chips that exceed 4,800".
const GOODS_WITH_BOUND =
  /\b(?:chips|processors|accelerators|GPUs|items|products|ICs|integrated circuits|systems|computers|supercomputers|devices)\s+(?:with|having|whose|that (?:have|exceed|reach))\s+(?:[\w-]+\s+){0,4}?(?:more than|at least|above|over|exceeding|below|under|up to)\s*[\d.,]+/;
const LISTING = /\badd|remov|list|placed|designat|blacklist/i;
const ORGANISATIONS = /compan|entit|organi|affiliat|subsidiar|firm|institut|universit|part(?:y|ies)/;

export const CONCEPTS = {
  // Orders, deliveries, stocks
  units_ordered: {
    label: "Units ordered",
    dimension: "count",
    unit: "units",
    kind: "chip_order",
    actor: "buyer",
    counterparty: "supplier",
    headline: "chips_ordered",
    cues: [
      // "agreed to provide Microsoft with about 200,000 GPUs", "supply OpenAI with 10,000 chips": the
      // party supplied is the buyer (before a system's "with 72 GPUs" reads as its parts).
      {
        rank: 7,
        near: /\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|equip(?:s|ped|ping)?)\s+(?:the\s+)?(?:[A-Z][\w&.’'-]*\s+){1,3}with\s+(?:(?:about|around|roughly|up to|nearly|more than|some|an additional|another|a further)\s+)?$/i,
        goods: true,
      },
      // ("The government will receive 50,000 GPUs": what a party receives it has bought.)
      { rank: 30, near: /\border(?:ed|s)?\b|\bpurchas|\bbuy|bought|asked|request|tender|procure|\bsupply\b|\breceiv(?:e|es|ed|ing)\b/i, goods: true },
      { rank: 70, local: ORDER, goods: true, notLocal: /stockpil|inventor/i },
      // "Anthropic will expand its use of Google's TPUs to up to 1 million chips, … in a deal worth tens of
      // billions of dollars": goods a sentence's deal is about are bought, wherever it says so.
      { rank: 90, sentence: /\b(?:deal|contract|agreement)s?\s+(?:worth|valued)\b/i, goods: true, notLocal: /stockpil|inventor|smuggl|seiz/i },
    ],
  },
  production_ordered: { label: "Units ordered from a manufacturer", dimension: "count", unit: "units", kind: "chip_order", actor: "chip vendor", counterparty: "manufacturer" },
  order_value: {
    label: "Order value",
    dimension: "money",
    unit: "USD",
    kind: "chip_order",
    actor: "buyer",
    counterparty: "supplier",
    cues: [
      // "would supply Microsoft with GPU capacity in a deal worth $17.4 billion": a supply deal is the buyer's order.
      {
        rank: 23,
        local:
          /\bsuppl(?:y|ies|ied|ying)\b[^.;]*\b(?:deal|contract|agreement)s?\s+(?:worth|valued)|\b(?:deal|contract|agreement)s?\s+(?:worth|valued)[^.;]*\bsuppl(?:y|ies|ied|ying)\b/i,
      },
      { rank: 30, local: ORDER },
      // "Samsung signed a $16.5 billion contract to make Tesla's chips": a contract to make or supply goods is an order.
      { rank: 23.5, local: /\b(?:contract|deal|agreement)s?\b[^.;]{0,40}?\bto\s+(?:make|supply|build|manufacture|produce|provide|fabricate|deliver)\b/i },
      // "Meta will rent 500,000 GPUs from CoreWeave in a deal worth $14 billion": a deal for goods or
      // computing capacity taken from a supplier is an order.
      {
        rank: 22,
        sentence:
          /\b(?:rent|lease|buy|bought|purchas|order|use|access)\w*\s+(?:[^.;]{0,60}?\b(?:chips|gpus|tpus|accelerators|processors|servers|capacity|computing power|compute)\b)[^.;]{0,80}\b(?:deal|contract|agreement)s?\s+(?:worth|valued)\b/i,
      },
      { rank: 31, sentence: /^\s*(?:The|This|That)\s+(?:value|size)\s+of\s+the\s+(?:agreement|contract|order)\b/ },
      // "Nscale did not disclose the value of the contracts, which people … put at up to $24 billion".
      { rank: 32, local: /\b(?:value|size|worth)\s+of\s+(?:the|its|their|these|those|both)\s+(?:agreements?|contracts?|orders?|deals?)\b/i },
    ],
  },
  units_delivered: {
    label: "Units delivered",
    dimension: "count",
    unit: "units",
    kind: "chip_order",
    actor: "supplier",
    counterparty: "buyer",
    cues: [
      { rank: 25, goods: true, near: /deliver|suppl(?:y|ied|ies)/i },
      // "About 30,000 of the chips had been delivered by the time …": the passive after the figure.
      {
        rank: 26,
        local:
          /^\D*\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:of\s+(?:the|its|their)\s+)?[\w-]*\s*(?:had|have|has)\s+been\s+delivered\b|\b(?:were|was|had been|have been)\s+delivered\b/i,
      },
    ],
  },
  units_shipped: {
    label: "Units shipped or smuggled",
    dimension: "count",
    unit: "units",
    kind: "count",
    actor: "shipper",
    counterparty: "recipient",
    cues: [{ rank: 180, goods: true, local: /ship|deliver|export|smuggl|divert|seiz|confiscat|intercept/i }],
  },
  units_licensed: {
    label: "Units licensed or allowed",
    dimension: "count",
    unit: "units",
    kind: "export_control",
    actor: "licensee",
    counterparty: "authority",
    cues: [
      { rank: 26, goods: true, local: LICENSED, notLocal: /smuggl|divert|illegal/i },
      // "The licences cover up to 18,000 GB300 chips for Humain and the equivalent of 35,000 Blackwell
      // chips for G42": a licence's allowance in chip equivalents, far from the word "licence".
      { rank: 26.5, goods: true, near: /\bequivalent of\s+(?:up to\s+|about\s+)?$/i, sentence: LICENSED },
    ],
  },
  units_sold: {
    label: "Units sold",
    dimension: "count",
    unit: "units",
    kind: "count",
    actor: "seller",
    counterparty: "buyer",
    cues: [{ rank: 181, goods: true, local: /sold|sell/i }],
  },
  units_produced: {
    label: "Units produced",
    dimension: "count",
    unit: "units",
    kind: "count",
    actor: "producer",
    cues: [{ rank: 20, near: /produc|output|\bmake\b|\bmade\b|manufactur|fabricat/i, goods: true }],
  },
  inventory: {
    label: "Vendor inventory",
    dimension: "count",
    unit: "units",
    kind: "stockpile",
    actor: "vendor",
    cues: [
      { rank: 9, near: INVENTORY },
      { rank: 79, local: INVENTORY },
    ],
  },
  stockpile: {
    label: "Units stockpiled",
    dimension: "count",
    unit: "units",
    kind: "stockpile",
    actor: "holder",
    headline: "stockpile",
    cues: [
      { rank: 10, near: STOCKPILE },
      { rank: 80, local: STOCKPILE },
      { rank: 85, sentence: STOCKPILE, goods: true },
    ],
  },

  // Penalties and courts
  penalty_amount: {
    label: "Penalty",
    dimension: "money",
    unit: "USD",
    kind: "penalty",
    actor: "payer",
    counterparty: "authority",
    headline: "penalty",
    qualifiers: ["component"],
    cues: [
      { rank: 10, local: /penalt|fine[sd]?\b|settle|forfeit|plead|civil|criminal/i, notNear: GOODS_VALUE },
      { rank: 11, near: /\bpay(?:s|ing)?\s|instal+ments?/i, notLocal: /\border|purchas|\bbuy|bought|chips? for/i },
    ],
    readQualifiers: [
      { pattern: /could|may|might|potential|face/i, status: "potential" },
      { pattern: /\bcombined|total/i, qualifiers: { component: "total" } },
      { pattern: /forfeit/i, qualifiers: { component: "forfeiture" } },
    ],
  },
  instalment: { label: "Instalment of a penalty", dimension: "money", unit: "USD", kind: "penalty", actor: "payer", counterparty: "authority" },
  penalty_terms: {
    label: "Instalments or audits of a settlement",
    dimension: "count",
    unit: "count",
    kind: "penalty",
    actor: "payer",
    counterparty: "authority",
    cues: [{ rank: 35, noun: /instal+ments?|audits?|payments?/ }],
  },
  people_charged: {
    label: "People charged",
    dimension: "count",
    unit: "count",
    kind: "count",
    actor: "authority",
    counterparty: "defendants",
    cues: [
      {
        rank: 60,
        noun: /^(?:people|persons|individuals|men|women|nationals|citizens|residents|defendants|executives|employees|engineers|businessmen)$/,
        sentence: /charg|indict|arrest|plead|convict|sentenc|extradit|detain/i,
      },
    ],
  },
  violations: {
    label: "Violations counted",
    dimension: "count",
    unit: "count",
    kind: "count",
    actor: "violator",
    cues: [{ rank: 160, noun: /export/, local: /illegal|unlawful|violat/i }],
  },
  prison_sentence: { label: "Prison sentence", dimension: "duration", unit: "years", kind: "duration", actor: "defendant", cues: [{ rank: 20, local: /prison|sentence|jail/i }] },
  probation: { label: "Probation", dimension: "duration", unit: "years", kind: "duration", actor: "defendant", cues: [{ rank: 10, local: /probation/i }] },
  payment_period: { label: "Payment period", dimension: "duration", unit: "years", kind: "duration", actor: "payer", cues: [{ rank: 60, local: /install|instal|pay/i }] },

  // Export rules and lists
  entities_listed: {
    label: "Entities listed",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "authority",
    counterparty: "listed party",
    qualifiers: ["list", "action", "listed"],
    cues: [
      { rank: 40, noun: /entit(?:y|ies)$/ },
      {
        rank: 50,
        noun: /compan|organi[sz]ation|firm|institut|universit|part(?:y|ies)|entr(?:y|ies)|additions|subsidiar|cent(?:re|er)s$|laborator|labs$|academ|makers$|manufacturers$|designers$|developers$/,
        local: LISTING,
      },
      { rank: 90, local: /entity list|blacklist|added|adds|listed|designat/i, noun: ORGANISATIONS },
      { rank: 100, noun: /affiliat/ },
      // "BIS added 80 companies, more than 50 of them in China": a part of the listed parties.
      { rank: 101, noun: /^of them$/, sentence: /entity list|blacklist|\badd(?:s|ed)\b|\blisted\b/i },
    ],
    readQualifiers: [
      { pattern: /unverified/i, qualifiers: { list: "unverified_list" } },
      { pattern: /\bVEU\b|validated end/i, qualifiers: { list: "validated_end_user" } },
      { pattern: /remov/i, qualifiers: { action: "removed" } },
      { pattern: /affiliat/i, qualifiers: { listed: "affiliates" } },
    ],
  },
  list_details: {
    label: "Aliases or addresses listed",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "authority",
    counterparty: "listed party",
    qualifiers: ["listed"],
    cues: [
      { rank: 60, noun: /^locations?$|^alias/, notLocal: /\bsold|shipped/i },
      { rank: 110, noun: /location|address/, local: /entity list|affiliat|named/i },
    ],
    readQualifiers: [
      { pattern: /alias/i, qualifiers: { listed: "aliases" } },
      { pattern: /location|address/i, qualifiers: { listed: "locations" } },
    ],
  },
  listed_since: {
    label: "On the Entity List since",
    dimension: "year",
    unit: "year",
    kind: "export_control",
    actor: "listed party",
    cues: [{ rank: 10, period: "since", sentence: /entity list|blacklist/i }],
  },
  documents_issued: {
    label: "Rules and guidance issued",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "authority",
    qualifiers: ["document"],
    cues: [{ rank: 120, noun: /^rules?$|guidance|documents?/ }],
    readQualifiers: [
      { pattern: /guidance|documents?/i, qualifiers: { document: "guidance" } },
      { pattern: /\brules?\b/i, qualifiers: { document: "rule" } },
    ],
  },
  // "Exports to 42 countries … will be covered by a general licence", "About 120 countries in the
  // second tier faced caps": the countries a rule sorts or covers.
  countries_covered: {
    label: "Countries covered by a rule",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "covered party",
    counterparty: "authority",
    // Not where parties sit: "38 affiliates in 21 countries are added".
    cues: [
      {
        rank: 60,
        noun: /^(?:countries|nations|destinations|jurisdictions|allies)$/,
        near: /(?<!\b(?:in|across)\s+)$/i,
        local: /licen[cs]|control|export|\btiers?\b|\bcaps?\b|\blimits?\b|restrict|\brules?\b|\bban/i,
      },
    ],
  },
  // "sorted the world into three tiers": the labelling files a rule's tier count under export_control.
  rule_tiers: {
    label: "Tiers of a rule",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "authority",
    cues: [{ rank: 60, noun: /^tiers$/, local: /\brules?\b|countr|export|licen[cs]|control|framework/i }],
  },
  items_controlled: {
    label: "Item types controlled",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "authority",
    qualifiers: ["item"],
    cues: [
      { rank: 61, noun: /^types?$/, notLocal: /\bsold|shipped/i },
      { rank: 62, noun: /^(?:kinds|categories|classes)$/, local: /control|licen[cs]|restrict|export|\brules?\b/i },
      // "added five rare earth elements to its export control list", "controls on seven rare earths",
      // "put seven rare earth elements, among them samarium and …, under export licensing" (anywhere in the sentence).
      { rank: 63, noun: /^(?:elements|earths|minerals|metals|materials|items|technologies)$/, sentence: /control|licen[cs]|restrict|export ban/i },
    ],
    readQualifiers: [
      { pattern: /software|tool/i, qualifiers: { item: "software" } },
      { pattern: /equipment|SME/i, qualifiers: { item: "equipment" } },
    ],
  },
  node_threshold: {
    label: "Process-node threshold",
    dimension: "length",
    unit: "nm",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    qualifiers: ["scope"],
    cues: [
      {
        rank: 10,
        local: /threshold|or (?:less|below|smaller)|and below|\bbelow|more advanced|control|restrict|\brules?\b|\bban|licen[cs]e|presumption of denial/i,
        // "Advanced technologies, 7-nanometre and below, made up 74% of wafer revenue": a revenue mix, no rule.
        notLocal: /^(?![\s\S]*\b(?:control|restrict|rules?|ban|licen[cs]e|export|threshold)\w*)[\s\S]*\b(?:revenue|sales)\b/i,
      },
    ],
    readQualifiers: [
      { pattern: /DRAM|half-pitch/i, qualifiers: { scope: "dram" } },
      { pattern: /presumption of denial/i, qualifiers: { scope: "presumption_of_denial" } },
      { pattern: /logic/i, qualifiers: { scope: "logic" } },
    ],
  },
  layer_threshold: {
    label: "NAND layer threshold",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    cues: [{ rank: 170, noun: /layer/ }],
  },
  tpp_threshold: {
    label: "Total processing performance threshold",
    dimension: "score",
    unit: "TPP",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    cues: [
      { rank: 5, near: /\b(?:below|above|under|exceed\w*|threshold|limit|cap|ceiling)\b.{0,30}$/i },
      { rank: 6, local: /\d[\d,]*\s*(?:TPP\s*)?or (?:more|above|higher)\b|\bthreshold/i },
      // "chips with a TPP of at least 2,400": a class of goods measured by a bound is a rule's line.
      {
        rank: 6,
        near: /\b(?:chips|processors|accelerators|GPUs|items|products|ICs|integrated circuits|devices)\s+(?:with|having|whose)\s+(?:an?\s+)?(?:TPP|total processing performance)\b[^.;]{0,30}$/i,
      },
    ],
  },
  tpp: {
    label: "Total processing performance",
    dimension: "score",
    unit: "TPP",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    fallback: true,
  },
  // "foundries must presume that a chip needs a licence if it carries 30 billion or more
  // transistors", "the threshold rises to 35 billion transistors in 2027": a rule's line, not a spec.
  transistor_threshold: {
    label: "Transistor-count threshold",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    // (A chip said to pack "more than 200 billion transistors" beside a word of export controls keeps its spec.)
    cues: [
      {
        rank: 2,
        local: new RegExp(
          `^(?=[\\s\\S]*\\btransistors?\\b)(?=[\\s\\S]*(?:${RULE_LINE.source}))(?=[\\s\\S]*(?:\\bthreshold|\\d\\s*(?:(?:million|billion)\\s+)?or (?:more|above|fewer|less|below)\\b|${GOODS_WITH_BOUND.source}))`,
          "i",
        ),
      },
    ],
  },
  // "restricts exports of items for supercomputers, covering systems with more than 100 petaflops".
  compute_threshold: {
    label: "Compute threshold",
    dimension: "compute",
    unit: "PFLOPS",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    // A class of goods drawn by a bound ("systems with more than …") in a sentence of a rule; a chip
    // said to deliver "more than 148 teraflops" beside a word of export controls keeps its spec.
    cues: [{ rank: 5, local: new RegExp(`^(?=[\\s\\S]*${GOODS_WITH_BOUND.source})(?=[\\s\\S]*(?:${RULE_LINE.source}))`, "i") }],
  },
  performance_density_threshold: {
    label: "Performance-density threshold",
    dimension: "count",
    unit: "count",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    cues: [{ rank: 4, local: /performance density/i }],
  },
  compliance_period: {
    label: "Compliance or licence period",
    dimension: "duration",
    unit: "days",
    kind: "duration",
    actor: "authority",
    cues: [
      { rank: 40, local: /comply|compliance/i },
      { rank: 50, local: /licen[cs]e|extension|effective/i },
    ],
  },
  revenue_levy: {
    label: "Share of revenue paid to a government",
    dimension: "percent",
    unit: "percent",
    kind: "export_control",
    actor: "payer",
    counterparty: "government",
    cues: [
      {
        rank: 5,
        local:
          /\b(?:go(?:es|ing)?|paid|pay(?:s|ing)?|hand(?:s|ed|ing)?)\b(?: over)?[^.;]{0,60}\bto the (?:US|U\.S\.) government|government (?:a|will) (?:get|take)|\b(?:give|pay|hand(?: over)?)s?\s+(?:the )?(?:US|U\.S\.) government\b|(?:US|U\.S\.) government (?:would |will )?(?:get|take|receive|collect)s?\b|remit|\blev(?:y|ies)\b/i,
      },
    ],
  },

  // Company finances
  charge: {
    label: "Charge",
    dimension: "money",
    unit: "USD",
    kind: "financial",
    actor: "company",
    headline: "charge",
    cues: [{ rank: 20, local: /\bcharges?\b|\bwr(?:ite|ites|iting|itten|ote)[- ]?(?:down|off)|impairment/i }],
    readQualifiers: [{ pattern: /expect|will (?:take|record)|anticipat|flag/i, status: "expected" }],
  },
  revenue: {
    label: "Revenue or sales",
    dimension: "money",
    unit: "USD",
    kind: "financial",
    actor: "company",
    counterparty: "customer",
    cues: [
      // "its revenue for the first half rose 4,348% … to 2.88 billion yuan, as cloud companies bought
      // more": the level a move of revenue reached, whatever the rest of the sentence says.
      {
        rank: 20,
        near: /\b(?:rose|fell|grew|jumped|climbed|increased|decreased|dropped|declined|surged|slumped|soared|plunged)\b[^;]{0,40}\bto\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$/i,
        local: /\b(?:revenue|sales)\s+(?:[\w-]+\s+){0,6}?(?:rose|fell|grew|jumped|climbed|increased|decreased|dropped|declined|surged|slumped|soared|plunged)\b/i,
      },
      // "we raise our 2026 revenue forecast … to 14 billion yuan": a forecast of revenue, not money raised.
      {
        rank: 24,
        local:
          /\b(?:revenue|sales)\s+(?:forecasts?|estimates?|guidance|outlook|targets?|projections?)\b|\b(?:forecast|guid(?:e|ed|es|ing|ance))\s+(?:[\w-]+\s+){0,3}?(?:revenue|sales)\b/i,
      },
      { rank: 70, local: /revenue|sales|sold|sell|generat|earn|income/i },
    ],
    // Only the company's own forecast: "above the $29 billion analysts expected" does not make actual revenue expected.
    readQualifiers: [{ pattern: /\b(?:forecasts?|guid(?:e|ed|es|ing|ance)|outlook)\b/i, status: "expected" }],
  },
  revenue_loss: {
    label: "Revenue lost or at risk",
    dimension: "money",
    unit: "USD",
    kind: "financial",
    actor: "company",
    cues: [{ rank: 50, local: /\bloss|lose|lost|unable to ship/i }],
  },
  revenue_share: {
    label: "Share of revenue",
    dimension: "percent",
    unit: "percent",
    kind: "financial",
    actor: "company",
    cues: [{ rank: 10, local: /revenue|sales|income|share of (?:the |[\w’'-]+\s+){0,4}(?:revenue|sales)/i }],
  },
  // "a 60% share of China's AI accelerator market", "Nexperia supplies about 40% of the basic chips
  // used in cars": a supplier's share of a market (the labelling files it under financial).
  market_share: {
    label: "Market share",
    dimension: "percent",
    unit: "percent",
    kind: "financial",
    actor: "supplier",
    counterparty: "market",
    cues: [
      // "about 70% of the chips it makes in Europe are packaged at the Dongguan plant": a share of a
      // maker's output done in one place.
      {
        rank: 9.1,
        local:
          /\d\s*(?:%|percent|per cent)\s+of\s+(?:the\s+|its\s+|their\s+|[\w&-]+[’']s\s+)?(?:[\w-]+\s+){0,2}?(?:chips|output|production|wafers|products|components|devices)\b[^.;]{0,40}?\b(?:are|is|were|was)\s+(?:made|produced|packaged|assembled|tested|manufactured|fabricated)\b/i,
      },
      // A list of shares: "…, while Micron held 21%", "followed by Samsung at 6.8%", "ranked sixth with 2.6%".
      { rank: 9.2, near: /\b(?:held|holds|had|has|with|at)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$/i, sentence: /\bshares?\b|\bmarket\b|\branked\b|\bfollowed by\b/i },
      {
        rank: 9,
        local:
          /\bmarket share\b|share of (?:the |[\w’'-]+\s+){0,4}market\b|\b(?:holds?|held|has|had|controls?|controlled)\s+(?:(?:about|around|roughly|nearly|almost|some|more than|over)\s+)?(?:[\d.]+\s*(?:%|percent|per cent)|(?:a|one|two|three)[- ](?:thirds?|quarters?|fifths?)|half)\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?market\b|\b(?:suppl(?:y|ies|ied|ying)|provid(?:e|es|ed|ing)|makes?|made|produc(?:e|es|ed)|controls?|controlled|account(?:s|ed)? for|sells?|sold|mines?|mined|refines?|refined|process(?:es|ed)?)\s+(?:(?:about|around|roughly|nearly|almost|some|more than|over|an estimated)\s+)?[\d.]+\s*(?:%|percent|per cent)\s+of\s+(?:(?:the\s+|all\s+|global\s+|world\s+)?(?:[\w-]+\s+){0,3}?(?:chips|accelerators|GPUs|processors|semiconductors|servers|market)\b|the world[’']s\b|global\b)/i,
      },
    ],
  },
  investment: {
    label: "Investment or deal value",
    dimension: "money",
    unit: "USD",
    kind: "investment",
    actor: "recipient",
    counterparty: "investor",
    qualifiers: ["deal"],
    cues: [
      { rank: 25, near: /invest|\bstake|equity|spending|capital expenditure|capex|grants?\b|rais(?:e|ed|es|ing)\b|offering price/i },
      { rank: 26, local: EQUITY },
      // Capital spending: "spent 19.1 billion yuan on capex", "spend $50 billion on data centres".
      {
        rank: 27,
        local:
          /\bcapex\b|capital (?:expenditures?|spending)|\b(?:spen(?:d|ds|ding|t)|earmark(?:s|ed|ing)?|budget(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|set(?:s|ting)? aside|(?:go|goes|went|be used)\s+(?:to|for|on))\b(?:[^.;]|\.\d){0,80}\b(?:infrastructure|data cent(?:er|re)s?|computing power|compute capacity|AI|chips|processors|accelerators|servers|GPUs|(?:chip\s+)?plants|fabs|factories|facilities)\b/i,
      },
      // "closed a 1.2 billion yuan round": a funding round.
      {
        rank: 26,
        local: /\bclos(?:e|es|ed|ing)\s+(?:an?\s+|its\s+)?(?:[^.;]|\.\d){0,30}\b(?:funding\s+|financing\s+|series\s+[A-Z]\s+)?round\b|\b(?:funding|financing)\s+round\b/i,
      },
      {
        rank: 40,
        local:
          /invest|fund(?:ing|s|ed)?\b|raise[sd]?|acqui|deal|stake|subsid|grant|received|support package|incentives?\b|loans?\b|lending|award(?:ed|s)?\b(?![^.;]{0,30}\bcontract)|\bput(?:s|ting)? in\b|\bcommit(?:s|ted|ting)?\b|contribut|pledg/i,
      },
    ],
    readQualifiers: [{ pattern: /acqui/i, qualifiers: { deal: "acquisition" } }],
  },
  // The labelling files a company's price for another company under financial, not investment.
  acquisition_price: {
    label: "Acquisition price",
    dimension: "money",
    unit: "USD",
    kind: "financial",
    actor: "buyer",
    counterparty: "company acquired",
    cues: [{ rank: 24, local: ACQUISITION }],
  },
  margin: {
    label: "Margin",
    dimension: "percent",
    unit: "percent",
    kind: "financial",
    actor: "company",
    qualifiers: ["margin"],
    cues: [{ rank: 3, local: /\bmargins?\b/i }],
    readQualifiers: [
      { pattern: /\bgross\b/i, qualifiers: { margin: "gross" } },
      { pattern: /operating/i, qualifiers: { margin: "operating" } },
      { pattern: /\bnet\b/i, qualifiers: { margin: "net" } },
    ],
  },
  stake: {
    label: "Stake",
    dimension: "percent",
    unit: "percent",
    kind: "investment",
    actor: "investor",
    counterparty: "company",
    cues: [{ rank: 8, local: EQUITY, notLocal: /entity list|listed part|affiliates rule|owned \d+%? or more/i }],
  },
  // "Sugon shareholders will receive 0.5525 Hygon shares for each Sugon share": a share swap's terms,
  // said of the company whose shares are issued.
  exchange_ratio: {
    label: "Share exchange ratio",
    dimension: "ratio",
    unit: "ratio",
    kind: "investment",
    actor: "issuer",
    counterparty: "company",
    cues: [{ rank: 4, local: /\b(?:shares?|ADSs?|stock)\s+(?:for\s+(?:each|every|one)|per)\s+(?:[A-Z][\w&-]*\s+)?(?:ordinary\s+)?(?:shares?|ADSs?)\b/ }],
  },
  shares_count: {
    label: "Shares bought or received",
    dimension: "count",
    unit: "count",
    kind: "investment",
    actor: "investor",
    counterparty: "company",
    cues: [{ rank: 35, noun: /^shares$/ }],
  },
  ownership_threshold: {
    label: "Ownership threshold of a rule",
    dimension: "percent",
    unit: "percent",
    kind: "export_control",
    // The labelling's subject: the parties the threshold brings under the rule ("affiliates").
    actor: "covered party",
    counterparty: "authority",
    cues: [{ rank: 6, local: /owned\b.{0,20}(?:or more|at least)|\bor more\b.{0,40}\b(?:owned|ownership)|\bat least\s+[\d.]+\s*(?:%|percent|per cent)[\s-]+owned\b|ownership/i }],
  },
  // "products that contain 0.1% or more of Chinese-origin rare earths by value need a licence": the
  // share of controlled content that brings a foreign-made product under a rule.
  content_threshold: {
    label: "Controlled-content threshold of a rule",
    dimension: "percent",
    unit: "percent",
    kind: "export_control",
    actor: "covered party",
    counterparty: "authority",
    cues: [
      {
        rank: 6,
        local:
          /\bcontain(?:s|ing)?\s+(?:[\w-]+\s+){0,2}?[\d.]+\s*(?:%|percent|per cent)\s+or more\b|\bor more\b[^.;]{0,60}\bby value\b|\bde minimis\b|\bworth\s+[\d.]+\s*(?:%|percent|per cent)\s+or more of\s+(?:the|its|their)\s+(?:[\w’']+\s+)?value\b/i,
      },
    ],
  },
  // "projects less than 30% complete must remove foreign chips": how far along a project may be and
  // still fall under a rule.
  completion_threshold: {
    label: "Completion threshold of a rule",
    dimension: "percent",
    unit: "percent",
    kind: "export_control",
    actor: "covered party",
    counterparty: "authority",
    cues: [
      {
        rank: 6,
        local:
          /\b(?:less|more|fewer) than\s+[\d.]+\s*(?:%|percent|per cent)\s+(?:complete|completed|built|finished|constructed)\b|[\d.]+\s*(?:%|percent|per cent)\s+(?:complete|completed|built|finished)\s+(?:or (?:less|more)|must|will|are|have)\b/i,
      },
    ],
  },
  volume_cap: {
    label: "Cap on shipments",
    dimension: "percent",
    unit: "percent",
    kind: "export_control",
    actor: "authority",
    cues: [{ rank: 7, local: /(?:not|never) exceed|\bcap(?:ped)?\b|volume shipped|of the (?:[\w-]+\s+)?volume|allocation|allocated to|reserved for|quota/i }],
  },
  penalty_share: {
    label: "Penalty as a share of sales",
    dimension: "percent",
    unit: "percent",
    kind: "penalty",
    actor: "payer",
    counterparty: "authority",
    cues: [{ rank: 4, local: /\bfin(?:e|es|ed)\b|penalt/i }],
  },
  change_percent: {
    label: "Change (share price, revenue, index)",
    dimension: "percent",
    unit: "percent",
    kind: "financial",
    actor: "company",
    cues: [
      {
        rank: 7,
        local: /\b(?:opened|closed|ended|finished|traded)\b[^.;]{0,40}\d\s*(?:%|percent)\s*(?:higher|lower|above|below|up|down)|\d\s*(?:%|percent)\s+(?:higher|lower)\b/i,
        organisation: true,
      },
      // "Revenue rose 13%", "sales revenue of $566 million, up 18.3%": a move, before any share of revenue.
      { rank: 9, near: CHANGE, organisation: true },
      // "Revenue in the fourth quarter rose 20%": a verb of change right before the figure, whoever it is about.
      {
        rank: 9.5,
        near: /\b(?:rose|fell|grew|jumped|climbed|dropped|declined|increased|decreased|slid|surged|soared|plunged|tumbled|slumped)\s+(?:by\s+)?(?:(?:about|roughly|nearly|almost|more than|some|over)\s+)?$/i,
      },
      { rank: 13, near: /shares?|stock|index|nasdaq|composite|market value|profit|revenue|sales|income/i, organisation: true },
    ],
  },
  relative_spec_percent: {
    label: "Specification relative to another",
    dimension: "percent",
    unit: "percent",
    kind: "spec",
    actor: "product",
    counterparty: "baseline",
    cues: [{ rank: 20, product: true }],
  },
  money_amount: {
    label: "Amount of money",
    dimension: "money",
    unit: "USD",
    kind: "financial",
    actor: "party",
    fallback: true,
    cues: [
      // "a funding round that values the company at $8.1 billion", "was valued at $2.8 billion", "a
      // valuation of $6.9 billion": what a company is worth (the labelling's market value), even in a
      // sentence about money raised.
      {
        rank: 5,
        near: /\b(?:valu(?:es|ed|ing)\s+(?:it|them|the\s+(?:company|firm|group|start-?up|business|chipmaker|designer)|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+at|(?:was|is|were|been|being|now)\s+valued\s+at|(?:post-money\s+|pre-money\s+)?valuation\s+(?:of|at|to)|market\s+(?:value|capitali[sz]ation)\s+(?:of|at|to))\s+(?:(?:about|around|roughly|nearly|almost|more than|over|some|up to|just under|just over)\s+)?$/i,
      },
    ],
  },
  percentage: { label: "Percentage", dimension: "percent", unit: "percent", kind: "other", actor: "party", fallback: true },

  // Specifications of chips and systems
  compute: {
    label: "Compute",
    dimension: "compute",
    unit: "PFLOPS",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    qualifiers: ["precision", "sparsity"],
    fallback: true,
    readQualifiers: [
      { pattern: /\bFP4\b/i, qualifiers: { precision: "FP4" } },
      { pattern: /\bINT8\b/i, qualifiers: { precision: "INT8" } },
      { pattern: /\bFP8\b/i, qualifiers: { precision: "FP8" } },
      { pattern: /\bBF16\b/i, qualifiers: { precision: "BF16" } },
      { pattern: /\bFP16\b/i, qualifiers: { precision: "FP16" } },
      { pattern: /\bdense\b/i, qualifiers: { sparsity: "dense" } },
      { pattern: /\bsparse|sparsity\b/i, qualifiers: { sparsity: "sparse" } },
    ],
  },
  computing_capacity: {
    label: "Computing capacity of an organisation",
    dimension: "compute",
    unit: "EFLOPS",
    kind: "other",
    actor: "operator",
    cues: [{ rank: 10, local: /computing (?:power|capacity)|compute capacity|intelligent computing/i, organisation: true }],
  },
  memory_capacity: {
    label: "Memory capacity",
    dimension: "memory",
    unit: "GB",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    qualifiers: ["memory"],
    fallback: true,
    readQualifiers: [{ pattern: /\bHBM/i, qualifiers: { memory: "HBM" } }],
  },
  bandwidth_threshold: {
    label: "Bandwidth threshold of a rule",
    dimension: "bandwidth",
    unit: "GB/s",
    kind: "export_control",
    actor: "covered item",
    counterparty: "authority",
    cues: [{ rank: 5, local: /\bor more\b|\bor less\b|threshold|\bunder \d|\bbelow \d|\brules?\b|licen[cs]e|\bcap\b|control/i }],
  },
  memory_bandwidth: {
    label: "Memory bandwidth",
    dimension: "bandwidth",
    unit: "TB/s",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    cues: [{ rank: 10, local: /memory|HBM/i }],
  },
  interconnect_bandwidth: {
    label: "Interconnect bandwidth",
    dimension: "bandwidth",
    unit: "GB/s",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    qualifiers: ["link"],
    fallback: true,
    readQualifiers: [{ pattern: /die-to-die|die to die/i, qualifiers: { link: "die_to_die" } }],
  },
  power: {
    label: "Power",
    dimension: "power",
    unit: "kW",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "lower",
    qualifiers: ["scope"],
    fallback: true,
    readQualifiers: [{ pattern: /\bTDP\b|thermal design/i, qualifiers: { scope: "chip" } }],
  },
  price: {
    label: "Price",
    dimension: "money",
    unit: "USD",
    kind: "spec",
    actor: "product",
    counterparty: "seller",
    spec: true,
    better: "lower",
    cues: [
      {
        rank: 60,
        product: true,
        // "1,600 H100 GPUs worth $43 million": the value of many units, not one unit's price.
        notLocal:
          /revenue|sales|bookings|\bsold\b|spen[dt]|invest|capital|training run|inventory|write-?down|charge|\d[\d,.]*\s+(?:[\w-]+\s+){0,3}(?:chips|gpus|servers|units|accelerators|processors|boards|cards)\s+(?:worth|valued)/i,
      },
      // "Each Ascend 910C sells for roughly $28,000": what one product sells for.
      {
        rank: 20,
        product: true,
        near: /\b(?:sells?|retails?|retailed|is priced|are priced|priced|costs?)\s+(?:for\s+|at\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|up to\s+)?$/i,
        notLocal: /to train|to build|training/i,
      },
      // Not a company's results told beside chip prices ("operating profit rose to 12.1 trillion won, as prices recovered").
      {
        rank: 61,
        local: /\bprice[ds]?\b|costs? (?:about|around|up to)|list price/i,
        notLocal: /training|to train|to build|capital|revenue|profit|earnings|net income|operating income/i,
      },
    ],
  },
  unit_cost: { label: "Unit cost", dimension: "money", unit: "USD", kind: "spec", actor: "product", spec: true, better: "lower", cues: [{ rank: 59, local: /unit cost/i }] },
  accelerator_count: {
    label: "Accelerators",
    dimension: "count",
    unit: "count",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    cues: [
      {
        rank: 150,
        noun: /npu|gpu|chip|accelerator|processor|dies?$/,
        near: /powered by|packs?|each with|fitted with|contains?|comprising|combin(?:es|ing)|connect(?:s|ing)?|links?|linking|houses?|made up of|supports?|built (?:from|with)|with$|with\s*$/i,
      },
      // "A liquid-cooled rack holds up to 128 GPUs", "each server takes eight accelerators": a system
      // holding chips is its spec, not a stockpile.
      {
        rank: 8,
        noun: /npu|gpu|chip|accelerator|processor|dies?$|packages?$/,
        near: /\bkits?\s+of\s+$|\b(?:racks?|servers?|nodes?|boards?|trays?|chassis|cabinets?|pods?|supernodes?|systems?|blades?|clusters?|supercomputers?)(?:\s+(?:in|at|near)\s+[A-Z][\w.-]*)?(?:,?\s+(?:which|that))?\s+(?:can\s+|will\s+|would\s+|[a-z]+ly\s+)?(?:holds?|takes?|fits?|houses?|carry|carries|accommodates?|hosts?)\s+(?:up to\s+|as many as\s+)?$/i,
      },
      // "Meta's Prometheus cluster will hold 500,000 accelerators": a named system holding chips.
      {
        rank: 9,
        product: true,
        noun: /npu|gpu|chip|accelerator|processor|dies?$|packages?$/,
        near: /\b(?:can\s+|will\s+|would\s+)?(?:holds?|houses?|hosts?|accommodates?)\s+(?:up to\s+|as many as\s+|about\s+|some\s+|more than\s+|nearly\s+)?$/i,
      },
    ],
  },
  transistor_count: {
    label: "Transistors",
    dimension: "count",
    unit: "count",
    kind: "spec",
    actor: "product",
    spec: true,
    better: "higher",
    cues: [{ rank: 3, local: /transistors?/i }],
  },
  // Parts of a product: "88 custom Arm cores", "two compute tiles", "72 Rubin packages".
  component_count: { label: "Components", dimension: "count", unit: "count", kind: "spec", actor: "product", spec: true, cues: [{ rank: 190, product: true }] },
  rack_count: { label: "Racks", dimension: "count", unit: "count", kind: "spec", actor: "product", spec: true, cues: [{ rank: 130, noun: /rack/ }] },
  transceiver_count: { label: "Optical transceivers", dimension: "count", unit: "count", kind: "spec", actor: "product", spec: true, cues: [{ rank: 140, noun: /transceiver/ }] },
  process_node: { label: "Process node", dimension: "length", unit: "nm", kind: "spec", actor: "product", spec: true, better: "lower", fallback: true },
  clock_speed: { label: "Clock speed", dimension: "frequency", unit: "GHz", kind: "spec", actor: "product", spec: true, better: "higher", fallback: true },
  die_area: { label: "Die area", dimension: "area", unit: "mm2", kind: "spec", actor: "product", spec: true, fallback: true },
  relative_performance: {
    label: "Performance relative to baseline",
    dimension: "ratio",
    unit: "ratio",
    kind: "spec",
    actor: "product",
    counterparty: "baseline",
    relative: true,
    better: "higher",
    qualifiers: ["precision", "scope"],
    cues: [
      { rank: 10, local: /\bFP16\b/i },
      { rank: 11, local: /per-chip|per chip/i },
      { rank: 40, local: /perform|throughput|compute|computing|flops|faster|speed|capabilit/i },
      { rank: 45, product: true, notLocal: /price|cost|power|watt|energy/i },
    ],
    readQualifiers: [
      { pattern: /\bFP16\b/i, qualifiers: { precision: "FP16" } },
      { pattern: /per-chip|per chip/i, qualifiers: { scope: "chip" } },
    ],
  },
  relative_power: {
    label: "Power relative to baseline",
    dimension: "ratio",
    unit: "ratio",
    kind: "spec",
    actor: "product",
    counterparty: "baseline",
    relative: true,
    better: "lower",
    cues: [{ rank: 20, local: /\bpower|consum|energy|watt/i }],
  },
  relative_price: {
    label: "Price relative to baseline",
    dimension: "ratio",
    unit: "ratio",
    kind: "spec",
    actor: "product",
    counterparty: "baseline",
    relative: true,
    better: "lower",
    cues: [{ rank: 30, local: /\bprice|cost/i }],
  },
  penalty_multiple: {
    label: "Penalty as a multiple of the gain or value",
    dimension: "ratio",
    unit: "ratio",
    kind: "penalty",
    actor: "payer",
    counterparty: "authority",
    cues: [{ rank: 4, local: /\bfine[sd]?\b|penalt/i }],
  },
  idle_share: {
    label: "Share of a stock left idle",
    dimension: "ratio",
    unit: "ratio",
    kind: "stockpile",
    actor: "holder",
    cues: [{ rank: 3, local: /\bidle\b|unused|sat unused|gathering dust/i }],
  },
  change_ratio: {
    label: "Change against a year or quarter before",
    dimension: "ratio",
    unit: "ratio",
    kind: "financial",
    actor: "company",
    cues: [{ rank: 5, local: /year ago|year earlier|year before|previous (?:year|quarter)|year[- ]on[- ]year|prior[- ]year/i }],
  },
  growth_multiple: {
    label: "Growth multiple",
    dimension: "ratio",
    unit: "ratio",
    kind: "other",
    actor: "party",
    // "roughly double this year's output", "2.3 times their 2024 level": growth, not a spec.
    cues: [
      // "revenue more than tripled from a year earlier", "its stock has tripled": a multiple is growth.
      {
        rank: 4,
        local:
          /\b(?:doubl|tripl|quadrupl)(?:ed|es|ing)\b[^.;]{0,30}\b(?:year|quarter)\b|\b(?:shares|stock|revenue|sales|profit|market value)\b[^.;]{0,30}\b(?:doubl|tripl|quadrupl)(?:ed|es|ing)\b/i,
      },
      { rank: 8, local: /\b(?:this|last|next) year[’']s\b|\b(?:output|production|capacity|shipments|level)\b/i, notLocal: /\bfaster\b|perform|throughput|bandwidth|compute/i },
    ],
  },
  ratio: { label: "Ratio", dimension: "ratio", unit: "ratio", kind: "other", actor: "party", fallback: true },

  // Time
  lead_time: {
    label: "Time to restart or deliver",
    dimension: "duration",
    unit: "months",
    kind: "duration",
    actor: "company",
    cues: [{ rank: 30, local: /restart|resum|production|fabricat|supply chain|lead time/i }],
  },
  duration: { label: "Duration", dimension: "duration", unit: "months", kind: "duration", actor: "party", fallback: true },
  period_of_years: {
    label: "Period of years",
    dimension: "year",
    unit: "year",
    kind: "other",
    actor: "party",
    fallback: true,
    cues: [{ rank: 20, period: "between" }],
  },
  count: { label: "Count", dimension: "count", unit: "count", kind: "count", actor: "party", fallback: true },
} satisfies Record<string, ConceptDefinition>;

export type MetricKey = keyof typeof CONCEPTS;

/**
 * In a criminal case the goods bought or shipped are the case's counts and the money moved is a sum
 * of the case (the labelling's kinds), not orders or investments: what the extractor reclassifies to.
 */
export const CASE_METRICS = { goods: "units_shipped", money: "money_amount" } as const satisfies Record<string, MetricKey>;
export type MetricDefinition = ConceptDefinition;

export const METRIC_KEYS = Object.keys(CONCEPTS) as MetricKey[];

export function isMetricKey(key: string): key is MetricKey {
  return Object.hasOwn(CONCEPTS, key);
}

export function getMetric(key: string): MetricDefinition | undefined {
  return isMetricKey(key) ? CONCEPTS[key] : undefined;
}

/** The label of a fact's metric with the qualifiers that tell it apart: "Compute (FP8, dense)". */
export function describeMetric(key: string, qualifiers: Qualifiers | Record<string, unknown> | null = null): string {
  const label = getMetric(key)?.label ?? key;
  const words = Object.values(qualifiers ?? {})
    .filter((value): value is string => typeof value === "string")
    .map((value) => value.replaceAll("_", " "));
  return words.length ? `${label} (${words.join(", ")})` : label;
}

/** Metric keys of one headline family, for SQL filters (`metric = ANY(...)`). */
/** The concepts whose facts are of one extraction kind (the review queue's kind filter). */
export function metricsOfKind(kind: ExtractionKind): MetricKey[] {
  return METRIC_KEYS.filter((key) => CONCEPTS[key].kind === kind);
}

export function metricsInFamily(family: MetricFamily): MetricKey[] {
  return METRIC_KEYS.filter((key) => (CONCEPTS[key] as ConceptDefinition).headline === family);
}

/** The unit a family is summed in: money families in US dollars, counts in their base unit. */
export function familyUnit(family: MetricFamily): UnitKey {
  const [first] = metricsInFamily(family);
  if (!first) throw new Error(`metric family ${family} has no metrics`);
  return CONCEPTS[first].unit;
}

/** Specification metrics a comparison can chart (stated ones, and ratios to a baseline). */
export function specMetrics(): MetricKey[] {
  return METRIC_KEYS.filter((key) => (CONCEPTS[key] as ConceptDefinition).spec);
}
export function relativeMetrics(): MetricKey[] {
  return METRIC_KEYS.filter((key) => (CONCEPTS[key] as ConceptDefinition).relative);
}

/** The rows of the database's `metric_families` table, which the event_figures rollup reads. */
export function familyRows(): { metric: string; family: string; statuses: string[] }[] {
  return METRIC_KEYS.flatMap((metric) => {
    const family = (CONCEPTS[metric] as ConceptDefinition).headline;
    return family ? [{ metric, family, statuses: [...HEADLINES[family].statuses] }] : [];
  });
}

/** The classifier's cues for one dimension, in the order they are tried, and its fallback. */
// The cues of each dimension in rank order, built once: the classifier asks for them per number.
const CUES_BY_DIMENSION = new Map<Dimension, { cues: { metric: MetricKey; cue: Cue }[]; fallback: MetricKey }>();

export function cuesFor(dimension: Dimension): { cues: { metric: MetricKey; cue: Cue }[]; fallback: MetricKey } {
  const built = CUES_BY_DIMENSION.get(dimension);
  if (built) return built;
  const keys = METRIC_KEYS.filter((key) => CONCEPTS[key].dimension === dimension);
  const cues = keys.flatMap((metric) => ((CONCEPTS[metric] as ConceptDefinition).cues ?? []).map((cue) => ({ metric, cue }))).sort((a, b) => a.cue.rank - b.cue.rank);
  const fallback = keys.find((key) => (CONCEPTS[key] as ConceptDefinition).fallback);
  if (!fallback) throw new Error(`no fallback metric for dimension ${dimension}`);
  CUES_BY_DIMENSION.set(dimension, { cues, fallback });
  return { cues, fallback };
}

/** Qualifiers and status a concept reads from the words around a number. */
export function readQualifiers(metric: MetricKey, text: string): { qualifiers: Qualifiers; status: FactStatus } {
  const qualifiers: Record<string, string> = {};
  let status: FactStatus = "actual";
  for (const rule of (CONCEPTS[metric] as ConceptDefinition).readQualifiers ?? []) {
    if (!rule.pattern.test(text)) continue;
    if (rule.status && status === "actual") status = rule.status;
    for (const [name, value] of Object.entries(rule.qualifiers ?? {})) qualifiers[name] ??= value;
  }
  return { qualifiers: qualifiers as Qualifiers, status };
}

/**
 * One comparable series: a metric with its qualifiers, written "compute:BF16:dense" (qualifier
 * values in the order of their names). Compute at FP8 and at BF16 are two series, never mixed.
 */
export function seriesKey(metric: string, qualifiers: Record<string, string>): string {
  return [
    metric,
    ...Object.keys(qualifiers)
      .sort()
      .map((name) => qualifiers[name]!),
  ].join(":");
}

/** Whether a series key names a registry metric with qualifier values it allows. */
export function isSeriesKey(key: string): boolean {
  const [metric, ...values] = key.split(":");
  const definition = getMetric(metric ?? "");
  if (!definition) return false;
  const allowed = new Set((definition.qualifiers ?? []).flatMap((name) => [...QUALIFIERS[name]] as string[]));
  return values.every((value) => allowed.has(value));
}

/** A series key for a Chipwatch 0.1 metric key (old /compare links keep working). */
export function seriesFromLegacy(key: string): string | undefined {
  const mapping = fromLegacyMetric(key);
  return mapping ? seriesKey(mapping.metric, (mapping.qualifiers ?? {}) as Record<string, string>) : undefined;
}

export function describeSeries(key: string): string {
  const [metric, ...values] = key.split(":");
  const label = getMetric(metric ?? "")?.label ?? key;
  return values.length ? `${label} (${values.map((value) => value.replaceAll("_", " ")).join(", ")})` : label;
}

/** Derived comparison metrics: one stated series divided by another, with the derivation shown. */
export const DERIVED_METRICS = {
  bf16_per_kw: {
    label: "BF16 dense compute per kW",
    unit: "TFLOPS/kW",
    better: "higher",
    numerator: { series: ["compute:BF16:dense"], unit: "TFLOPS" },
    denominator: { series: ["power", "power:chip"], unit: "kW" },
  },
  bf16_per_million_usd: {
    label: "BF16 dense compute per $1M",
    unit: "TFLOPS/$M",
    better: "higher",
    numerator: { series: ["compute:BF16:dense"], unit: "TFLOPS" },
    denominator: { series: ["price", "unit_cost"], unit: "USD" },
  },
} as const satisfies Record<
  string,
  { label: string; unit: string; better: "higher" | "lower"; numerator: { series: readonly string[]; unit: UnitKey }; denominator: { series: readonly string[]; unit: UnitKey } }
>;

/** Which way is better for a stated series or a derived metric; null when neither is. */
export function betterDirection(key: string): "higher" | "lower" | null {
  if (Object.hasOwn(DERIVED_METRICS, key)) return DERIVED_METRICS[key as keyof typeof DERIVED_METRICS].better;
  return getMetric(key.split(":")[0] ?? "")?.better ?? null;
}

/** Whether `qualifiers` only uses names and values the metric allows. */
export function qualifierProblem(metric: string, qualifiers: Record<string, unknown>): string | null {
  const allowed = (getMetric(metric)?.qualifiers ?? []) as string[];
  for (const [name, value] of Object.entries(qualifiers)) {
    if (!allowed.includes(name)) return `${getMetric(metric)?.label ?? metric} has no qualifier "${name}"`;
    const values = (QUALIFIERS as Record<string, readonly string[]>)[name] ?? [];
    if (typeof value !== "string" || !values.includes(value)) return `"${String(value)}" is not a ${name} (one of ${values.join(", ")})`;
  }
  return null;
}

// Metric keys of Chipwatch 0.1 (data files in shared/data, backups, databases before migration
// 20261130000000_fact_model): each maps to a concept and the qualifiers, period, product, market
// and status its name carried. `whenBuyerIsVendor` applies first when the fact's buyer is the
// vendor of the ordered product (Nvidia ordering its own H20 from TSMC is a production order).
type LegacyMapping = {
  metric: MetricKey;
  qualifiers?: Qualifiers;
  status?: FactStatus;
  product?: string;
  market?: string;
  period?: string;
  whenBuyerIsVendor?: MetricKey;
};

export const LEGACY_METRICS: Record<string, LegacyMapping> = {
  chips_ordered: { metric: "units_ordered", whenBuyerIsVendor: "production_ordered" },
  h20_inventory: { metric: "inventory", product: "H20" },
  h20_units_requested: { metric: "units_ordered", product: "H20", status: "planned" },
  h20_units_sold_2024: { metric: "units_sold", product: "H20", period: "2024" },
  chips_delivered_by_october: { metric: "units_delivered" },
  expected_deliveries_2025: { metric: "units_delivered", status: "expected", period: "2025" },
  matching_chips_made: { metric: "units_produced" },
  gpus_exported: { metric: "units_delivered" },
  hdds_shipped: { metric: "units_delivered" },
  systems_delivered: { metric: "units_delivered" },
  servers: { metric: "count" },
  shipments: { metric: "count" },
  order_value: { metric: "order_value" },
  rush_order_value: { metric: "order_value" },
  supply_chain_restart_time: { metric: "lead_time" },
  penalty: { metric: "penalty_amount" },
  total_penalty: { metric: "penalty_amount", qualifiers: { component: "total" } },
  potential_penalty: { metric: "penalty_amount", status: "potential" },
  quarterly_installment: { metric: "instalment" },
  payment_period: { metric: "payment_period" },
  probation_period: { metric: "probation" },
  maximum_sentence: { metric: "prison_sentence", status: "potential" },
  illegal_exports: { metric: "violations" },
  violation_period: { metric: "period_of_years" },
  defendants: { metric: "people_charged" },
  payment_from_china: { metric: "investment", qualifiers: { deal: "payment" }, market: "CN" },
  funding_from_china: { metric: "investment", qualifiers: { deal: "funding" }, market: "CN" },
  entities_added: { metric: "entities_listed", qualifiers: { action: "added" } },
  chinese_companies_added: { metric: "entities_listed", qualifiers: { action: "added" }, market: "CN" },
  singapore_organizations_added: { metric: "entities_listed", qualifiers: { action: "added" }, market: "SG" },
  affiliates_listed: { metric: "entities_listed", qualifiers: { listed: "affiliates" } },
  affiliates_added: { metric: "entities_listed", qualifiers: { listed: "affiliates", action: "added" } },
  affiliate_locations: { metric: "list_details", qualifiers: { listed: "locations" } },
  smic_affiliates_listed: { metric: "entities_listed", qualifiers: { listed: "affiliates" } },
  nudt_aliases_added: { metric: "list_details", qualifiers: { listed: "aliases" } },
  nudt_locations_added: { metric: "list_details", qualifiers: { listed: "locations" } },
  veu_entities_removed: { metric: "entities_listed", qualifiers: { list: "validated_end_user", action: "removed" } },
  unverified_list_additions: { metric: "entities_listed", qualifiers: { list: "unverified_list", action: "added" } },
  unverified_list_removals: { metric: "entities_listed", qualifiers: { list: "unverified_list", action: "removed" } },
  entity_list_since: { metric: "listed_since" },
  rules_issued: { metric: "documents_issued", qualifiers: { document: "rule" } },
  guidance_documents: { metric: "documents_issued", qualifiers: { document: "guidance" } },
  sme_types_controlled: { metric: "items_controlled", qualifiers: { item: "equipment" } },
  software_tool_types_controlled: { metric: "items_controlled", qualifiers: { item: "software" } },
  temporary_general_license_extension: { metric: "compliance_period" },
  compliance_delay: { metric: "compliance_period" },
  node_threshold: { metric: "node_threshold" },
  logic_node_threshold: { metric: "node_threshold", qualifiers: { scope: "logic" } },
  presumption_of_denial_node_threshold: { metric: "node_threshold", qualifiers: { scope: "presumption_of_denial" } },
  dram_half_pitch_threshold: { metric: "node_threshold", qualifiers: { scope: "dram" } },
  nand_layer_threshold: { metric: "layer_threshold" },
  revenue_share: { metric: "revenue_levy", market: "CN" },
  expected_charge: { metric: "charge", status: "expected" },
  charge: { metric: "charge" },
  h20_revenue_2024_estimate: { metric: "revenue", product: "H20", period: "2024", status: "estimated" },
  h20_revenue_not_shipped: { metric: "revenue_loss", product: "H20" },
  expected_h20_revenue_loss_next_quarter: { metric: "revenue_loss", product: "H20", status: "expected" },
  china_sales_at_risk_quarter: { metric: "revenue_loss", market: "CN", status: "potential" },
  china_revenue_2024: { metric: "revenue", market: "CN", period: "2024" },
  china_revenue_fy2025: { metric: "revenue", market: "CN", period: "FY2025" },
  china_revenue_share: { metric: "revenue_share", market: "CN" },
  china_share_of_revenue_2024: { metric: "revenue_share", market: "CN", period: "2024" },
  china_share_of_revenue_fy2025: { metric: "revenue_share", market: "CN", period: "FY2025" },
  china_share_of_sales_2024: { metric: "revenue_share", market: "CN", period: "2024" },
  hdd_sales_value: { metric: "revenue" },
  acquisition_value: { metric: "investment", qualifiers: { deal: "acquisition" } },
  bf16_dense_compute: { metric: "compute", qualifiers: { precision: "BF16", sparsity: "dense" } },
  fp16_dense_compute: { metric: "compute", qualifiers: { precision: "FP16", sparsity: "dense" } },
  fp8_compute: { metric: "compute", qualifiers: { precision: "FP8" } },
  fp4_compute: { metric: "compute", qualifiers: { precision: "FP4" } },
  hbm_capacity: { metric: "memory_capacity", qualifiers: { memory: "HBM" } },
  memory_bandwidth: { metric: "memory_bandwidth" },
  interconnect_bandwidth: { metric: "interconnect_bandwidth" },
  interconnect_bandwidth_a100: { metric: "interconnect_bandwidth", product: "A100" },
  die_to_die_bandwidth: { metric: "interconnect_bandwidth", qualifiers: { link: "die_to_die" } },
  tdp: { metric: "power", qualifiers: { scope: "chip" } },
  power: { metric: "power" },
  price: { metric: "price" },
  unit_cost: { metric: "unit_cost" },
  accelerator_count: { metric: "accelerator_count" },
  racks: { metric: "rack_count" },
  optical_transceivers: { metric: "transceiver_count" },
  process_node: { metric: "process_node" },
  die_area: { metric: "die_area" },
  fp16_compute_relative: { metric: "relative_performance", qualifiers: { precision: "FP16" } },
  per_chip_performance_relative: { metric: "relative_performance", qualifiers: { scope: "chip" } },
  power_relative: { metric: "relative_power" },
  price_relative: { metric: "relative_price" },
  compute_relative_to_b300: { metric: "relative_performance" },
  units_stockpiled: { metric: "stockpile" },
  units_shipped: { metric: "units_delivered" },
  units_produced: { metric: "units_produced" },
  revenue: { metric: "revenue" },
  loss: { metric: "revenue_loss" },
  investment_value: { metric: "investment" },
  money_amount: { metric: "money_amount" },
  revenue_share_percent: { metric: "revenue_share" },
  percent: { metric: "percentage" },
  compute_relative: { metric: "relative_performance" },
  ratio: { metric: "ratio" },
  duration: { metric: "duration" },
  period: { metric: "period_of_years" },
  memory_capacity: { metric: "memory_capacity" },
  count: { metric: "count" },
};

/** The concept and qualifiers a Chipwatch 0.1 key stands for, or undefined for unknown keys. */
export function fromLegacyMetric(key: string): LegacyMapping | undefined {
  return Object.hasOwn(LEGACY_METRICS, key) ? LEGACY_METRICS[key] : undefined;
}
