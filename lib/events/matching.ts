// Which stored events a new article reports on: the same type of event, the same parties, close in
// time, the same figures. Each suggestion says why ("same type, Nvidia + TSMC, 3 days apart,
// shares 300,000 units"), so the editor can attach the facts to it instead of starting an event
// that already exists. Pure: the candidate events are read by lib/events/queries.ts.
import { EVENT_TYPE_OF_KIND, EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import type { ProposedEvent } from "@/lib/extract/events";
import type { ExtractedEntity, ExtractedFact } from "@/lib/extract/extract";
import type { EventType } from "@/lib/generated/prisma/enums";
import { formatQuantity } from "@/lib/metrics/format";

export type CandidateEvent = {
  id: number;
  title: string;
  type: EventType;
  /** YYYY-MM-DD */
  date: string;
  entities: string[];
  figures: { value: number; unit: string }[];
};

export type EventSuggestion = { id: number; title: string; type: EventType; date: string; score: number; reason: string };

/** Days either side of the article's date in which an event is a candidate. */
export const MATCH_WINDOW_DAYS = 45;
const MIN_SCORE = 4;

export function suggestEvents(
  article: {
    publishedAt: string | null;
    facts: Pick<ExtractedFact, "kind" | "value" | "unit" | "date">[];
    events: Pick<ProposedEvent, "type" | "date">[];
    entities: Pick<ExtractedEntity, "name">[];
  },
  candidates: CandidateEvent[],
  limit = 5,
): EventSuggestion[] {
  const types = new Set<EventType>([...article.facts.map((fact) => EVENT_TYPE_OF_KIND[fact.kind]), ...article.events.map((event) => event.type)]);
  const names = new Set(article.entities.map((entity) => entity.name.toLowerCase()));
  const dates = [article.publishedAt, ...article.events.map((event) => event.date), ...article.facts.map((fact) => fact.date)].filter(
    (date): date is string => !!date && /^\d{4}-\d{2}-\d{2}$/.test(date),
  );
  const suggestions: EventSuggestion[] = [];
  for (const event of candidates) {
    const reasons: string[] = [];
    let score = 0;
    if (types.has(event.type)) {
      score += 3;
      reasons.push(`same type (${EVENT_TYPE_STYLES[event.type].label.toLowerCase()})`);
    }
    const shared = event.entities.filter((name) => names.has(name.toLowerCase()));
    if (shared.length) {
      score += Math.min(3, shared.length) * 2;
      reasons.push(shared.slice(0, 3).join(" + "));
    }
    const days = dates.length ? Math.min(...dates.map((date) => Math.abs(daysBetween(date, event.date)))) : null;
    if (days !== null && days <= MATCH_WINDOW_DAYS) {
      score += days <= 3 ? 3 : days <= 14 ? 2 : 1;
      reasons.push(days === 0 ? "same day" : `${days} day${days === 1 ? "" : "s"} apart`);
    }
    const figures = event.figures.filter((figure) =>
      article.facts.some((fact) => fact.unit === figure.unit && Math.abs(fact.value - figure.value) <= 1e-9 * Math.max(1, Math.abs(figure.value))),
    );
    if (figures.length) {
      score += 4 * Math.min(2, figures.length);
      reasons.push(
        `shares ${figures
          .slice(0, 2)
          .map((figure) => formatQuantity({ value: figure.value, valueMax: null, unit: figure.unit, bound: "exact" }))
          .join(" and ")}`,
      );
    }
    // Two parties or a figure in common are needed: a type and a date alone fit too many events.
    if (score >= MIN_SCORE && (shared.length > 0 || figures.length > 0))
      suggestions.push({ id: event.id, title: event.title, type: event.type, date: event.date, score, reason: reasons.join(", ") });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.date.localeCompare(b.date)).slice(0, limit);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}
