// One article into Chipwatch: extracted, its proposals saved as pending review (or accepted under
// events), a republished copy filed under its story's event. Shared by `npm run import` and the
// feed poller (lib/feeds/poll.ts).
import path from "node:path";
import { saveSubmission } from "@/lib/articles/mutations";
import { UNATTRIBUTED, type ArticleInput, type NewEvent } from "@/lib/articles/schema";
import { findStory } from "@/lib/articles/stories";
import { db } from "@/lib/db";
import { prismaQueryable } from "@/lib/database/reference-data";
import { EVENT_TYPE_OF_KIND, EVENT_TYPE_STYLES, EVENTFUL_KINDS } from "@/lib/events/event-types";
import type { Gazetteer } from "@/lib/extract/entities";
import { extractFacts, type ExtractedFact } from "@/lib/extract/extract";

/** Saves one article with its proposals; throws DuplicateArticleError for one already stored. */
export async function importArticle(article: ArticleInput, gazetteer: Gazetteer, options: { accept: boolean; source: string }) {
  const { accept, source } = options;
  const published = article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null;
  const { facts } = extractFacts(article.text, { gazetteer, published });
  // Accepted facts belong to events (the headline numbers count figures per event): one new
  // event per type of what happened, dated by the article; describing facts join the first.
  // A republished copy of a stored story is a further source of that story's event, not a new one.
  const storyEvent = accept ? await eventOfStory(article.text) : null;
  const events = accept && !storyEvent ? proposeEvents(facts, article, source) : [];
  return saveSubmission({
    article,
    events,
    entities: [],
    reviewStatus: accept ? "accepted" : "pending",
    rejected: [],
    // A conversion in brackets ("450 million yuan (US$61.83 million)") is kept as another quote
    // of the amount it restates, so totals do not count it twice.
    facts: keepStatedCurrency(facts).map((fact) => ({
      ...fact,
      qualifiers: fact.qualifiers as Record<string, string>,
      subject: fact.subject ?? UNATTRIBUTED,
      proposedSubject: null,
      proposal: null,
      extraQuotes: fact.alsoQuoted,
      confidence: fact.confidence,
      event: storyEvent
        ? { eventId: storyEvent }
        : events.length
          ? {
              newEvent: Math.max(
                0,
                events.findIndex((event) => event.type === EVENT_TYPE_OF_KIND[fact.kind]),
              ),
            }
          : null,
      edited: false,
    })),
  });
}

async function eventOfStory(text: string): Promise<number | null> {
  const story = await findStory(prismaQueryable(db), text);
  if (!story) return null;
  const fact = await db.fact.findFirst({
    where: { eventId: { not: null }, article: { OR: [{ id: story.storyId }, { storyId: story.storyId }] } },
    orderBy: { id: "asc" },
    select: { eventId: true },
  });
  return fact?.eventId ?? null;
}

function proposeEvents(facts: ExtractedFact[], article: ArticleInput, source: string): NewEvent[] {
  const types = [...new Set(facts.filter((fact) => EVENTFUL_KINDS.includes(fact.kind)).map((fact) => EVENT_TYPE_OF_KIND[fact.kind]))];
  if (!types.length && facts.length) types.push(EVENT_TYPE_OF_KIND[facts[0]!.kind]);
  const title = article.title ?? path.basename(source).replace(/\.[a-z]+$/i, "");
  const date = article.publishedAt ?? facts.find((fact) => fact.date)?.date ?? new Date().toISOString().slice(0, 10);
  return types.map((type) => ({ title: types.length > 1 ? `${title} — ${EVENT_TYPE_STYLES[type].label}` : title, type, date }));
}

function keepStatedCurrency(facts: ExtractedFact[]): ExtractedFact[] {
  const kept = facts.map((fact) => ({ ...fact, alsoQuoted: [...fact.alsoQuoted] }));
  kept.forEach((fact) => {
    if (fact.restates !== null) kept[fact.restates]?.alsoQuoted.push({ quote: fact.quote, start: fact.start, end: fact.end });
  });
  return kept.filter((fact) => fact.restates === null);
}
