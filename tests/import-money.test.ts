// A new article with a €4.5 million fine and a 450 million yuan order, imported and accepted as an
// editor would (`npm run import -- <file> --accept`): the penalties headline, the penalties chart's
// JSON and CSV include the fine in US dollars with its rate and month and keep the euro amount,
// and the order shows in yuan and in dollars. The imported rows are removed afterwards.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { buildChartExport } from "@/lib/export/build";
import { toCsv, toJson } from "@/lib/export/tables";
import { figureAmount, FACT_FIGURE_SELECT } from "@/lib/facts/figure";
import { getHeadlineNumbers } from "@/lib/facts/queries";
import { parseFilters } from "@/lib/filters/schema";
import { resolveEventScope } from "@/lib/filters/scope";
import { formatQuantity } from "@/lib/metrics/format";

const ARTICLE = `Dutch customs fines parts broker over shipments to China; Cambricon wins cloud order

Amsterdam, March 14 (Chipwatch) - The Dutch customs authority said on Thursday it had fined Veldhoven Precision Parts €4.5 million for shipping restricted lithography components to a buyer in China without an export licence.

The company, which supplies spare parts for chipmaking tools, did not contest the fine and said it had tightened its screening of customers.

Separately, Cambricon Technologies said a state-owned cloud operator had placed a 450 million yuan order for its Siyuan accelerators, the chip designer's largest contract since it was added to the US Entity List.
`;

const imported: { articleId: number | null } = { articleId: null };

afterAll(async () => {
  if (imported.articleId === null) return;
  const facts = await db.fact.findMany({ where: { articleId: imported.articleId }, select: { eventId: true } });
  const eventIds = [...new Set(facts.map((fact) => fact.eventId).filter((id): id is number => id !== null))];
  await db.$transaction([db.article.delete({ where: { id: imported.articleId } }), db.event.deleteMany({ where: { id: { in: eventIds } } })]);
});

describe("an article in euros and yuan, imported and accepted", () => {
  it("counts the fine in US dollars at its month's rate and keeps both currencies", async () => {
    const before = await getHeadlineNumbers(await resolveEventScope(parseFilters(new URLSearchParams()).filters));
    const dir = await mkdtemp(path.join(os.tmpdir(), "chipwatch-import-"));
    const file = path.join(dir, "dutch-fine.ndjson");
    await writeFile(file, `${JSON.stringify({ text: ARTICLE, title: "Dutch customs fines parts broker", outlet: "Chipwatch test wire", publishedAt: "2024-03-14" })}\n`);
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/import.ts", file, "--accept"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });
    expect(stdout).toMatch(/Imported 1 article\(s\)/);

    const article = await db.article.findFirstOrThrow({
      where: { title: "Dutch customs fines parts broker" },
      include: { facts: { select: { ...FACT_FIGURE_SELECT, eventId: true, event: { select: { type: true } } } } },
    });
    imported.articleId = article.id;
    const fine = article.facts.find((fact) => fact.unit === "EUR")!;
    const order = article.facts.find((fact) => fact.unit === "CNY")!;
    // The Fed's March 2024 averages: 1.0870 US dollars per euro, 7.2015 yuan per dollar.
    expect(figureAmount(fine)).toBe("€4.5M (≈ $4.89M at 1.09 $/EUR, Mar 2024)");
    expect(figureAmount(order)).toBe("¥450M (≈ $62.49M at 7.20 CNY/$, Mar 2024)");
    expect(fine.event?.type).toBe("penalty");
    expect(order.event?.type).toBe("chip_order");

    const scope = await resolveEventScope(parseFilters(new URLSearchParams()).filters);
    const after = await getHeadlineNumbers(scope);
    expect(after.penalties.value - before.penalties.value).toBeCloseTo(4_891_500, 0);
    expect(after.penalties.convertedFrom).toEqual(["EUR"]);
    expect(formatQuantity(after.penalties)).toBe("≥ $444.89M");

    const chart = await buildChartExport("penalties", scope, { origin: "http://chipwatch.test" });
    const json = JSON.parse(toJson(chart)) as { rows: { company: string; low: number; amounts: string; converted_from: string | null; unit: string }[] };
    const row = json.rows.find((r) => r.amounts.includes("€4.5M"))!;
    expect(row).toMatchObject({ low: 4_891_500, converted_from: "EUR", unit: "USD" });
    expect(row.amounts).toContain("€4.5M (≈ $4.89M at 1.09 $/EUR, Mar 2024)");
    expect(toCsv(chart.rows)).toContain("€4.5M (≈ $4.89M at 1.09 $/EUR, Mar 2024)");
  }, 120_000);
});
