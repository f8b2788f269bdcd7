// Saving reviewed articles: one transaction, exact quotes, duplicates refused by the database —
// also when the same article is submitted many times at once.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { databasePoolSize } from "@/lib/database/config";
import { DuplicateArticleError, saveSubmission } from "@/lib/articles/mutations";
import { submissionSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { extractFacts } from "@/lib/extract/extract";

const seed = readFileSync("prisma/seed-data/seed-article.txt", "utf8");
// Real passages of the founding article, each new as a text of its own.
const section = (from: string, to: string) => seed.slice(seed.indexOf(from), seed.indexOf(to)).trim();

async function submissionFor(raw: string, reviewStatus: "accepted" | "pending") {
  // The form trims what is pasted before extraction; so do we.
  const text = raw.trim();
  const gazetteer = buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
  const { facts } = extractFacts(text, { gazetteer, published: new Date("2025-07-30T00:00:00Z") });
  return submissionSchema.parse({
    article: { text, url: "", title: "", outlet: "Aiwire (section)", publishedAt: "2025-07-30" },
    events: [{ title: "Section under test", type: "penalty", date: "2025-07-30" }],
    reviewStatus,
    facts: facts.map((fact) => ({ ...fact, subject: fact.subject ?? "(unattributed)", event: { newEvent: 0 }, edited: false })),
  });
}

// Other test files read the seeded database's totals: leave it as it was.
afterAll(async () => {
  await db.event.deleteMany({ where: { title: "Section under test" } });
  await db.article.deleteMany({ where: { outlet: "Aiwire (section)" } });
});

describe("saveSubmission", () => {
  it("writes the article, its event and its facts, each quote at its offsets", async () => {
    const text = section("Cadence Faces Penalty", "Broader Implications");
    const submission = await submissionFor(text, "pending");
    const { articleId, facts, events } = await saveSubmission(submission);
    expect(events).toBe(1);
    expect(facts).toBe(submission.facts.length);
    const stored = await db.article.findUniqueOrThrow({ where: { id: articleId }, include: { facts: true, events: true } });
    expect(stored.facts.map((f) => Number(f.value)).sort((a, b) => a - b)).toEqual(submission.facts.map((f) => f.value).sort((a, b) => a - b));
    expect(stored.facts.every((f) => stored.text.slice(f.quoteStart, f.quoteEnd) === f.quote && f.reviewStatus === "pending")).toBe(true);
    const fine = stored.facts.find((f) => Number(f.value) === 140_000_000);
    expect(fine, "the $140M penalty is stored").toBeDefined();
    expect(fine!.subjectId).toEqual(expect.any(Number));

    await expect(saveSubmission(await submissionFor(`  ${text.replace(/’/g, "'")}  `, "pending"))).rejects.toBeInstanceOf(DuplicateArticleError);
  });

  it("adds proposed entities and aliases in the same transaction, and links facts to them", async () => {
    const text = section("A significant challenge for Huawei", "Cadence Faces Penalty");
    const submission = await submissionFor(text, "accepted");
    submission.entities = [{ alias: "Huawei systems", of: "Huawei" }];
    await saveSubmission(submission);
    const huawei = await db.entity.findUniqueOrThrow({ where: { slug: "huawei" } });
    expect(huawei.aliases).toContain("Huawei systems");
    await db.entity.update({ where: { slug: "huawei" }, data: { aliases: huawei.aliases.filter((a) => a !== "Huawei systems") } });

    const bad = await submissionFor(section("The plea agreement includes", "Broader Implications"), "accepted");
    bad.entities = [{ alias: "X", of: "No Such Company" }];
    const before = await db.article.count();
    await expect(saveSubmission(bad)).rejects.toThrow(/no entity is called “No Such Company”/);
    expect(await db.article.count()).toBe(before);
  });

  it("refuses a quote that is not at its offsets, and writes nothing", async () => {
    const text = section("Huawei Scales Up Domestic AI", "A significant challenge");
    const submission = await submissionFor(text, "accepted");
    const before = await db.article.count();
    submission.facts[0] = { ...submission.facts[0]!, start: submission.facts[0]!.start + 1 };
    await expect(saveSubmission(submission)).rejects.toThrow(/is not at characters/);
    expect(await db.article.count()).toBe(before);
  });

  it("of 50 concurrent submissions of one article, exactly one gets in", async () => {
    // On PostgreSQL (CI runs this file on both) the submissions really overlap: ten connections.
    if (inject("databaseKind") === "postgres") expect(databasePoolSize()).toBeGreaterThan(1);
    const text = section("Nvidia Resumes H20 Shipments", "Huawei Scales Up Domestic AI");
    const submission = await submissionFor(text, "accepted");
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => saveSubmission(submission)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof DuplicateArticleError)).toHaveLength(49);
    const copies = await db.article.findMany({ where: { text }, include: { _count: { select: { facts: true } } } });
    expect(copies).toHaveLength(1);
    expect(copies[0]!._count.facts).toBe(submission.facts.length);
  });
});
