// A freshly migrated database must be exactly what prisma/schema.prisma describes: every table,
// column, type, nullability, primary key, unique, index, foreign key and enum value. If someone
// edits the schema without a migration (or the reverse), this fails and names the difference.
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/database/migrate";
import { withFreshDatabase } from "./support/fresh-database";
import { readPrismaSchema, type ExpectedIndex } from "./support/prisma-schema";

const expected = readPrismaSchema(readFileSync("prisma/schema.prisma", "utf8"));

describe("migrations match schema.prisma", () => {
  it("creates exactly the tables, columns, keys, indexes and enums the schema declares", async () => {
    const actual = await withFreshDatabase(async (url) => {
      await migrateDatabase(url);
      return introspect(url);
    });

    expect(Object.keys(actual.tables).sort()).toEqual(expected.tables.map((t) => t.name).sort());
    for (const table of expected.tables) {
      const live = actual.tables[table.name]!;
      expect(live.columns, `columns of ${table.name}`).toEqual(Object.fromEntries(table.columns.map((c) => [c.name, { udt: c.udt, nullable: c.nullable }])));
      expect(live.primaryKey, `primary key of ${table.name}`).toEqual(table.primaryKey);
      expect(live.indexes.map(indexKey).sort(), `indexes of ${table.name}`).toEqual(table.indexes.map(indexKey).sort());
      expect(live.foreignKeys.map((fk) => JSON.stringify(fk)).sort(), `foreign keys of ${table.name}`).toEqual(table.foreignKeys.map((fk) => JSON.stringify(fk)).sort());
    }
    expect(actual.enums).toEqual(expected.enums);
  });

  it("reads every model of the schema (the reader itself is not silently skipping)", () => {
    const modelCount = readFileSync("prisma/schema.prisma", "utf8").match(/^model\s/gm)?.length;
    expect(expected.tables).toHaveLength(modelCount!);
    const facts = expected.tables.find((t) => t.name === "facts")!;
    expect(facts.columns.find((c) => c.name === "value_max")).toEqual({ name: "value_max", udt: "numeric", nullable: true });
    expect(facts.indexes).toContainEqual({
      columns: ["article_id", "quote_start", "quote_end", "metric", "value", "qualifiers", "subject_label"],
      unique: true,
      method: "btree",
    });
  });
});

function indexKey(index: ExpectedIndex) {
  return `${index.unique ? "unique " : ""}${index.method}(${index.columns.join(",")})`;
}

type LiveTable = {
  columns: Record<string, { udt: string; nullable: boolean }>;
  primaryKey: string[];
  indexes: ExpectedIndex[];
  foreignKeys: { columns: string[]; table: string; onDelete: string }[];
};

async function introspect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, LiveTable> = {};
    const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    );
    for (const column of columns.rows) {
      const table = (tables[column.table_name] ??= { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] });
      table.columns[column.column_name] = { udt: column.udt_name, nullable: column.is_nullable === "YES" };
    }
    const indexes = await client.query<{ table_name: string; is_primary: boolean; is_unique: boolean; method: string; columns: string[] }>(
      `SELECT t.relname AS table_name, i.indisprimary AS is_primary, i.indisunique AS is_unique, am.amname AS method,
              array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_am am ON am.oid = ic.relam
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       -- Partial indexes (migration 20261129030000_scale_indexes) have no schema.prisma form;
       -- tests/query-plans.test.ts proves they are used.
       WHERE t.relname <> '_prisma_migrations' AND i.indpred IS NULL
       GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique, am.amname`,
    );
    for (const index of indexes.rows) {
      const table = tables[index.table_name]!;
      if (index.is_primary) table.primaryKey = index.columns;
      else table.indexes.push({ columns: index.columns, unique: index.is_unique, method: index.method as "btree" | "gin" });
    }
    const foreignKeys = await client.query<{ table_name: string; columns: string[]; target: string; on_delete: string }>(
      `SELECT t.relname AS table_name, ft.relname AS target,
              (SELECT array_agg(a.attname ORDER BY k.ordinality)::text[]
                 FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'a' THEN 'NO ACTION' ELSE 'SET DEFAULT' END AS on_delete
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_class ft ON ft.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
       WHERE c.contype = 'f'`,
    );
    for (const fk of foreignKeys.rows) {
      tables[fk.table_name]!.foreignKeys.push({ columns: fk.columns, table: fk.target, onDelete: fk.on_delete });
    }
    const enumRows = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
       GROUP BY t.typname`,
    );
    return { tables, enums: Object.fromEntries(enumRows.rows.map((row) => [row.name, row.labels])) };
  } finally {
    await client.end();
  }
}
