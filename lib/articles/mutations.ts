// Writes a reviewed article — the article, its new events and its facts — in one transaction.
// The same article twice (same URL or same normalised text) is refused by the database's unique
// indexes, so concurrent submissions cannot both get in.
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { articleContentHash } from "@/lib/articles/content-hash";
import type { NewEvent, Submission } from "@/lib/articles/schema";
import { findStory, indexArticle, type StoryMatch } from "@/lib/articles/stories";
import { db } from "@/lib/db";
import { prismaQueryable } from "@/lib/database/reference-data";
import { classifySource } from "@/lib/sources/kinds";
import { parsePartialDate } from "@/lib/events/partial-date";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventRole, SourceKind } from "@/lib/generated/prisma/enums";
import { applyChangeContext, type ChangeContext } from "@/lib/revisions/record";

export class DuplicateArticleError extends Conflict {
  constructor(readonly articleId: number) {
    super("duplicate_article", `This article is already in Chipwatch (article ${articleId}).`);
  }
}

export async function findDuplicateArticle(text: string, url: string | null) {
  return db.article.findFirst({
    where: { OR: [{ contentHash: articleContentHash(text) }, ...(url ? [{ url }] : [])] },
    select: { id: true, title: true, url: true },
  });
}

export async function saveSubmission(submission: Submission, client = db): Promise<{ articleId: number; facts: number; events: number; story: StoryMatch | null }> {
  const { article, facts, events, reviewStatus } = submission;
  for (const fact of facts) {
    for (const quote of [fact, ...fact.extraQuotes]) {
      if (article.text.slice(quote.start, quote.end) !== quote.quote) {
        throw new InvalidInput("quote_mismatch", `The quote “${quote.quote.slice(0, 60)}” is not at characters ${quote.start}–${quote.end} of the article.`);
      }
    }
    if (fact.event && "newEvent" in fact.event && fact.event.newEvent >= events.length) {
      throw new InvalidInput("unknown_event", "A fact points at a new event that was not submitted.");
    }
  }
  try {
    return await client.$transaction(
      async (tx) => {
        // Proposed entities and aliases first, so facts can name them.
        for (const proposal of submission.entities) {
          if ("name" in proposal) {
            await tx.entity.createMany({ data: [{ name: proposal.name, slug: slugify(proposal.name) || `entity-${Date.now()}`, kind: proposal.kind }], skipDuplicates: true });
          } else {
            const target = await tx.entity.findFirst({ where: { OR: [{ name: { equals: proposal.of, mode: "insensitive" } }, { aliases: { has: proposal.of } }] } });
            if (!target) throw new InvalidInput("unknown_entity", `Cannot add the alias “${proposal.alias}”: no entity is called “${proposal.of}”.`);
            if (!target.aliases.includes(proposal.alias)) await tx.entity.update({ where: { id: target.id }, data: { aliases: { push: proposal.alias } } });
          }
        }
        const entities = await tx.entity.findMany({ select: { id: true, name: true, aliases: true, kind: true } });
        const byName = new Map<string, { id: number; kind: string }>();
        for (const entity of entities) for (const name of [entity.name, ...entity.aliases]) byName.set(name.toLowerCase(), entity);
        const resolve = (name: string | null) => (name ? (byName.get(name.toLowerCase()) ?? null) : null);

        const title =
          article.title ??
          article.text
            .split("\n")
            .find((line) => line.trim())!
            .trim()
            .slice(0, 300);
        // A republished copy of a stored story joins it as a further source.
        const story = await findStory(prismaQueryable(tx), article.text);
        const created = await tx.article.create({
          data: {
            url: article.url,
            title,
            outlet: article.outlet,
            publishedAt: article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null,
            text: article.text,
            contentHash: articleContentHash(article.text),
            sourceKind: classifySource({ url: article.url, outlet: article.outlet }).kind,
          },
          select: { id: true },
        });
        await indexArticle(prismaQueryable(tx), created.id, article.text, story?.storyId ?? null);

        const eventIds: number[] = [];
        for (const event of events) {
          const when = parsePartialDate(event.date);
          const slug = `${slugify(event.title)}-${created.id}-${eventIds.length + 1}`;
          const row = await tx.event.create({
            data: { slug, title: event.title, type: event.type, date: when.date, datePrecision: when.precision, sourceArticleId: created.id, claimStatus: "reported" },
            select: { id: true },
          });
          eventIds.push(row.id);
        }

        const links = new Map<string, { eventId: number; entityId: number; role: EventRole }>();
        const rows = facts.map((fact) => {
          const subject = resolve(fact.subject);
          const object = resolve(fact.object);
          const eventId = fact.event ? ("newEvent" in fact.event ? eventIds[fact.event.newEvent]! : fact.event.eventId) : null;
          if (eventId) for (const link of eventLinks(eventId, subject, object)) links.set(`${eventId}:${link.entityId}`, link);
          const when = fact.date ? parsePartialDate(fact.date) : null;
          return {
            metric: fact.metric,
            qualifiers: fact.qualifiers,
            status: fact.status,
            value: new Prisma.Decimal(fact.value),
            valueMax: fact.valueMax === null ? null : new Prisma.Decimal(fact.valueMax),
            bound: fact.valueMax === null ? fact.bound : ("range" as const),
            unit: fact.unit,
            subjectId: subject?.id ?? null,
            subjectLabel: fact.subject,
            objectId: object?.id ?? null,
            objectLabel: fact.object,
            date: when?.date ?? null,
            datePrecision: when?.precision ?? null,
            articleId: created.id,
            quote: fact.quote,
            quoteStart: fact.start,
            quoteEnd: fact.end,
            origin: fact.edited ? ("edited" as const) : ("extracted" as const),
            reviewStatus,
            eventId,
            confidence: fact.confidence,
            extraQuotes: fact.extraQuotes,
            proposedSubject: corrected(fact) ? fact.proposedSubject : null,
          };
        });
        if (rows.length) await tx.fact.createMany({ data: rows, skipDuplicates: true });
        const savedIds = new Map(
          (await tx.fact.findMany({ where: { articleId: created.id }, select: { id: true, quoteStart: true, subjectLabel: true, metric: true } })).map((row) => [
            `${row.quoteStart}:${row.metric}:${row.subjectLabel}`,
            row.id,
          ]),
        );
        // Every decision an editor took on /ingest is kept with the proposal it was taken on.
        if (reviewStatus === "accepted") {
          await tx.reviewDecision.createMany({
            data: [
              ...facts.flatMap((fact) =>
                fact.proposal
                  ? [
                      {
                        factId: savedIds.get(`${fact.start}:${fact.metric}:${fact.subject}`) ?? null,
                        articleId: created.id,
                        decision: "accepted",
                        proposal: fact.proposal,
                        final: {
                          metric: fact.metric,
                          value: fact.value,
                          valueMax: fact.valueMax,
                          unit: fact.unit,
                          bound: fact.bound,
                          subject: fact.subject,
                          object: fact.object,
                          date: fact.date,
                          quote: fact.quote,
                          start: fact.start,
                          end: fact.end,
                          confidence: fact.confidence,
                        },
                      },
                    ]
                  : [],
              ),
              ...submission.rejected.map((proposal) => ({ factId: null, articleId: created.id, decision: "rejected", proposal, final: Prisma.DbNull })),
            ],
          });
        }
        await learnFromCorrections(
          tx,
          facts.filter(corrected).map((fact) => ({
            factId: savedIds.get(`${fact.start}:${fact.metric}:${fact.subject}`) ?? null,
            articleId: created.id,
            proposed: fact.proposedSubject!,
            corrected: fact.subject,
            quote: fact.quote,
            start: fact.start,
            end: fact.end,
          })),
        );
        if (links.size) await tx.eventEntity.createMany({ data: [...links.values()], skipDuplicates: true });
        return { articleId: created.id, facts: rows.length, events: eventIds.length, story };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await findDuplicateArticle(article.text, article.url);
      throw new DuplicateArticleError(existing?.id ?? 0);
    }
    throw error;
  }
}

type LinkedEntity = { id: number; kind: string } | null;

/** How a fact's subject and object join its event: products and authorities by their kind. */
function eventLinks(eventId: number, subject: LinkedEntity, object: LinkedEntity): { eventId: number; entityId: number; role: EventRole }[] {
  const links: { eventId: number; entityId: number; role: EventRole }[] = [];
  for (const [entity, role] of [
    [subject, "subject"],
    [object, "counterparty"],
  ] as const) {
    if (!entity) continue;
    const isProduct = entity.kind === "chip" || entity.kind === "system";
    const isAuthority = entity.kind === "agency" || entity.kind === "government";
    links.push({ eventId, entityId: entity.id, role: isProduct ? "product" : isAuthority ? "authority" : role });
  }
  return links;
}

const corrected = (fact: Submission["facts"][number]) => fact.proposedSubject !== null && fact.proposedSubject !== fact.subject;

type Transaction = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** An editor's correction of a proposed subject: where it is in the article and what it became. */
type SubjectCorrection = { factId: number | null; articleId: number; proposed: string; corrected: string; quote: string; start: number; end: number };

/**
 * An editor who corrects a proposed subject teaches the extractor twice: the name the article used
 * becomes an alias of the entity the editor chose (when no entity has that name yet), and the
 * correction is kept as an evaluation case (`npm run eval:extract` checks the extractor on it).
 */
async function learnFromCorrections(tx: Transaction, corrections: SubjectCorrection[]) {
  if (!corrections.length) return;
  const entities = await tx.entity.findMany({ select: { id: true, name: true, aliases: true } });
  const byName = new Map<string, { id: number; aliases: string[] }>();
  for (const entity of entities) for (const name of [entity.name, ...entity.aliases]) byName.set(name.toLowerCase(), entity);
  for (const correction of corrections) {
    await tx.extractionCorrection.create({
      data: {
        factId: correction.factId,
        articleId: correction.articleId,
        field: "subject",
        proposed: correction.proposed,
        corrected: correction.corrected,
        quoteStart: correction.start,
        quoteEnd: correction.end,
      },
    });
    const target = byName.get(correction.corrected.toLowerCase());
    const alias = correction.proposed;
    // Only a name the quote itself uses, that no entity has yet, and not a word fragment.
    if (!target || byName.has(alias.toLowerCase()) || alias.length < 3 || !correction.quote.includes(alias)) continue;
    await tx.entity.update({ where: { id: target.id }, data: { aliases: { push: alias } } });
    target.aliases.push(alias);
    byName.set(alias.toLowerCase(), target);
  }
}

// What a decision keeps of a fact: the figure, who it is about, where the text says it.
const DECISION_FIELDS = {
  metric: true,
  value: true,
  valueMax: true,
  unit: true,
  bound: true,
  subjectLabel: true,
  objectLabel: true,
  date: true,
  quote: true,
  quoteStart: true,
  quoteEnd: true,
  confidence: true,
  eventId: true,
} as const;

type DecisionFact = { id: number; articleId: number } & Record<keyof typeof DECISION_FIELDS, unknown>;

function asProposal(fact: DecisionFact, subject?: string, eventId?: number): Prisma.InputJsonValue {
  return {
    eventId: eventId ?? (fact.eventId as number | null) ?? null,
    metric: String(fact.metric),
    value: Number(fact.value),
    valueMax: fact.valueMax === null ? null : Number(fact.valueMax),
    unit: String(fact.unit),
    bound: String(fact.bound),
    subject: subject ?? String(fact.subjectLabel),
    object: (fact.objectLabel as string | null) ?? null,
    date: fact.date instanceof Date ? fact.date.toISOString().slice(0, 10) : null,
    quote: String(fact.quote),
    start: Number(fact.quoteStart),
    end: Number(fact.quoteEnd),
    confidence: fact.confidence === null ? null : Number(fact.confidence),
  };
}

/**
 * Accepts or rejects a pending fact, and keeps the decision (the proposal as it was, the fact as
 * accepted). Accepting with another subject than the proposed one is a correction: the fact takes
 * the new subject (resolved to an entity by name or alias) and the correction is learnt from (see
 * learnFromCorrections). Returns the decision's id, for undo.
 */
export async function setFactReview(factId: number, status: "accepted" | "rejected", subject?: string, eventId?: number, context?: ChangeContext): Promise<number> {
  return db.$transaction(async (tx) => {
    await applyChangeContext(tx, context);
    return decideFact(tx, factId, status, subject, eventId);
  });
}

/** One editor decision on one pending fact, inside the caller's transaction (see setFactReview). */
async function decideFact(tx: Prisma.TransactionClient, factId: number, status: "accepted" | "rejected", subject?: string, eventId?: number): Promise<number> {
  const fact = await tx.fact.findFirst({ where: { id: factId, reviewStatus: "pending" }, select: { id: true, articleId: true, ...DECISION_FIELDS } });
  if (!fact) throw new NotFound("fact_not_pending", `Fact ${factId} is not waiting for review.`);
  const correction = status === "accepted" && subject !== undefined && subject !== fact.subjectLabel ? subject : null;
  // The update re-checks "still pending": of two clicks racing, the second finds nothing to do.
  const stillPending = { id: fact.id, reviewStatus: "pending" as const };
  if (correction) {
    const entity = await tx.entity.findFirst({ where: { OR: [{ name: { equals: correction, mode: "insensitive" } }, { aliases: { has: correction } }] }, select: { id: true } });
    const updated = await tx.fact.updateMany({
      where: stillPending,
      data: { reviewStatus: status, subjectLabel: correction, subjectId: entity?.id ?? null, proposedSubject: fact.subjectLabel, origin: "edited" },
    });
    if (updated.count === 0) throw new NotFound("fact_not_pending", `Fact ${factId} is not waiting for review.`);
    await learnFromCorrections(tx, [
      { factId: fact.id, articleId: fact.articleId, proposed: fact.subjectLabel, corrected: correction, quote: fact.quote, start: fact.quoteStart, end: fact.quoteEnd },
    ]);
  } else {
    const updated = await tx.fact.updateMany({ where: stillPending, data: { reviewStatus: status } });
    if (updated.count === 0) throw new NotFound("fact_not_pending", `Fact ${factId} is not waiting for review.`);
  }
  // Accepted under a stored event: the fact counts for it, and its parties join the event.
  if (status === "accepted" && eventId !== undefined) {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
    if (!event) throw new NotFound("event_not_found", `There is no event ${eventId}.`);
    const linked = await tx.fact.update({
      where: { id: fact.id },
      data: { eventId },
      select: { subject: { select: { id: true, kind: true } }, object: { select: { id: true, kind: true } } },
    });
    await tx.eventEntity.createMany({ data: eventLinks(eventId, linked.subject, linked.object), skipDuplicates: true });
  }
  const decision = await tx.reviewDecision.create({
    data: {
      factId: fact.id,
      articleId: fact.articleId,
      decision: status,
      proposal: asProposal(fact),
      final: status === "accepted" ? asProposal(fact, correction ?? undefined, eventId) : Prisma.DbNull,
    },
    select: { id: true },
  });
  return decision.id;
}

export type FilingTarget = { eventId: number } | { newEvent: NewEvent };

/**
 * Files pending facts of one article under an event and accepts them: a stored event gains the
 * article as a further source (a different figure for the same quantity shows as a conflicting
 * report), or a new event is recorded from the article. Calling it twice with two new events makes
 * two events of one article. All or nothing: a fact reviewed meanwhile, or one of another article,
 * refuses the whole filing.
 */
export async function fileArticleFacts(articleId: number, factIds: number[], target: FilingTarget, context?: ChangeContext): Promise<{ eventId: number; accepted: number }> {
  if (!factIds.length) throw new InvalidInput("no_facts", "Choose at least one fact to file under the event.");
  return db.$transaction(async (tx) => {
    await applyChangeContext(tx, context);
    const owned = await tx.fact.count({ where: { id: { in: factIds }, articleId, reviewStatus: "pending" } });
    if (owned !== new Set(factIds).size) throw new NotFound("fact_not_pending", `Some of these facts are not waiting for review in article ${articleId}.`);
    let eventId: number;
    if ("eventId" in target) {
      eventId = target.eventId;
    } else {
      const when = parsePartialDate(target.newEvent.date);
      const count = await tx.event.count({ where: { sourceArticleId: articleId } });
      const row = await tx.event.create({
        data: {
          slug: `${slugify(target.newEvent.title)}-${articleId}-${count + 1}-${Date.now().toString(36)}`,
          title: target.newEvent.title,
          type: target.newEvent.type,
          date: when.date,
          datePrecision: when.precision,
          sourceArticleId: articleId,
          claimStatus: "reported",
        },
        select: { id: true },
      });
      eventId = row.id;
    }
    for (const factId of new Set(factIds)) await decideFact(tx, factId, "accepted", undefined, eventId);
    return { eventId, accepted: new Set(factIds).size };
  });
}

/**
 * Takes a decision back: the fact waits for review again, with the subject it was proposed with,
 * and the decision is forgotten. Only the latest decision on a fact that is still as decided.
 */
export async function undoDecision(decisionId: number, context?: ChangeContext): Promise<void> {
  await db.$transaction(async (tx) => {
    await applyChangeContext(tx, context);
    const decision = await tx.reviewDecision.findUnique({ where: { id: decisionId } });
    if (!decision?.factId) throw new NotFound("decision_not_found", `Decision ${decisionId} cannot be undone.`);
    const latest = await tx.reviewDecision.findFirst({ where: { factId: decision.factId }, orderBy: { id: "desc" }, select: { id: true } });
    if (latest?.id !== decision.id) throw new NotFound("decision_not_latest", `Decision ${decisionId} is not the latest on its fact.`);
    const proposal = decision.proposal as { subject: string; eventId?: number | null };
    const restored = await tx.fact.updateMany({
      where: { id: decision.factId, reviewStatus: decision.decision as "accepted" | "rejected" },
      data: { reviewStatus: "pending", subjectLabel: proposal.subject, proposedSubject: null, eventId: proposal.eventId ?? null },
    });
    if (restored.count === 0) throw new NotFound("decision_not_found", `Decision ${decisionId} cannot be undone: its fact changed since.`);
    await tx.extractionCorrection.deleteMany({ where: { factId: decision.factId, createdAt: { gte: decision.decidedAt } } });
    await tx.reviewDecision.delete({ where: { id: decision.id } });
  });
}

/**
 * Accepts every pending fact the extractor proposed with at least this confidence (from one feed,
 * in one outlet, of some metrics, when given), keeping each decision; returns how many.
 */
export async function acceptConfidentFacts(threshold: number, only: { feed?: number; outlet?: string; metrics?: string[] } = {}): Promise<number> {
  // One statement: of two bulk accepts racing, each fact is accepted (and recorded) once.
  const rows = await db.$queryRaw<{ count: number }[]>`
    WITH accepted AS (
      UPDATE facts SET review_status = 'accepted'
       WHERE review_status = 'pending' AND confidence >= ${threshold}
         AND (${only.outlet ?? null}::text IS NULL OR article_id IN (SELECT id FROM articles WHERE outlet = ${only.outlet ?? null}))
         AND (${only.feed ?? null}::int IS NULL OR article_id IN (SELECT article_id FROM feed_items WHERE feed_id = ${only.feed ?? null}::int))
         AND (${only.metrics ?? null}::text[] IS NULL OR metric = ANY(${only.metrics ?? null}::text[]))
      RETURNING id, article_id, jsonb_build_object(
        'metric', metric, 'value', value::float8, 'valueMax', value_max::float8, 'unit', unit, 'bound', bound,
        'subject', subject_label, 'object', object_label, 'date', date::text, 'quote', quote,
        'start', quote_start, 'end', quote_end, 'confidence', confidence) AS proposal
    ), recorded AS (
      INSERT INTO review_decisions (fact_id, article_id, decision, proposal, final)
      SELECT id, article_id, 'accepted', proposal, proposal FROM accepted RETURNING 1
    )
    SELECT count(*)::int AS count FROM recorded`;
  return rows[0]?.count ?? 0;
}
function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/** An editor's choice of an article's source kind: kept, never derived from the domain list again. */
export async function setArticleSourceKind(articleId: number, kind: SourceKind): Promise<void> {
  const updated = await db.article.updateMany({ where: { id: articleId }, data: { sourceKind: kind, sourceKindByEditor: true } });
  if (updated.count === 0) throw new NotFound("article_not_found", `There is no article ${articleId}.`);
}
