// Writes the repository's reference modules into the database after every migrate: the unit
// table (lib/metrics/units.ts), the monthly US-dollar rates (lib/money/usd-reference-rates.tsv)
// and the headline families of the metric registry. SQL reads these tables (the facts' USD
// trigger, the event_figures rollup), so no migration copies them by hand. A table is rewritten
// only when its content changed, and what depends on it is recomputed in the same transaction.
// Facts still carrying a Chipwatch 0.1 key (`legacy:<key>`) are mapped to their concepts here.
import { createHash } from "node:crypto";
import { periodFromLabel } from "@/lib/facts/period";
import { familyRows, getMetric, LEGACY_METRICS } from "@/lib/metrics/registry";
import { unitRows } from "@/lib/metrics/units";
import { parseReferenceRates, readReferenceRatesFile } from "@/lib/money/reference-rates";

/** The part of a pg client (or of a Prisma transaction, see prismaQueryable) this module uses. */
export type Queryable = { query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

export const LEGACY_PREFIX = "legacy:";

export type SyncResult = { rewritten: string[]; legacyFactsMapped: number };

export async function syncReferenceData(client: Queryable, ratesTsv = readReferenceRatesFile()): Promise<SyncResult> {
  const units = unitRows();
  const rates = parseReferenceRates(ratesTsv);
  const families = familyRows().map((row) => ({ ...row, dimension: getMetric(row.metric)!.dimension }));
  const wanted = { units: hash(units), usd_rates: hash(rates), metric_families: hash(families) };
  const stored = new Map((await client.query(`SELECT name, hash FROM reference_data`)).rows.map((row) => [row.name as string, row.hash as string]));
  const rewritten = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((name) => stored.get(name) !== wanted[name]);

  await client.query("BEGIN");
  try {
    if (rewritten.includes("units")) {
      await client.query(`DELETE FROM units`);
      await client.query(`INSERT INTO units (unit, dimension, factor) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[])`, [
        units.map((u) => u.unit),
        units.map((u) => u.dimension),
        units.map((u) => u.factor),
      ]);
    }
    if (rewritten.includes("usd_rates")) {
      await client.query(`DELETE FROM usd_rates`);
      await client.query(`INSERT INTO usd_rates (currency, month, usd_per_unit) SELECT c, (m || '-01')::date, r FROM unnest($1::text[], $2::text[], $3::numeric[]) AS t(c, m, r)`, [
        rates.map((r) => r.currency),
        rates.map((r) => r.month),
        rates.map((r) => r.usdPerUnit.toFixed(10)),
      ]);
    }
    if (rewritten.includes("metric_families")) {
      await client.query(`DELETE FROM metric_families`);
      for (const row of families) {
        await client.query(`INSERT INTO metric_families (metric, family, statuses) VALUES ($1, $2, $3::text[])`, [row.metric, row.family, row.statuses]);
      }
    }
    if (rewritten.includes("units") || rewritten.includes("usd_rates")) {
      // Touching the unit column re-runs the facts' USD trigger for every money fact.
      await client.query(`UPDATE facts SET unit = unit WHERE unit IN (SELECT unit FROM units WHERE dimension = 'money')`);
    }
    const legacyFactsMapped = await mapLegacyFacts(client);
    if (rewritten.length > 0) {
      // count(*) around the void function, so drivers that read every column accept it.
      await client.query(`SELECT count(*) FROM (SELECT refresh_event_figures(ARRAY(SELECT DISTINCT event_id FROM facts WHERE event_id IS NOT NULL))) AS refreshed`);
      await client.query(`UPDATE data_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP`);
    }
    for (const name of rewritten) {
      await client.query(`INSERT INTO reference_data (name, hash) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash`, [name, wanted[name]]);
    }
    await client.query("COMMIT");
    return { rewritten, legacyFactsMapped };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * Maps facts stored under a Chipwatch 0.1 key (`legacy:h20_units_sold_2024`) to the registry's
 * concept and the qualifiers, product, period, market and status the key carried. Values, units,
 * quotes and ids are untouched. Runs inside the caller's transaction; returns the facts mapped.
 */
export async function mapLegacyFacts(client: Queryable): Promise<number> {
  const present = (await client.query(`SELECT DISTINCT metric FROM facts WHERE metric LIKE 'legacy:%'`)).rows.map((row) => String(row.metric).slice(LEGACY_PREFIX.length));
  let mapped = 0;
  for (const key of present) {
    const mapping = LEGACY_METRICS[key];
    if (!mapping) throw new Error(`facts carry the unknown Chipwatch 0.1 metric "${key}": add it to LEGACY_METRICS in lib/metrics/registry.ts`);
    const period = mapping.period ? periodFromLabel(mapping.period) : { start: null, end: null, label: null };
    const set = `
      qualifiers = qualifiers || $2::jsonb,
      status = coalesce($3, 'actual')::"FactStatus",
      market = coalesce(market, $4),
      product_label = coalesce(product_label, $5),
      product_id = coalesce(product_id, (SELECT p.id FROM entities p WHERE p.kind IN ('chip', 'system')
        AND (lower(p.name) = lower($5) OR lower($5) = ANY(SELECT lower(a) FROM unnest(p.aliases) a)) ORDER BY p.id LIMIT 1)),
      period_start = coalesce(period_start, $6::date),
      period_end = coalesce(period_end, $7::date),
      period_label = coalesce(period_label, $8)`;
    const params = [
      JSON.stringify(mapping.qualifiers ?? {}),
      mapping.status ?? null,
      mapping.market ?? null,
      mapping.product ?? null,
      isoDay(period.start),
      isoDay(period.end),
      period.label,
    ];
    if (mapping.whenBuyerIsVendor) {
      // The buyer is the vendor of a product the quote names: a production order at a foundry.
      const result = await client.query(
        `UPDATE facts f SET metric = $9, ${set} WHERE f.metric = $1 AND EXISTS (
           SELECT 1 FROM entities p WHERE p.vendor_id = f.subject_id AND p.kind IN ('chip', 'system')
             AND position(lower(p.name) IN lower(f.quote)) > 0) RETURNING id`,
        [`${LEGACY_PREFIX}${key}`, ...params, mapping.whenBuyerIsVendor],
      );
      mapped += result.rows.length;
    }
    const result = await client.query(`UPDATE facts SET metric = $9, ${set} WHERE metric = $1 RETURNING id`, [`${LEGACY_PREFIX}${key}`, ...params, mapping.metric]);
    mapped += result.rows.length;
  }
  return mapped;
}

/** A Queryable over a Prisma client or interactive transaction. */
export function prismaQueryable(prisma: { $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T> }): Queryable {
  return {
    query: async (text, params = []) => {
      // Prisma runs its own transaction; BEGIN/COMMIT from here would nest.
      if (/^(BEGIN|COMMIT|ROLLBACK)$/.test(text)) return { rows: [] };
      const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}

function hash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}

function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
