// The extraction CLI as it will be run on unseen articles: JSON on stdout and nothing else;
// a clear message and a non-zero exit for unreadable input.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = (args: string[]) =>
  promisify(execFile)("npx", ["tsx", "scripts/extract.ts", ...args], { env: { ...process.env, DATABASE_URL: "" } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe("npm run extract", () => {
  it("prints one JSON object with facts and entities whose offsets point at their quotes", async () => {
    const { code, stdout, stderr } = await run(["prisma/seed-data/seed-article.txt", "--published", "2025-07-30"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const output = JSON.parse(stdout) as {
      facts: { quote: string; start: number; end: number; value: number; unit: string; confidence: number }[];
      events: { type: string; date: string; quote: string; start: number; end: number }[];
      entities: { name: string }[];
    };
    const text = (await import("node:fs")).readFileSync("prisma/seed-data/seed-article.txt", "utf8");
    // 14 figures; the periods "between 2015 and 2021" and "since February 2015" date facts and an event.
    expect(output.facts.length).toBe(14);
    for (const fact of output.facts) expect(text.slice(fact.start, fact.end)).toBe(fact.quote);
    expect(Object.keys(output.facts[0]!)).toEqual([
      "kind",
      "metric",
      "subject",
      "object",
      "value",
      "valueMax",
      "unit",
      "approx",
      "bound",
      "date",
      "quote",
      "start",
      "end",
      "confidence",
    ]);
    for (const fact of output.facts) expect(fact.confidence).toBeGreaterThan(0);
    expect(output.events).toContainEqual(expect.objectContaining({ type: "entity_listing", date: "2015-02" }));
    for (const event of output.events) expect(text.slice(event.start, event.end)).toBe(event.quote);
    expect(output.entities.some((e) => e.name === "Huawei")).toBe(true);
  }, 60_000);

  it("exits non-zero with a message on stderr for a missing or binary file, or a bad date", async () => {
    const missing = await run(["no/such/file.txt"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/cannot read no\/such\/file\.txt/);
    const dir = await mkdtemp(path.join(os.tmpdir(), "chipwatch-cli-"));
    await writeFile(path.join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    expect((await run([path.join(dir, "binary.txt")])).stderr).toMatch(/not a text file/);
    expect((await run(["prisma/seed-data/seed-article.txt", "--published", "2025-13-45"])).stderr).toMatch(/--published/);
  }, 60_000);
});
