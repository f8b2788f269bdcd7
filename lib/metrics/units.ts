// The one unit table: what the extractor recognises, what the database stores (synced into the
// `units` table by lib/database/reference-data.ts), how charts convert "148 TFLOPS" and
// "0.3 PFLOPS" onto one axis and how every page and export writes a unit.

export type Dimension = "money" | "count" | "compute" | "power" | "memory" | "bandwidth" | "length" | "area" | "frequency" | "duration" | "percent" | "ratio" | "score" | "year";

type UnitDefinition = {
  dimension: Dimension;
  /** How many of the dimension's base unit one of this unit is (money: no fixed factor, 1). */
  factor: number;
  /** How the unit is written after a number ("PFLOPS"), or before it for money ("€"). */
  symbol: string;
  /** Words for the unit right after a number, with the multiplier they carry ("GW" = 1,000 MW). */
  spoken?: [RegExp, number][];
  /** Money: marks right before the amount ("HK$"), tried from the most specific. */
  marksBefore?: RegExp[];
  /** Words right before a number that name its unit ("a TPP score of 4,800"). */
  spokenBefore?: RegExp[];
  /** Money: words right after the amount ("yuan"). */
  marksAfter?: RegExp[];
  /** Money: quoted in US dollars per unit (EUR, GBP) rather than units per dollar, by convention. */
  quotedInDollars?: boolean;
};

// Order matters where one unit's words start another's: "GB/s" is tried before "GB".
const UNITS = {
  USD: { dimension: "money", factor: 1, symbol: "$", marksBefore: [/(?:US\$|USD\s?)\s*$/, /\$\s*$/], marksAfter: [/^\s*(?:U\.?S\.? dollars|US dollars|dollars|USD)\b/i] },
  CNY: { dimension: "money", factor: 1, symbol: "¥", marksBefore: [/(?:¥|RMB\s?|CNY\s?)\s*$/], marksAfter: [/^\s*(?:yuan|renminbi|RMB|CNY)\b/i] },
  EUR: { dimension: "money", factor: 1, symbol: "€", quotedInDollars: true, marksBefore: [/(?:€|EUR\s?)\s*$/], marksAfter: [/^\s*(?:euros?|EUR)\b/i] },
  GBP: { dimension: "money", factor: 1, symbol: "£", quotedInDollars: true, marksBefore: [/(?:£|GBP\s?)\s*$/], marksAfter: [/^\s*(?:pounds sterling|GBP)\b/i] },
  JPY: { dimension: "money", factor: 1, symbol: "JP¥", marksBefore: [/(?:JP¥|JPY\s?)\s*$/], marksAfter: [/^\s*(?:yen|JPY)\b/i] },
  KRW: { dimension: "money", factor: 1, symbol: "₩", marksBefore: [/(?:₩|KRW\s?)\s*$/], marksAfter: [/^\s*(?:won|KRW)\b/] },
  TWD: { dimension: "money", factor: 1, symbol: "NT$", marksBefore: [/(?:NT\$|TWD\s?)\s*$/], marksAfter: [/^\s*(?:New Taiwan dollars|Taiwan dollars|TWD)\b/i] },
  HKD: { dimension: "money", factor: 1, symbol: "HK$", marksBefore: [/(?:HK\$|HKD\s?)\s*$/], marksAfter: [/^\s*(?:Hong Kong dollars|HKD)\b/i] },
  MYR: { dimension: "money", factor: 1, symbol: "RM", marksBefore: [/(?:\bRM|MYR\s?)\s*$/], marksAfter: [/^\s*(?:ringgit|MYR)\b/i] },
  SGD: { dimension: "money", factor: 1, symbol: "S$", marksBefore: [/(?:S\$|SGD\s?)\s*$/], marksAfter: [/^\s*(?:Singapore dollars|SGD)\b/i] },
  units: { dimension: "count", factor: 1, symbol: "units" },
  count: {
    dimension: "count",
    factor: 1,
    symbol: "",
    // "whose performance density reaches 5.92 or more": the export rules' second score, a plain number.
    spokenBefore: [/\bperformance density(?: of| is| was| at| reaches)?(?:\s*(?:at least|more than|over|above|below|under|about))?\s*$/i],
  },
  percent: { dimension: "percent", factor: 1, symbol: "%", spoken: [[/^\s*(?:%|per ?cent\b|percentage points?\b)/i, 1]] },
  EFLOPS: { dimension: "compute", factor: 1e6, symbol: "EFLOPS", spoken: [[/^\s*(?:exa-?flops?|EFLOPS?)\b/i, 1]] },
  PFLOPS: { dimension: "compute", factor: 1e3, symbol: "PFLOPS", spoken: [[/^\s*(?:peta-?flops?|PFLOPS?)\b/i, 1]] },
  TFLOPS: { dimension: "compute", factor: 1, symbol: "TFLOPS", spoken: [[/^\s*(?:tera-?flops?|TFLOPS?)\b/i, 1]] },
  // Integer operations per second: the figure vendors quote for INT8 inference.
  POPS: { dimension: "compute", factor: 1e3, symbol: "POPS", spoken: [[/^\s*(?:POPS|PetaOPS)\b/i, 1]] },
  TOPS: { dimension: "compute", factor: 1, symbol: "TOPS", spoken: [[/^\s*(?:TOPS)\b/, 1]] },
  "PB/s": {
    dimension: "bandwidth",
    factor: 1e6,
    symbol: "PB/s",
    spoken: [[/^\s*(?:PB\/s|PBps\b|petabytes?(?:\s*\(PB\))?\s+(?:a|per|each)\s+second|PB\s+(?:a|per|each)\s+second)/i, 1]],
  },
  "TB/s": {
    dimension: "bandwidth",
    factor: 1e3,
    symbol: "TB/s",
    spoken: [[/^\s*(?:TB\/s|TBps\b|terabytes?(?:\s*\(TB\))?\s+(?:a|per|each)\s+second|TB\s+(?:a|per|each)\s+second)/i, 1]],
  },
  "GB/s": {
    dimension: "bandwidth",
    factor: 1,
    symbol: "GB/s",
    spoken: [[/^\s*(?:GB\/s|GBps\b|gigabytes?(?:\s*\(GB\))?\s+(?:a|per|each)\s+second|GB\s+(?:a|per|each)\s+second)/i, 1]],
  },
  // Bits per second: one eighth of the byte rate.
  Tbps: { dimension: "bandwidth", factor: 125, symbol: "Tbps", spoken: [[/^\s*(?:Tbps|Tb\/s)\b/i, 1]] },
  Gbps: { dimension: "bandwidth", factor: 0.125, symbol: "Gbps", spoken: [[/^\s*(?:Gbps|Gb\/s)\b/i, 1]] },
  EB: { dimension: "memory", factor: 1e9, symbol: "EB", spoken: [[/^\s*(?:EB|exabytes?)\b/i, 1]] },
  PB: { dimension: "memory", factor: 1e6, symbol: "PB", spoken: [[/^\s*(?:PB|petabytes?)\b/i, 1]] },
  TB: { dimension: "memory", factor: 1e3, symbol: "TB", spoken: [[/^\s*(?:TB|terabytes?)\b/i, 1]] },
  GB: { dimension: "memory", factor: 1, symbol: "GB", spoken: [[/^\s*(?:GB|gigabytes?)\b/i, 1]] },
  MW: {
    dimension: "power",
    factor: 1e6,
    symbol: "MW",
    spoken: [
      [/^[\s-]*(?:GW|gigawatts?)\b/i, 1000],
      [/^[\s-]*(?:MW|megawatts?)\b/i, 1],
    ],
  },
  kW: { dimension: "power", factor: 1e3, symbol: "kW", spoken: [[/^\s*(?:kW|kilowatts?)\b/i, 1]] },
  W: { dimension: "power", factor: 1, symbol: "W", spoken: [[/^\s*(?:W|watts?)\b/, 1]] },
  nm: { dimension: "length", factor: 1, symbol: "nm", spoken: [[/^[\s-]*(?:nm|nanomet(?:er|re)s?)\b/i, 1]] },
  // Clock speeds: "clocked at up to 2.62 GHz".
  GHz: { dimension: "frequency", factor: 1e3, symbol: "GHz", spoken: [[/^[\s-]*(?:GHz|gigahertz)\b/i, 1]] },
  MHz: { dimension: "frequency", factor: 1, symbol: "MHz", spoken: [[/^[\s-]*(?:MHz|megahertz)\b/i, 1]] },
  mm2: { dimension: "area", factor: 1, symbol: "mm²", spoken: [[/^\s*(?:mm2|mm²|square millimet(?:er|re)s?)/i, 1]] },
  years: { dimension: "duration", factor: 365.2425, symbol: "years", spoken: [[/^[\s-]*(?:years?)\b/i, 1]] },
  months: {
    dimension: "duration",
    factor: 30.436875,
    symbol: "months",
    spoken: [
      [/^[\s-]*(?:months?)\b/i, 1],
      [/^[\s-]*(?:quarters?)\b/i, 3],
    ],
  },
  days: {
    dimension: "duration",
    factor: 1,
    symbol: "days",
    spoken: [
      // "45 working days", "ten business days"
      [/^[\s-]*(?:(?:working|business|calendar)\s+)?(?:weeks?)\b/i, 7],
      [/^[\s-]*(?:(?:working|business|calendar)\s+)?(?:days?)\b/i, 1],
    ],
  },
  // "trained for a total of 80 hours": runs and deadlines counted in hours.
  hours: { dimension: "duration", factor: 1 / 24, symbol: "hours", spoken: [[/^[\s-]*(?:hours?)\b/i, 1]] },
  ratio: { dimension: "ratio", factor: 1, symbol: "×" },
  // Total processing performance, the score US export rules set thresholds in (TOPS × bit length).
  TPP: {
    dimension: "score",
    factor: 1,
    symbol: "TPP",
    spoken: [[/^\s*(?:TPP\b|on (?:the )?(?:total processing performance|TPP)\b)/i, 1]],
    spokenBefore: [
      /\b(?:TPP|total processing performance|processing(?: performance)?)(?: score| rating)?(?: of| is| was| at| works out to| comes (?:out )?to| stands at| reaches)?(?:\s*(?:at least|more than|over|above|below|under|about|around|roughly|nearly))?\s*$/i,
    ],
  },
  year: { dimension: "year", factor: 1, symbol: "" },
} satisfies Record<string, UnitDefinition>;

export type UnitKey = keyof typeof UNITS;
export type UnitInfo = UnitDefinition;

export const KNOWN_UNITS = Object.keys(UNITS) as UnitKey[];

export function unitInfo(unit: string): UnitInfo | undefined {
  return Object.hasOwn(UNITS, unit) ? (UNITS as Record<string, UnitDefinition>)[unit] : undefined;
}

export function isUnitKey(unit: string): unit is UnitKey {
  return Object.hasOwn(UNITS, unit);
}

export function isMoneyUnit(unit: string): boolean {
  return unitInfo(unit)?.dimension === "money";
}

/** Whether a number in this unit has a unit written with it (not a bare count or multiple). */
export function hasWrittenUnit(unit: string): boolean {
  const dimension = unitInfo(unit)?.dimension;
  return dimension !== undefined && dimension !== "count" && dimension !== "ratio";
}

/** The units of one dimension, in table order. */
export function unitsOf(dimension: Dimension): UnitKey[] {
  return KNOWN_UNITS.filter((key) => UNITS[key].dimension === dimension);
}

/** The extractor's view of the table: unit words after a number, in the order they must be tried. */
export const SPOKEN_UNITS: { unit: UnitKey; pattern: RegExp; multiplier: number }[] = KNOWN_UNITS.flatMap((unit) =>
  ((UNITS[unit] as UnitDefinition).spoken ?? []).map(([pattern, multiplier]) => ({ unit, pattern, multiplier })),
);

/**
 * Currency marks before an amount, most specific first: every currency's own marks, then the
 * bare "$" that several dollars share.
 */
export const CURRENCY_MARKS_BEFORE: { unit: UnitKey; pattern: RegExp }[] = KNOWN_UNITS.flatMap((unit) =>
  ((UNITS[unit] as UnitDefinition).marksBefore ?? []).map((pattern) => ({ unit, pattern })),
).sort((a, b) => Number(a.pattern.source.startsWith("\\$")) - Number(b.pattern.source.startsWith("\\$")));

/** Units named before the number: "a TPP score of 21,000". */
export const SPOKEN_UNITS_BEFORE: { unit: UnitKey; pattern: RegExp }[] = KNOWN_UNITS.flatMap((unit) =>
  ((UNITS[unit] as UnitDefinition).spokenBefore ?? []).map((pattern) => ({ unit, pattern })),
);

export const CURRENCY_MARKS_AFTER: { unit: UnitKey; pattern: RegExp }[] = KNOWN_UNITS.flatMap((unit) =>
  ((UNITS[unit] as UnitDefinition).marksAfter ?? []).map((pattern) => ({ unit, pattern })),
);

/** Converts a value between two units of one dimension; undefined when they do not convert. */
export function convertValue(value: number, from: string, to: string): number | undefined {
  const source = unitInfo(from);
  const target = unitInfo(to);
  if (!source || !target || source.dimension !== target.dimension) return undefined;
  // Money in different currencies has one dimension but no fixed rate (see lib/money).
  if (source.dimension === "money" && from !== to) return undefined;
  return (value * source.factor) / target.factor;
}

/** The rows of the database's `units` table. */
export function unitRows(): { unit: string; dimension: Dimension; factor: number }[] {
  return KNOWN_UNITS.map((unit) => ({ unit, dimension: UNITS[unit].dimension, factor: UNITS[unit].factor }));
}
