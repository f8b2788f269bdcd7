// Writes a reviewed article — the article, its new events and its facts — in one transaction.
// The same article twice (same URL or same normalised text) is refused by the database's unique
// indexes, so concurrent submissions cannot both get in.
import { Conflict, InvalidInput, NotFound } from "@/lib/errors";
import { articleContentHash } from "@/lib/articles/content-hash";
import type { Submission } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { parsePartialDate } from "@/lib/events/partial-date";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventRole } from "@/lib/generated/prisma/enums";

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

export async function saveSubmission(submission: Submission, client = db): Promise<{ articleId: number; facts: number; events: number }> {
  const { article, facts, events, reviewStatus } = submission;
  for (const fact of facts) {
    if (article.text.slice(fact.start, fact.end) !== fact.quote) {
      throw new InvalidInput("quote_mismatch", `The quote “${fact.quote.slice(0, 60)}” is not at characters ${fact.start}–${fact.end} of the article.`);
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
        const created = await tx.article.create({
          data: {
            url: article.url,
            title,
            outlet: article.outlet,
            publishedAt: article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null,
            text: article.text,
            contentHash: articleContentHash(article.text),
          },
          select: { id: true },
        });

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
          for (const [entity, role] of [
            [subject, "subject"],
            [object, "counterparty"],
          ] as const) {
            if (!entity || !eventId) continue;
            const isProduct = entity.kind === "chip" || entity.kind === "system";
            const isAuthority = entity.kind === "agency" || entity.kind === "government";
            links.set(`${eventId}:${entity.id}`, { eventId, entityId: entity.id, role: isProduct ? "product" : isAuthority ? "authority" : role });
          }
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
          };
        });
        if (rows.length) await tx.fact.createMany({ data: rows, skipDuplicates: true });
        if (links.size) await tx.eventEntity.createMany({ data: [...links.values()], skipDuplicates: true });
        return { articleId: created.id, facts: rows.length, events: eventIds.length };
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

export async function setFactReview(factId: number, status: "accepted" | "rejected") {
  const updated = await db.fact.updateMany({ where: { id: factId, reviewStatus: "pending" }, data: { reviewStatus: status } });
  if (updated.count === 0) throw new NotFound("fact_not_pending", `Fact ${factId} is not waiting for review.`);
}

function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
