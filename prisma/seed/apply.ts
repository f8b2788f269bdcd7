// Writes a seed plan in one transaction. Idempotent: rows are keyed on stable identities (entity
// and event slugs, article URL and content hash, a fact's article + quote offsets + metric), and
// what already exists is left exactly as it is — a second run changes nothing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { articleContentHash } from "@/lib/articles/content-hash";
import { indexUnsignedArticles } from "@/lib/articles/stories";
import { prismaQueryable } from "@/lib/database/reference-data";
import type { SeedPlan } from "./plan";

export type SeedCounts = { entities: number; articles: number; events: number; facts: number };

export async function applySeedPlan(db: PrismaClient, plan: SeedPlan): Promise<SeedCounts> {
  return db.$transaction(
    async (tx) => {
      const created: SeedCounts = { entities: 0, articles: 0, events: 0, facts: 0 };

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
      return created;
    },
    { timeout: 60_000 },
  );
}
