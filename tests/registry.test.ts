// The metric registry (lib/metrics/registry.ts) and the unit table (lib/metrics/units.ts) are the
// only definitions: no other source file or migration names a metric or lists units, the tables
// SQL reads are exactly what the modules say (syncing them again changes nothing), and every
// entry is wired: units match dimensions, qualifiers are allowed, old keys map to concepts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { syncReferenceData } from "@/lib/database/reference-data";
import { EXTRACTION_KINDS } from "@/lib/extract/kinds";
import { EventType, FactStatus } from "@/lib/generated/prisma/enums";
import { FIGURE_ROLES } from "@/lib/filters/state";
import {
  CONCEPTS,
  familyRows,
  HEADLINES,
  LEGACY_METRICS,
  METRIC_KEYS,
  metricsInFamily,
  QUALIFIERS,
  qualifierProblem,
  readQualifiers,
  type MetricFamily,
} from "@/lib/metrics/registry";
import { KNOWN_UNITS, unitInfo, unitRows } from "@/lib/metrics/units";
import { parseReferenceRates, readReferenceRatesFile } from "@/lib/money/reference-rates";

const SOURCE_ROOTS = ["app", "components", "lib", "prisma", "scripts", "proxy.ts", "instrumentation.ts"];
const DEFINITIONS = new Set(["lib/metrics/registry.ts", "lib/metrics/units.ts"]);

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (entry: string) => {
    if (statSync(entry).isDirectory()) {
      if (entry === "lib/generated" || entry.endsWith("node_modules")) return;
      for (const name of readdirSync(entry)) walk(path.join(entry, name));
    } else if (/\.(ts|tsx|sql)$/.test(entry) && !/\.test\.tsx?$/.test(entry) && !DEFINITIONS.has(entry)) {
      files.push(entry);
    }
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return files;
}

// Words that are also another vocabulary's names (a unit "count", a dimension "power", an event
// type "stockpile", an extraction kind "investment"): a literal of one elsewhere is that thing.
const OTHER_VOCABULARIES = new Set<string>([
  ...KNOWN_UNITS,
  ...unitRows().map((unit) => unit.dimension),
  ...Object.values(EventType),
  ...EXTRACTION_KINDS,
  ...Object.keys(HEADLINES),
  ...Object.values(FactStatus),
  ...FIGURE_ROLES,
  ...Object.keys(QUALIFIERS),
  ...Object.values(QUALIFIERS).flat(),
]);

describe("the metric registry is the only definition", () => {
  const files = sourceFiles().map((file) => ({ file, text: readFileSync(file, "utf8") }));

  it("reads the source tree it checks", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(({ file }) => file.endsWith(".sql"))).toBe(true);
    expect(files.some(({ file }) => file === "lib/extract/classify.ts")).toBe(true);
  });

  it("no other source file or migration names a metric", () => {
    const checked = METRIC_KEYS.filter((key) => !OTHER_VOCABULARIES.has(key));
    expect(checked.length).toBeGreaterThan(40);
    const offences = files.flatMap(({ file, text }) => checked.filter((key) => new RegExp(`["'\`]${key}(?:["'\`]|:)`).test(text)).map((key) => `${file}: ${key}`));
    expect(offences).toEqual([]);
  });

  it("no other source file or migration lists units", () => {
    const unit = KNOWN_UNITS.map((key) => key.replace(/[/]/g, "\\/")).join("|");
    const list = new RegExp(`(["'])(?:${unit})\\1\\s*,\\s*(["'])(?:${unit})\\2`);
    const offences = files.filter(({ text }) => list.test(text)).map(({ file }) => file);
    expect(offences).toEqual([]);
  });

  it("the tables SQL reads are the registry's, the unit table's and the rate table's; syncing again changes nothing", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const families = (await client.query(`SELECT metric, family, statuses FROM metric_families ORDER BY metric`)).rows;
      expect(families).toEqual(familyRows().sort((a, b) => a.metric.localeCompare(b.metric)));
      const units = (await client.query(`SELECT unit, dimension, factor FROM units ORDER BY unit`)).rows;
      expect(units).toEqual(unitRows().sort((a, b) => (a.unit < b.unit ? -1 : 1)));
      const {
        rows: [rates],
      } = await client.query(`SELECT count(*)::int AS count FROM usd_rates`);
      expect(rates.count).toBe(parseReferenceRates(readReferenceRatesFile()).length);
      expect(await syncReferenceData(client)).toEqual({ rewritten: [], legacyFactsMapped: 0 });
    } finally {
      await client.end();
    }
  });
});

describe("every registry entry is wired", () => {
  it("each metric has a unit of its own dimension, a kind and, where summed, a headline", () => {
    for (const key of METRIC_KEYS) {
      const concept = CONCEPTS[key];
      expect(unitInfo(concept.unit)?.dimension, key).toBe(concept.dimension);
      expect(EXTRACTION_KINDS, key).toContain(concept.kind);
    }
    for (const family of Object.keys(HEADLINES) as MetricFamily[]) expect(metricsInFamily(family).length, family).toBeGreaterThan(0);
    expect(new Set(METRIC_KEYS.map((key) => CONCEPTS[key].label)).size).toBe(METRIC_KEYS.length);
  });

  it("qualifiers read from text and carried by 0.1 keys are ones the metric allows", () => {
    for (const key of METRIC_KEYS) {
      const { qualifiers } = readQualifiers(
        key,
        "FP4 FP8 INT8 BF16 FP16 dense sparse combined total forfeit HBM die-to-die TDP unverified VEU removed affiliates alias locations guidance rules software equipment DRAM logic presumption of denial acquisition per-chip",
      );
      expect(qualifierProblem(key, qualifiers), key).toBeNull();
    }
    for (const [legacy, mapping] of Object.entries(LEGACY_METRICS)) {
      expect(CONCEPTS[mapping.metric], legacy).toBeDefined();
      expect(qualifierProblem(mapping.metric, mapping.qualifiers ?? {}), legacy).toBeNull();
    }
  });

  it("the rate table holds the Fed's monthly averages it cites", () => {
    const rates = parseReferenceRates(readReferenceRatesFile());
    const at = (currency: string, month: string) => rates.find((rate) => rate.currency === currency && rate.month === month)?.usdPerUnit;
    expect(at("EUR", "2024-03")).toBeCloseTo(1.087, 4);
    expect(1 / at("CNY", "2024-03")!).toBeCloseTo(7.2015, 4);
    expect(new Set(rates.map((rate) => rate.currency))).toEqual(new Set(["CNY", "EUR", "GBP", "JPY", "KRW", "HKD", "SGD"]));
    expect(rates.map((rate) => rate.month).sort()[0]).toBe("2010-01");
  });
});
