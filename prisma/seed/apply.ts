// Writes a seed plan in one transaction. Idempotent: rows are keyed on stable identities (entity
// and event slugs, article URL and content hash, a fact's article + quote offsets + metric), and
// what already exists is left as it is — a second run changes nothing — with one exception, a
// revised seed: when an event's curated source moved to another page (../shared/data, revision of
// 2026-11-30: stronger sources), the event cites the new page, takes the date the new page gives,
// and each curated fact quoted from the old page moves to the new page's quote when the new page
// states the same figure; a figure the new page states differently is added beside the old one,
// as a second report, never written over it. Titles an earlier seed gave its pages ("Excerpts
// from <domain>") and source kinds no editor chose follow the data.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { articleContentHash } from "@/lib/articles/content-hash";
import { EXCERPT_SEPARATOR } from "@/lib/articles/excerpts";
import { indexUnsignedArticles } from "@/lib/articles/stories";
import { prismaQueryable } from "@/lib/database/reference-data";
import { isoDay } from "@/lib/events/partial-date";
import { excerptTitle, type SeedPlan } from "./plan";

export type SeedCounts = { entities: number; articles: number; events: number; facts: number; resourced: number };

export async function applySeedPlan(db: PrismaClient, plan: SeedPlan): Promise<SeedCounts> {
  return db.$transaction(
    async (tx) => {
      const created: SeedCounts = { entities: 0, articles: 0, events: 0, facts: 0, resourced: 0 };

      created.entities = (
        await tx.entity.createMany({
          data: plan.entities.map(({ slug, name, kind, country, aliases }) => ({
            slug,
            name,
            kind,
            country: country ?? null,
            aliases,
          })),
          skipDuplicates: true,
        })
      ).count;
      const entityIds = new Map((await tx.entity.findMany({ select: { id: true, slug: true } })).map((e) => [e.slug, e.id]));
      const idOf = (slug: string | null | undefined) => (slug ? (entityIds.get(slug) ?? null) : null);
      for (const entity of plan.entities) {
        if (!entity.parent && !entity.vendor) continue;
        // Only fill links that are still empty, so edits made in the app survive a re-seed.
        await tx.entity.updateMany({
          where: { slug: entity.slug, parentId: null, vendorId: null },
          data: { parentId: idOf(entity.parent), vendorId: idOf(entity.vendor) },
        });
      }

      created.articles = (
        await tx.article.createMany({
          data: plan.articles.map((article) => ({ ...article, contentHash: articleContentHash(article.text) })),
          skipDuplicates: true,
        })
      ).count;
      const articleIds = new Map(
        (await tx.article.findMany({ where: { url: { in: plan.articles.map((a) => a.url) } }, select: { id: true, url: true } })).map((a) => [a.url!, a.id]),
      );
      await tx.$executeRaw`
        UPDATE articles a
           SET title = CASE WHEN a.title LIKE 'Excerpts from %' THEN v.title ELSE a.title END,
               source_kind = CASE WHEN a.source_kind_by_editor THEN a.source_kind ELSE v.kind::"SourceKind" END
          FROM unnest(${plan.articles.map((a) => a.url)}::text[], ${plan.articles.map((a) => a.title)}::text[], ${plan.articles.map((a) => a.sourceKind)}::text[]) AS v(url, title, kind)
         WHERE a.url = v.url
           AND (a.title LIKE 'Excerpts from %' OR (NOT a.source_kind_by_editor AND a.source_kind IS DISTINCT FROM v.kind::"SourceKind"))`;
      // Pages an earlier seed quoted and this one no longer does keep their facts; they get a title too.
      for (const page of await tx.article.findMany({
        where: { textScope: "excerpts", title: { startsWith: "Excerpts from " } },
        select: { id: true, url: true, outlet: true, publishedAt: true },
      })) {
        if (!page.url || !page.outlet) continue;
        await tx.article.update({ where: { id: page.id }, data: { title: excerptTitle(page.url, page.outlet, page.publishedAt ? isoDay(page.publishedAt) : null) } });
      }
      created.resourced = await moveToRevisedSources(tx, plan, articleIds);
      await refreshExcerptTexts(tx, plan);

      created.events = (
        await tx.event.createMany({
          data: plan.events.map(({ entities: _entities, sourceArticleUrl, ...event }) => ({
            ...event,
            sourceArticleId: articleIds.get(sourceArticleUrl) ?? null,
          })),
          skipDuplicates: true,
        })
      ).count;
      const eventIds = new Map((await tx.event.findMany({ select: { id: true, slug: true } })).map((e) => [e.slug, e.id]));
      await tx.eventEntity.createMany({
        data: plan.events.flatMap((event) => event.entities.map(({ slug, role }) => ({ eventId: eventIds.get(event.slug)!, entityId: entityIds.get(slug)!, role }))),
        skipDuplicates: true,
      });

      created.facts = (
        await tx.fact.createMany({
          data: plan.facts.map(({ articleUrl, eventSlug, subjectSlug, objectSlug, productSlug, ...fact }) => ({
            ...fact,
            articleId: articleIds.get(articleUrl)!,
            eventId: eventSlug ? (eventIds.get(eventSlug) ?? null) : null,
            subjectId: idOf(subjectSlug),
            objectId: idOf(objectSlug),
            productId: idOf(productSlug),
            origin: "curated" as const,
            reviewStatus: "accepted" as const,
          })),
          skipDuplicates: true,
        })
      ).count;
      // Seeded articles take part in near-duplicate detection like any other.
      await indexUnsignedArticles(prismaQueryable(tx));
      await tx.seedState.upsert({ where: { id: 1 }, create: { id: 1, fingerprint: plan.fingerprint }, update: { fingerprint: plan.fingerprint, appliedAt: new Date() } });
      return created;
    },
    { timeout: 60_000 },
  );
}

/** Events whose curated source is another page in this plan than in the database; returns how many moved. */
async function moveToRevisedSources(tx: Prisma.TransactionClient, plan: SeedPlan, articleIds: Map<string, number>): Promise<number> {
  const stored = new Map(
    (await tx.event.findMany({ where: { slug: { in: plan.events.map((event) => event.slug) } }, select: { id: true, slug: true, sourceArticleId: true } })).map((event) => [
      event.slug,
      event,
    ]),
  );
  let moved = 0;
  for (const event of plan.events) {
    const current = stored.get(event.slug);
    const source = articleIds.get(event.sourceArticleUrl);
    if (!current || source === undefined || current.sourceArticleId === source) continue;
    moved++;
    await tx.event.update({ where: { id: current.id }, data: { sourceArticleId: source, date: event.date, datePrecision: event.datePrecision } });
    if (current.sourceArticleId === null) continue;
    const quoted = plan.facts.filter((fact) => fact.eventSlug === event.slug && fact.articleUrl === event.sourceArticleUrl);
    const earlier = await tx.fact.findMany({
      where: { eventId: current.id, articleId: current.sourceArticleId, origin: "curated" },
      select: { id: true, metric: true, subjectLabel: true, value: true, valueMax: true, bound: true },
    });
    for (const fact of earlier) {
      const same = quoted.find(
        (planned) =>
          planned.metric === fact.metric &&
          planned.subjectLabel === fact.subjectLabel &&
          Number(planned.value) === Number(fact.value) &&
          (planned.valueMax === null ? fact.valueMax === null : fact.valueMax !== null && Number(planned.valueMax) === Number(fact.valueMax)) &&
          planned.bound === fact.bound,
      );
      // The same figure, now quoted from the stronger page; another figure stays with its page.
      if (same) await tx.fact.update({ where: { id: fact.id }, data: { articleId: source, quote: same.quote, quoteStart: same.quoteStart, quoteEnd: same.quoteEnd } });
    }
  }
  return moved;
}

/**
 * A page the seed quotes from, whose excerpts the data revised (a quote added for an event that
 * moved to it, one dropped for an event that moved away): the stored text becomes the planned one,
 * keeping at its end any quote a fact on the page still needs, and every fact on the page finds
 * its quote again, so offsets always point at the quote. The page is signed again for
 * near-duplicate detection.
 */
async function refreshExcerptTexts(tx: Prisma.TransactionClient, plan: SeedPlan): Promise<void> {
  const planned = plan.articles.filter((article) => article.textScope === "excerpts");
  const stored = await tx.article.findMany({
    where: { url: { in: planned.map((article) => article.url) }, textScope: "excerpts" },
    select: { id: true, url: true, text: true, facts: { select: { id: true, quote: true }, orderBy: { quoteStart: "asc" } } },
  });
  const textOf = new Map(planned.map((article) => [article.url, article.text]));
  for (const article of stored) {
    const target = textOf.get(article.url!)!;
    if (article.text === target) continue;
    const kept = [...new Set(article.facts.map((fact) => fact.quote).filter((quote) => !target.includes(quote)))];
    const text = [target, ...kept].join(EXCERPT_SEPARATOR);
    await tx.article.update({ where: { id: article.id }, data: { text, contentHash: articleContentHash(text), minhash: [], storyId: null } });
    await tx.articleBand.deleteMany({ where: { articleId: article.id } });
    for (const fact of article.facts) {
      const quoteStart = text.indexOf(fact.quote);
      await tx.fact.update({ where: { id: fact.id }, data: { quoteStart, quoteEnd: quoteStart + fact.quote.length } });
    }
  }
}
