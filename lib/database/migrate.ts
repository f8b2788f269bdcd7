// Applies prisma/migrations/* without Prisma's native schema engine (unavailable offline), keeping
// Prisma's own `_prisma_migrations` bookkeeping so `prisma migrate status/deploy` still agree.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { indexUnsignedArticles } from "@/lib/articles/stories";
import { syncReferenceData } from "@/lib/database/reference-data";

// The first migration whose schema has the reference tables; a directory of older migrations
// (the upgrade test applies 0.1's alone) has nothing to sync.
const REFERENCE_DATA_SINCE = "20261130000000_fact_model";
const STORIES_SINCE = "20261201010000_near_duplicates";

// The key Prisma's engine takes for `migrate deploy`: two runners can never interleave.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const MIGRATIONS_TABLE_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {}

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

// Runs in one process are also queued per database: the embedded PGlite server multiplexes all
// connections onto one session, where an advisory lock cannot exclude anybody.
const runsInProcess = new Map<string, Promise<unknown>>();

export function migrateDatabase(connectionString: string, migrationsDir = path.resolve("prisma/migrations")): Promise<MigrationResult> {
  const previous = runsInProcess.get(connectionString) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => migrateExclusively(connectionString, migrationsDir));
  runsInProcess.set(connectionString, run);
  return run;
}

async function migrateExclusively(connectionString: string, migrationsDir: string): Promise<MigrationResult> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(MIGRATIONS_TABLE_DDL);
      const result = await applyPending(client, migrations);
      // Reference tables the SQL reads (units, rates, headline families) come from the code.
      if (migrations.some((migration) => migration.name >= REFERENCE_DATA_SINCE)) await syncReferenceData(client);
      // Articles stored before near-duplicate detection (or by a restore) get their signatures.
      if (migrations.some((migration) => migration.name >= STORIES_SINCE)) await indexUnsignedArticles(client);
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(client: pg.Client, migrations: { name: string; sql: string; checksum: string }[]): Promise<MigrationResult> {
  const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const attempts = rows.filter((row) => row.migration_name === migration.name && !row.rolled_back_at);
    if (attempts.some((row) => row.finished_at)) {
      result.alreadyApplied.push(migration.name);
      continue;
    }
    if (attempts.length > 0) {
      throw new MigrationError(
        `Migration ${migration.name} failed earlier and was not resolved. Fix the database, then ` +
          `mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE ` +
          `migration_name = '${migration.name}') and run npm run db:migrate again.`,
      );
    }
    await applyOne(client, migration);
    result.applied.push(migration.name);
  }
  return result;
}

async function applyOne(client: pg.Client, migration: { name: string; sql: string; checksum: string }) {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    // One simple-protocol query per file (no parameters), like Prisma's engine; wrapped in a
    // transaction so a failure leaves no half-applied schema behind.
    await client.query(`BEGIN;\n${migration.sql}\n;COMMIT;`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}

async function readMigrations(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
