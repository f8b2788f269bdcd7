// A small reader of prisma/schema.prisma for the drift test: which tables, columns, indexes,
// foreign keys and enum values the schema promises, in PostgreSQL's terms.
// It covers the constructs our schema uses and throws on anything it does not understand.

export type ExpectedColumn = { name: string; udt: string; nullable: boolean };
export type ExpectedIndex = { columns: string[]; unique: boolean; method: "btree" | "gin" };
export type ExpectedForeignKey = { columns: string[]; table: string; onDelete: string };
export type ExpectedTable = {
  name: string;
  columns: ExpectedColumn[];
  primaryKey: string[];
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};
export type ExpectedSchema = { tables: ExpectedTable[]; enums: Record<string, string[]> };

const SCALAR_UDT: Record<string, string> = {
  Int: "int4",
  BigInt: "int8",
  String: "text",
  Boolean: "bool",
  DateTime: "timestamp",
  Decimal: "numeric",
  Float: "float8",
  Json: "jsonb",
};
const NATIVE_UDT: Record<string, string> = { Date: "date", Char: "bpchar", Decimal: "numeric", Text: "text", Timestamptz: "timestamptz", Real: "float4", SmallInt: "int2" };
const ON_DELETE: Record<string, string> = { Cascade: "CASCADE", SetNull: "SET NULL", Restrict: "RESTRICT", NoAction: "NO ACTION" };

export function readPrismaSchema(source: string): ExpectedSchema {
  const blocks = [...source.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enums: Record<string, string[]> = {};
  for (const [, kind, name, body] of blocks) {
    if (kind === "enum") enums[name!] = lines(body!).map((line) => line.split(/\s+/)[0]!);
  }
  const models = new Map(blocks.filter(([, kind]) => kind === "model").map(([, , name, body]) => [name!, body!]));
  const tableName = (model: string) => /@@map\("([^"]+)"\)/.exec(models.get(model) ?? "")?.[1] ?? model;

  const tables = [...models].map(([model, body]) => {
    const fieldToColumn = new Map<string, string>();
    const table: ExpectedTable = { name: tableName(model), columns: [], primaryKey: [], indexes: [], foreignKeys: [] };
    const modelAttributes: string[] = [];
    for (const line of lines(body)) {
      if (line.startsWith("@@")) {
        modelAttributes.push(line);
        continue;
      }
      const match = /^(\w+)\s+(\w+(?:\("[^"]+"\))?)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!match) throw new Error(`schema reader does not understand "${line}" in ${model}`);
      const [, field, type, modifier, attributes] = match as unknown as [string, string, string, string | undefined, string];
      if (models.has(type)) {
        const relation = /fields:\s*\[([^\]]+)\][^)]*references:\s*\[[^\]]+\](?:[^)]*onDelete:\s*(\w+))?/.exec(attributes);
        if (relation) {
          table.foreignKeys.push({
            columns: relation[1]!.split(",").map((f) => f.trim()),
            table: tableName(type),
            onDelete: ON_DELETE[relation[2] ?? (modifier === "?" ? "SetNull" : "Restrict")]!,
          });
        }
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? field;
      fieldToColumn.set(field, column);
      const native = /@db\.(\w+)/.exec(attributes)?.[1];
      const unsupported = /^Unsupported\("(\w+)"\)$/.exec(type)?.[1];
      const baseUdt = unsupported ?? (enums[type] ? type : native ? NATIVE_UDT[native] : SCALAR_UDT[type]);
      if (!baseUdt) throw new Error(`schema reader has no PostgreSQL type for ${model}.${field} (${type})`);
      const isList = modifier === "[]";
      table.columns.push({ name: column, udt: isList ? `_${baseUdt}` : baseUdt, nullable: modifier === "?" || isList });
      if (/@id\b/.test(attributes)) table.primaryKey = [column];
      if (/@unique\b/.test(attributes)) table.indexes.push({ columns: [column], unique: true, method: "btree" });
    }
    const columnsOf = (list: string) => list.split(",").map((f) => fieldToColumn.get(f.trim()) ?? f.trim());
    for (const attribute of modelAttributes) {
      const args = /^@@(\w+)\(\[([^\]]+)\](.*)\)$/.exec(attribute);
      if (!args) continue; // @@map
      const [, kind, list, rest] = args as unknown as [string, string, string, string];
      if (kind === "id") table.primaryKey = columnsOf(list);
      else if (kind === "unique") table.indexes.push({ columns: columnsOf(list), unique: true, method: "btree" });
      else if (kind === "index") table.indexes.push({ columns: columnsOf(list), unique: false, method: /type:\s*Gin/.test(rest) ? "gin" : "btree" });
      else throw new Error(`schema reader does not understand ${attribute}`);
    }
    for (const fk of table.foreignKeys) fk.columns = fk.columns.map((f) => fieldToColumn.get(f) ?? f);
    return table;
  });
  return { tables, enums };
}

function lines(body: string): string[] {
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter(Boolean);
}
