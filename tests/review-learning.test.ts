// Review that teaches the extractor (issue 13): a proposal keeps its confidence and every quote of
// its figure; an editor's corrected subject becomes an alias of the entity and an evaluation case;
// the review queue accepts high-confidence proposals in one go.
import { afterAll, describe, expect, it } from "vitest";
import { acceptConfidentFacts, saveSubmission, setFactReview, undoDecision } from "@/lib/articles/mutations";
import { correctionCases } from "@/lib/data/corrections";
import { submissionSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { extractFacts } from "@/lib/extract/extract";

const OUTLET = "Review learning test";
const ARTICLE = "Unicom Orders 4,000 Servers From Inspur\n\nTelecom operator Unicom ordered 4,000 AI servers from Inspur this month, the company said.";

async function gazetteer() {
  return buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
}

async function submit(text: string, reviewStatus: "accepted" | "pending", edit: (subject: string | null) => string) {
  const { facts } = extractFacts(text, { gazetteer: await gazetteer(), published: new Date("2025-09-01T00:00:00Z") });
  return saveSubmission(
    submissionSchema.parse({
      article: { text, url: "", title: "", outlet: OUTLET, publishedAt: "2025-09-01" },
      events: [],
      reviewStatus,
      facts: facts.map((fact) => ({
        ...fact,
        subject: edit(fact.subject),
        proposedSubject: fact.subject,
        extraQuotes: fact.alsoQuoted,
        event: null,
        edited: edit(fact.subject) !== fact.subject,
      })),
    }),
  );
}

afterAll(async () => {
  await db.article.deleteMany({ where: { outlet: OUTLET } });
  for (const slug of ["china-unicom", "china-telecom"]) {
    const entity = await db.entity.findUnique({ where: { slug } });
    if (entity) await db.entity.update({ where: { slug }, data: { aliases: entity.aliases.filter((alias) => !["Unicom", "Telecom Co"].includes(alias)) } });
  }
});

describe("learning from editors", () => {
  it("stores the headline repeat as an extra quote and the confidence with the fact", async () => {
    const { articleId } = await submit(ARTICLE, "pending", (subject) => subject ?? "(unattributed)");
    const [fact] = await db.fact.findMany({ where: { articleId } });
    expect(Number(fact!.value)).toBe(4000);
    expect(fact!.extraQuotes).toEqual([{ quote: "Unicom Orders 4,000 Servers From Inspur", start: 0, end: 39 }]);
    expect(fact!.confidence).toBeGreaterThan(0);
    expect(fact!.confidence).toBeLessThanOrEqual(1);
    await db.article.delete({ where: { id: articleId } });
  });

  it("a corrected subject on /ingest becomes an alias and an evaluation case; the next article gets it right", async () => {
    const before = extractFacts(ARTICLE, { gazetteer: await gazetteer() }).facts[0]!;
    expect(before.subject).toBe("Unicom"); // not yet known as China Unicom
    const { articleId } = await submit(ARTICLE, "accepted", () => "China Unicom");
    const unicom = await db.entity.findUniqueOrThrow({ where: { slug: "china-unicom" } });
    expect(unicom.aliases).toContain("Unicom");
    const [correction] = await db.extractionCorrection.findMany({ where: { articleId } });
    expect(correction).toMatchObject({ field: "subject", proposed: "Unicom", corrected: "China Unicom" });
    expect(ARTICLE.slice(correction!.quoteStart, correction!.quoteEnd)).toContain("4,000");
    const [fact] = await db.fact.findMany({ where: { articleId } });
    expect(fact).toMatchObject({ subjectLabel: "China Unicom", subjectId: unicom.id, proposedSubject: "Unicom" });

    const next = "Telecom operator Unicom plans to buy 2,000 more AI servers next year, a filing shows.";
    expect(extractFacts(next, { gazetteer: await gazetteer() }).facts[0]?.subject).toBe("China Unicom");
  });

  it("the review queue: a corrected subject is learnt, a second click changes nothing, high confidence is accepted in bulk", async () => {
    const text = "Telecom Co ordered 1,500 accelerators from Nvidia, two people said.\n\nShares of Nvidia rose 2% on Tuesday.";
    const { articleId } = await submit(text, "pending", (subject) => subject ?? "(unattributed)");
    const facts = await db.fact.findMany({ where: { articleId }, orderBy: { quoteStart: "asc" } });
    const order = facts.find((f) => Number(f.value) === 1500)!;
    const move = facts.find((f) => Number(f.value) === 2)!;

    await setFactReview(order.id, "accepted", "China Telecom");
    expect(await db.fact.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ reviewStatus: "accepted", subjectLabel: "China Telecom", origin: "edited" });
    expect((await db.entity.findUniqueOrThrow({ where: { slug: "china-telecom" } })).aliases).toContain("Telecom Co");
    await expect(setFactReview(order.id, "accepted", "China Telecom")).rejects.toBeInstanceOf(NotFound);

    await db.fact.update({ where: { id: move.id }, data: { confidence: 0.95 } });
    const otherPending = await db.fact.count({ where: { reviewStatus: "pending", confidence: { gte: 0.9 }, NOT: { id: move.id } } });
    expect(await acceptConfidentFacts(0.9)).toBe(otherPending + 1);
    expect((await db.fact.findUniqueOrThrow({ where: { id: move.id } })).reviewStatus).toBe("accepted");
  });
});

describe("every decision is kept, can be undone, and becomes an evaluation case", () => {
  it("keeps the proposal as it was and the fact as accepted; undo puts it back; the case carries the accepted figure", async () => {
    const text = "Halberd Electronics ordered 2,400 accelerators from Nvidia, the company said on Monday.\n\nHalberd shares rose 4% on the news.";
    const { articleId } = await submit(text, "pending", (subject) => subject ?? "(unattributed)");
    const facts = await db.fact.findMany({ where: { articleId }, orderBy: { quoteStart: "asc" } });
    const order = facts.find((f) => Number(f.value) === 2400)!;
    const move = facts.find((f) => Number(f.value) === 4)!;

    const decisionId = await setFactReview(order.id, "accepted", "Halberd Electronics Co");
    const decision = await db.reviewDecision.findUniqueOrThrow({ where: { id: decisionId } });
    expect(decision).toMatchObject({ decision: "accepted", factId: order.id, articleId });
    expect(decision.proposal).toMatchObject({ value: 2400, unit: "units", subject: order.subjectLabel });
    expect(decision.final).toMatchObject({ value: 2400, subject: "Halberd Electronics Co" });

    await undoDecision(decisionId);
    expect(await db.fact.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ reviewStatus: "pending", subjectLabel: order.subjectLabel });
    expect(await db.reviewDecision.count({ where: { id: decisionId } })).toBe(0);
    await expect(undoDecision(decisionId)).rejects.toBeInstanceOf(NotFound);

    await setFactReview(order.id, "accepted");
    await setFactReview(move.id, "rejected");
    const [evaluationCase] = (await correctionCases(db)).filter((c) => c.text === text);
    expect(evaluationCase).toMatchObject({ published: "2025-09-01", rejected: 1 });
    expect(evaluationCase!.gold).toEqual([expect.objectContaining({ kind: "chip_order", value: 2400, unit: "units", quote: text.slice(order.quoteStart, order.quoteEnd) })]);
  });
});

describe("filing a reviewed fact under a stored event", () => {
  it("accepting under an event counts the fact there and links its parties; undo takes it back out", async () => {
    const text = "Cadence Design Systems will pay more than $140 million to settle U.S. charges over software sales to NUDT, the Justice Department said.";
    const { articleId } = await submit(text, "pending", (subject) => subject ?? "(unattributed)");
    const fact = (await db.fact.findMany({ where: { articleId } })).find((f) => Number(f.value) === 140_000_000)!;
    const cadencePlea = await db.event.findUniqueOrThrow({ where: { slug: "cadence-guilty-plea-2025" } });
    const decisionId = await setFactReview(fact.id, "accepted", undefined, cadencePlea.id);
    expect(await db.fact.findUniqueOrThrow({ where: { id: fact.id } })).toMatchObject({ reviewStatus: "accepted", eventId: cadencePlea.id });
    const cadence = await db.entity.findFirstOrThrow({ where: { name: "Cadence Design Systems" } });
    expect(await db.eventEntity.count({ where: { eventId: cadencePlea.id, entityId: cadence.id } })).toBe(1);
    expect((await db.reviewDecision.findUniqueOrThrow({ where: { id: decisionId } })).final).toMatchObject({ eventId: cadencePlea.id });
    await undoDecision(decisionId);
    expect(await db.fact.findUniqueOrThrow({ where: { id: fact.id } })).toMatchObject({ reviewStatus: "pending", eventId: null });
    await expect(setFactReview(fact.id, "accepted", undefined, 2147483647)).rejects.toBeInstanceOf(NotFound);
    expect((await db.fact.findUniqueOrThrow({ where: { id: fact.id } })).reviewStatus).toBe("pending"); // nothing half-done
  });
});
