// Loads a synthetic dataset into its own PostgreSQL database: multi-row inserts from arrays
// (unnest), a few thousand rows per statement. Refuses a database that holds real articles.
import pg from "pg";
import { bandHashes, minhash, toStored } from "@/lib/articles/near-duplicate";
import { migrateDatabase } from "@/lib/database/migrate";
import { datasetShape, generateDataset, SYNTHETIC_URL_PREFIX, type SynthSize, type SyntheticEvent } from "./generate";

export class SynthRefused extends Error {}

const EVENTS_PER_BATCH = 2_000;

/** The marker left on the facts table: what is loaded, so a second run with the same size reuses it. */
function marker({ facts, seed }: SynthSize): string {
  return `chipwatch-synth facts=${facts} seed=${seed}`;
}

/** Creates the database if it does not exist yet (on the same server, through its `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new SynthRefused(`database name "${name}": use lower-case letters, digits and _`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export type SynthResult = { reused: boolean; seconds: number; counts: ReturnType<typeof datasetShape> };

export async function synthesize(url: string, size: SynthSize, log: (line: string) => void = () => undefined): Promise<SynthResult> {
  const started = performance.now();
  await ensureDatabase(url);
  await migrateDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: real } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM articles WHERE url IS NULL OR url NOT LIKE $1`, [`${SYNTHETIC_URL_PREFIX}%`]);
    if (Number(real[0]!.n) > 0) {
      throw new SynthRefused(`refusing to write synthetic data: this database holds ${real[0]!.n} real article(s). Point --database-url at a separate database.`);
    }
    const { rows: existing } = await client.query<{ note: string | null; facts: string }>(
      `SELECT obj_description('facts'::regclass, 'pg_class') AS note, (SELECT count(*) FROM facts) AS facts`,
    );
    if (existing[0]!.note === marker(size) && Number(existing[0]!.facts) === size.facts) {
      log(`already loaded: ${marker(size)}`);
      return { reused: true, seconds: (performance.now() - started) / 1000, counts: datasetShape(size.facts) };
    }
    // Only synthetic rows can be here (checked above): start over, in one transaction, so that a
    // load stopped half-way (even by kill -9) leaves the database as it was, indexes included.
    await client.query("BEGIN");
    await client.query(`TRUNCATE facts, event_entities, events, articles, entities RESTART IDENTITY CASCADE`);
    await client.query(`COMMENT ON TABLE facts IS NULL`);

    const dataset = generateDataset(size);
    const e = dataset.entities;
    await client.query(
      `INSERT INTO entities (id, name, slug, kind, country, aliases, parent_id, vendor_id)
       SELECT id, name, slug, kind::"EntityKind", country, string_to_array(aliases, '|'), parent_id, vendor_id
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[])
         AS t(id, name, slug, kind, country, aliases, parent_id, vendor_id)`,
      [
        e.map((r) => r.id),
        e.map((r) => r.name),
        e.map((r) => r.slug),
        e.map((r) => r.kind),
        e.map((r) => r.country),
        e.map((r) => (r.aliases.length ? r.aliases.join("|") : null)),
        e.map((r) => r.parentId),
        e.map((r) => r.vendorId),
      ],
    );
    await client.query(`UPDATE entities SET aliases = '{}' WHERE aliases IS NULL`);
    log(`${e.length} entities`);

    // A bulk load: indexes that are not keys are dropped and built once at the end (maintained row
    // by row, the 14 indexes on facts outgrow the buffer cache and 10M facts took over an hour).
    const tables = ["articles", "article_bands", "events", "event_entities", "facts"];
    const deferred = await dropSecondaryIndexes(client, tables);
    // Foreign keys are not checked row by row (the generator writes consistent ids, and tests
    // check it): PostgreSQL skips its internal RI triggers under session_replication_role =
    // replica. The app's own triggers (USD values, the data version) are set to fire anyway, so
    // the data comes out as the app would have written it; the event_figures rollup, which reads
    // facts by event (an index built only at the end), is refreshed once for all events at the end.
    const appTriggers = await fireAlways(client, tables, ["facts_event_figures_insert"]);
    log(`${deferred.length} secondary indexes deferred to the end of the load`);

    // Generating a batch (and signing its articles) costs this process about as much CPU as
    // inserting one costs PostgreSQL, so the two overlap: batch n is written while batch n + 1 is
    // generated, the generator yielding now and then so the client can send the next statement.
    let batch: SyntheticEvent[] = [];
    let loadedFacts = 0;
    let writing: Promise<number> = Promise.resolve(0);
    const write = async (events: SyntheticEvent[]) => {
      loadedFacts += await writing;
      if (loadedFacts) log(`${loadedFacts.toLocaleString("en-US")} / ${size.facts.toLocaleString("en-US")} facts`);
      writing = insertBatch(client, events);
      writing.catch(() => undefined); // awaited (and thrown) by the next write
    };
    for (const item of dataset.events()) {
      batch.push(item);
      if (batch.length % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (batch.length === EVENTS_PER_BATCH) {
        await write(batch);
        batch = [];
      }
    }
    if (batch.length) await write(batch);
    loadedFacts += await writing;
    const indexesStarted = performance.now();
    await client.query("SET maintenance_work_mem = '1GB'");
    await client.query("SET max_parallel_maintenance_workers = 2");
    for (const definition of deferred) await client.query(definition);
    log(`${deferred.length} indexes built in ${((performance.now() - indexesStarted) / 1000).toFixed(1)} s`);
    const rollupStarted = performance.now();
    await client.query("SELECT refresh_event_figures(ARRAY(SELECT id FROM events))");
    log(`event_figures rollup refreshed in ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s`);
    for (const table of ["entities", "articles", "events", "facts"]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`);
    }
    for (const trigger of appTriggers) await client.query(`ALTER TABLE ${trigger.table} ENABLE TRIGGER "${trigger.name}"`);
    await client.query("RESET session_replication_role");
    await client.query(`COMMENT ON TABLE facts IS '${marker(size)}'`);
    await client.query("COMMIT");
    // Statistics for the planner, and the visibility map that lets index-only scans skip the table.
    await client.query("VACUUM ANALYZE");
    log(`${loadedFacts.toLocaleString("en-US")} facts loaded`);
    return { reused: false, seconds: (performance.now() - started) / 1000, counts: datasetShape(size.facts) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Sets the app's triggers on `tables` (but those named in `except`) to fire even under
 * session_replication_role = replica; returns them, to be set back.
 */
async function fireAlways(client: pg.Client, tables: string[], except: string[]): Promise<{ table: string; name: string }[]> {
  const { rows } = await client.query<{ table: string; name: string }>(
    `SELECT tgrelid::regclass::text AS table, tgname AS name FROM pg_trigger
     WHERE NOT tgisinternal AND tgenabled = 'O' AND tgrelid = ANY($1::regclass[]) AND NOT tgname = ANY($2::text[]) ORDER BY 1, 2`,
    [tables, except],
  );
  await client.query("SET session_replication_role = replica");
  for (const trigger of rows) await client.query(`ALTER TABLE ${trigger.table} ENABLE ALWAYS TRIGGER "${trigger.name}"`);
  return rows;
}

/**
 * Drops the indexes of `tables` that back no constraint, and the primary keys and unique
 * constraints no foreign key relies on (the generator makes its rows unique); returns the
 * statements that rebuild them all.
 */
async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows: constraints } = await client.query<{ name: string; table: string; definition: string }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS table, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c
     WHERE c.conrelid = ANY($1::regclass[]) AND c.contype IN ('p', 'u')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
     ORDER BY 1`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const row of constraints) await client.query(`ALTER TABLE ${row.table} DROP CONSTRAINT "${row.name}"`);
  for (const row of indexes) await client.query(`DROP INDEX ${row.name}`);
  return [...constraints.map((row) => `ALTER TABLE ${row.table} ADD CONSTRAINT "${row.name}" ${row.definition}`), ...indexes.map((row) => row.definition)];
}

async function insertBatch(client: pg.Client, batch: SyntheticEvent[]): Promise<number> {
  const a = batch.map((b) => b.article);
  const ev = batch.map((b) => b.event);
  const links = batch.flatMap((b) => b.eventEntities);
  const f = batch.flatMap((b) => b.facts);
  const signatures = a.map((article) => minhash(article.text));
  await client.query(
    `INSERT INTO articles (id, url, title, outlet, published_at, text, text_scope, content_hash, source_kind, minhash)
       SELECT id, url, title, outlet, published_at, text, 'full', content_hash, 'other', string_to_array(minhash, ',')::int[]
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[])
         AS t(id, url, title, outlet, published_at, text, content_hash, minhash)`,
    [
      a.map((r) => r.id),
      a.map((r) => r.url),
      a.map((r) => r.title),
      a.map((r) => r.outlet),
      a.map((r) => r.publishedAt),
      a.map((r) => r.text),
      a.map((r) => r.contentHash),
      signatures.map((signature) => toStored(signature).join(",")),
    ],
  );
  // Signed and banded as the app signs every article (lib/articles/stories.ts), so near-duplicate
  // lookups meet a realistic index and no migration has to sign them one by one afterwards.
  const bands = signatures.map((signature) => bandHashes(signature));
  await client.query(
    `INSERT INTO article_bands (band, hash, article_id)
       SELECT DISTINCT band, hash, article_id FROM unnest($1::smallint[], $2::int[], $3::int[]) AS t(band, hash, article_id)`,
    [bands.flatMap((hashes) => hashes.map((_, band) => band)), bands.flat(), bands.flatMap((hashes, i) => hashes.map(() => a[i]!.id))],
  );
  await client.query(
    `INSERT INTO events (id, slug, title, type, date, date_precision, summary, claim_status, countries, source_article_id)
       SELECT id, slug, title, type::"EventType", date, date_precision::"DatePrecision", summary, claim_status::"ClaimStatus",
              coalesce(string_to_array(countries, '|'), '{}'), source_article_id
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[])
         AS t(id, slug, title, type, date, date_precision, summary, claim_status, countries, source_article_id)`,
    [
      ev.map((r) => r.id),
      ev.map((r) => r.slug),
      ev.map((r) => r.title),
      ev.map((r) => r.type),
      ev.map((r) => r.date),
      ev.map((r) => r.datePrecision),
      ev.map((r) => r.summary),
      ev.map((r) => r.claimStatus),
      ev.map((r) => (r.countries.length ? r.countries.join("|") : null)),
      ev.map((r) => r.sourceArticleId),
    ],
  );
  await client.query(
    `INSERT INTO event_entities (event_id, entity_id, role)
       SELECT event_id, entity_id, role::"EventRole" FROM unnest($1::int[], $2::int[], $3::text[]) AS t(event_id, entity_id, role)`,
    [links.map((r) => r.eventId), links.map((r) => r.entityId), links.map((r) => r.role)],
  );
  await client.query(
    `INSERT INTO facts (id, metric, value, value_max, bound, unit, subject_id, subject_label, object_id, object_label, date, date_precision,
                          article_id, quote, quote_start, quote_end, origin, review_status, event_id, updated_at)
       SELECT id, metric, value, value_max, bound::"Bound", unit, subject_id, subject_label, object_id, object_label, date, date_precision::"DatePrecision",
              article_id, quote, quote_start, quote_end, origin::"FactOrigin", review_status::"ReviewStatus", event_id, now()
       FROM unnest($1::int[], $2::text[], $3::numeric[], $4::numeric[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::text[], $11::date[], $12::text[],
                   $13::int[], $14::text[], $15::int[], $16::int[], $17::text[], $18::text[], $19::int[])
         AS t(id, metric, value, value_max, bound, unit, subject_id, subject_label, object_id, object_label, date, date_precision,
              article_id, quote, quote_start, quote_end, origin, review_status, event_id)`,
    [
      f.map((r) => r.id),
      f.map((r) => r.metric),
      f.map((r) => r.value),
      f.map((r) => r.valueMax),
      f.map((r) => r.bound),
      f.map((r) => r.unit),
      f.map((r) => r.subjectId),
      f.map((r) => r.subjectLabel),
      f.map((r) => r.objectId),
      f.map((r) => r.objectLabel),
      f.map((r) => r.date),
      f.map((r) => r.datePrecision),
      f.map((r) => r.articleId),
      f.map((r) => r.quote),
      f.map((r) => r.quoteStart),
      f.map((r) => r.quoteEnd),
      f.map((r) => r.origin),
      f.map((r) => r.reviewStatus),
      f.map((r) => r.eventId),
    ],
  );
  return f.length;
}
