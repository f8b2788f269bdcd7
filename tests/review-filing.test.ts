// Filing a fed article from the review queue (issue 14): the queue suggests the stored event an
// article reports on, with its reasons; filing the article under it makes the article one more
// source of the event (and a different figure a conflicting report); another article can start two
// new events; a forged or already-reviewed fact refuses the whole filing.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { importArticle } from "@/lib/articles/import";
import { fileArticleFacts } from "@/lib/articles/mutations";
import { pendingFacts, queueArticles } from "@/lib/articles/review-queue";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { readablePage } from "@/lib/intake/page";

const OUTLET = "Tech Policy Wire";
const page = (file: string, path: string) =>
  readablePage(readFileSync(`tests/fixtures/feeds/${file}`, "utf8").replaceAll("{{ref}}", "unit"), `https://techpolicywire.example/${path}`);
const created: number[] = [];

async function gazetteer() {
  return buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
}

async function fed(file: string, path: string) {
  const article = page(file, path);
  const { articleId } = await importArticle(
    { text: article.text, url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt },
    await gazetteer(),
    { accept: false, source: article.url },
  );
  return articleId;
}

afterAll(async () => {
  await db.event.deleteMany({ where: { id: { in: created } } });
  await db.article.deleteMany({ where: { outlet: OUTLET } });
});

describe("filing an article from the review queue", () => {
  it("suggests the stored event with its reasons, and filing makes the article a further source with a conflicting figure", async () => {
    const articleId = await fed("cadence-plea.html", "2025/07/29/cadence-plea");
    const cadence = await db.event.findUniqueOrThrow({ where: { slug: "cadence-guilty-plea-2025" }, select: { id: true } });
    const { facts } = await pendingFacts({ outlet: OUTLET });
    const [article] = (await queueArticles(facts)).filter((entry) => entry.id === articleId);
    expect(article!.facts.length).toBeGreaterThanOrEqual(2);
    expect(article!.suggestions[0]).toMatchObject({ id: cadence.id });
    expect(article!.suggestions[0]!.reason).toBe("same type (penalty), Cadence Design Systems + US Commerce Department (BIS), same day");

    const headline = await db.fact.findFirstOrThrow({ where: { articleId, value: 140_600_000 }, select: { id: true } });
    const before = await db.fact.findMany({ where: { eventId: cadence.id, reviewStatus: "accepted" }, select: { articleId: true, metric: true, value: true } });
    expect(await fileArticleFacts(articleId, [headline.id], { eventId: cadence.id })).toEqual({ eventId: cadence.id, accepted: 1 });

    const after = await db.fact.findMany({ where: { eventId: cadence.id, reviewStatus: "accepted" }, select: { articleId: true, metric: true, value: true } });
    expect(new Set(after.map((fact) => fact.articleId)).size).toBe(new Set(before.map((fact) => fact.articleId)).size + 1);
    // The stored total and the fed one disagree: both are kept, as two reports of one penalty.
    const totals = after.filter((fact) => fact.metric === "penalty_amount").map((fact) => Number(fact.value));
    expect(totals).toContain(140_600_000);
    expect(new Set(totals).size).toBeGreaterThan(1);
    const decision = await db.reviewDecision.findFirstOrThrow({ where: { factId: headline.id } });
    expect(decision).toMatchObject({ decision: "accepted", final: expect.objectContaining({ eventId: cadence.id }) });
    // The other proposals of the article still wait.
    expect(await db.fact.count({ where: { articleId, reviewStatus: "pending" } })).toBe(article!.facts.length - 1);
  });

  it("starts two events from one article, and refuses a filing that names another article's fact", async () => {
    const articleId = await fed("two-events.html", "2025/10/03/weekly-brief");
    const [order, fine] = await db.fact.findMany({ where: { articleId, reviewStatus: "pending" }, orderBy: { quoteStart: "asc" }, select: { id: true, unit: true } });
    expect([order!.unit, fine!.unit]).toEqual(["units", "SGD"]);
    const first = await fileArticleFacts(articleId, [order!.id], { newEvent: { title: "Zhipu AI orders 20,000 Ascend 910C chips", type: "chip_order", date: "2025-10" } });
    const second = await fileArticleFacts(articleId, [fine!.id], { newEvent: { title: "Singapore court fines a server distributor S$1.2M", type: "penalty", date: "2025-10-03" } });
    created.push(first.eventId, second.eventId);
    const events = await db.event.findMany({ where: { sourceArticleId: articleId }, orderBy: { id: "asc" }, include: { facts: { select: { id: true } } } });
    expect(events.map((event) => [event.type, event.datePrecision, event.facts.map((fact) => fact.id)])).toEqual([
      ["chip_order", "month", [order!.id]],
      ["penalty", "day", [fine!.id]],
    ]);

    const other = await db.fact.findFirstOrThrow({ where: { article: { outlet: OUTLET }, NOT: { articleId }, reviewStatus: "pending" }, select: { id: true } });
    const eventsBefore = await db.event.count();
    await expect(fileArticleFacts(articleId, [other.id], { newEvent: { title: "A forged filing of another fact", type: "other", date: "2025" } })).rejects.toBeInstanceOf(NotFound);
    await expect(fileArticleFacts(articleId, [order!.id], { eventId: first.eventId })).rejects.toBeInstanceOf(NotFound); // already accepted
    expect(await db.event.count()).toBe(eventsBefore);
    expect(await db.fact.findUniqueOrThrow({ where: { id: other.id }, select: { reviewStatus: true } })).toEqual({ reviewStatus: "pending" });
  });
});
