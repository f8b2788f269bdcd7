// The README's commands on the embedded default (issue 14): with no DATABASE_URL a script opens
// the embedded database itself when `npm start` is not running, uses the running app's when it is,
// and says clearly when the database is held but not served.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { prepareDatabase } from "@/lib/database/prepare";

const run = (script: string, args: string[], dataDir: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, CHIPWATCH_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.CHIPWATCH_EMBEDDED_DB;
  return promisify(execFile)("npx", ["tsx", script, ...args], { env }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
};
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill()));

describe("command-line scripts on the embedded database", () => {
  it("open it themselves when npm start is not running, and leave it unlocked", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chipwatch-data-"));
    const out = path.join(dataDir, "export.ndjson");
    const { code, stderr } = await run("scripts/data-export.ts", [out], dataDir);
    expect(code).toBe(0);
    expect(stderr).toContain("opened the embedded database");
    expect(readFileSync(out, "utf8").split("\n").filter(Boolean).length).toBeGreaterThan(100); // the seeded demo data
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  }, 120_000);

  it("use the running app's database, through its address", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chipwatch-data-"));
    const app = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite") });
    try {
      await prepareDatabase(app.url, { seed: "never" });
      const holder = spawn("sleep", ["60"]); // stands for the npm start process that holds the lock
      children.push(holder);
      writeFileSync(path.join(dataDir, "pglite.lock"), String(holder.pid));
      writeFileSync(path.join(dataDir, "pglite.address"), app.url);
      const article = path.join(dataDir, "note.txt");
      writeFileSync(article, "Halberd Electronics ordered 2,400 accelerators from Nvidia for a data centre in Ohio, the company said on Monday.");
      const { code, stderr } = await run("scripts/import.ts", [article], dataDir);
      expect(stderr).toContain(`using the embedded database of the running app (process ${holder.pid})`);
      expect(code).toBe(0);
      const client = new pg.Client({ connectionString: app.url });
      await client.connect();
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM facts f JOIN articles a ON a.id = f.article_id WHERE a.text LIKE 'Halberd%' AND f.review_status = 'pending'`,
      );
      await client.end();
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it("say so when the database is held but not served yet", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "chipwatch-data-"));
    const holder = spawn("sleep", ["60"]);
    children.push(holder);
    writeFileSync(path.join(dataDir, "pglite.lock"), String(holder.pid));
    const { code, stderr } = await run("scripts/data-export.ts", [path.join(dataDir, "x.ndjson")], dataDir);
    expect(code).not.toBe(0);
    expect(stderr).toContain(`is in use by process ${holder.pid} and is not serving yet`);
  }, 60_000);
});
