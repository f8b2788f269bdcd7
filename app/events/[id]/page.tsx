// One event: what happened, who was involved, every fact with the sentence that states it (one
// click to the highlighted quote in its article), and related events.
import { SourceKindTag } from "@/components/source-kind";
import type { Metadata } from "next";
import Link from "next/link";
import { QuoteLink } from "@/components/quote-link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { rowIdSchema } from "@/lib/database/ids";
import { EXCERPT_SEPARATOR } from "@/lib/articles/excerpts";
import { countryName } from "@/lib/entities/countries";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { formatPartialDate } from "@/lib/events/partial-date";
import { getEventDetail, listRelatedEvents } from "@/lib/events/queries";
import { figureAmount, figureLabel } from "@/lib/facts/figure";
import { isEditor } from "@/lib/auth/session";
import { labelChoiceOf } from "@/lib/events/mutations";
import { listEventRevisions, type RevisionRow } from "@/lib/revisions/queries";
import { CorrectionNote } from "@/components/correction-note";
import { chooseTimelineLabel } from "./actions";

const paramsSchema = z.object({ id: rowIdSchema });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

async function load(params: Props["params"]) {
  const parsed = paramsSchema.safeParse(await params);
  return parsed.success ? getEventDetail(parsed.data.id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params))?.title ?? "Event not found" };
}

const ROLE_LABELS = { subject: "Subject", counterparty: "Counterparty", authority: "Authority", product: "Product" } as const;

export default async function EventPage({ params, searchParams }: Props) {
  const event = await load(params);
  if (!event) notFound();
  const [related, revisions, editor, { notice }] = await Promise.all([
    listRelatedEvents(event.id),
    listEventRevisions(
      event.id,
      event.facts.map((fact) => fact.id),
    ),
    isEditor(),
    searchParams,
  ]);
  const corrections = revisions.filter((revision) => revision.correction);
  const correctionsOf = (recordType: RevisionRow["recordType"], id: number) => corrections.filter((r) => r.recordType === recordType && r.recordId === id);
  const style = EVENT_TYPE_STYLES[event.type];
  // Node 20 has no Map.groupBy.
  const bySource = new Map<number, typeof event.facts>();
  for (const fact of event.facts) bySource.set(fact.article.id, [...(bySource.get(fact.article.id) ?? []), fact]);

  return (
    <div className="grid gap-8 lg:grid-cols-[3fr_1fr]">
      <article aria-labelledby="event-title" className="grid content-start gap-6">
        <header>
          <p className="flex flex-wrap items-center gap-x-3 text-sm text-zinc-500 dark:text-zinc-400">
            <time dateTime={event.date}>{formatPartialDate(new Date(`${event.date}T00:00:00Z`), event.datePrecision)}</time>
            <span className="inline-flex items-center gap-1">
              <span aria-hidden className="inline-block size-2 rounded-full" style={{ backgroundColor: style.color }} />
              {style.label}
            </span>
            <span>{event.claimStatus === "reported" ? "Reported, not confirmed" : event.claimStatus === "estimate" ? "Estimate" : "Confirmed"}</span>
            {event.countries.length > 0 && <span>{event.countries.map(countryName).join(", ")}</span>}
          </p>
          <h1 id="event-title" className="mt-1 text-2xl font-semibold">
            {event.title}
          </h1>
          {event.summary && <p className="mt-2">{event.summary}</p>}
          {correctionsOf("event", event.id).map((revision) => (
            <CorrectionNote key={revision.id} revision={revision} />
          ))}
          {editor && (
            <form action={chooseTimelineLabel} className="mt-3 flex flex-wrap items-center gap-2 text-xs text-zinc-700 dark:text-zinc-300" aria-label="Timeline label">
              <input type="hidden" name="eventId" value={event.id} />
              <label className="flex items-center gap-1">
                Label on the timeline
                <select name="choice" defaultValue={labelChoiceOf(event.labelPin)} className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700">
                  <option value="auto">automatic (best-reported events)</option>
                  <option value="pinned">pinned: always labelled</option>
                  <option value="hidden">never labelled</option>
                </select>
              </label>
              <label className="flex items-center gap-1">
                Reason
                <input name="reason" maxLength={500} className="w-48 rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700" />
              </label>
              <button className="rounded border border-zinc-400 px-2 py-0.5 dark:border-zinc-600">Save</button>
              {notice === "label-saved" && <span role="status">Saved.</span>}
              {notice === "invalid-label" && <span role="alert">That is not a label choice; nothing changed.</span>}
            </form>
          )}
          <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Involved">
            {event.entities.map((entity) => (
              <li key={entity.slug} className="rounded border border-zinc-200 px-2 py-0.5 dark:border-zinc-800">
                <span className="text-xs text-zinc-500 dark:text-zinc-400">{ROLE_LABELS[entity.role]}: </span>
                <Link href={`/companies/${entity.slug}`} className="hover:underline">
                  {entity.name}
                </Link>
              </li>
            ))}
          </ul>
        </header>

        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading" className="text-lg font-semibold">
            {event.facts.length} fact{event.facts.length === 1 ? "" : "s"}, with the sentences that state them
          </h2>
          {event.facts.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">This event carries no numbers; its source is below.</p>}
          {[...bySource.values()].map((facts) => {
            const article = facts[0]!.article;
            return (
              <div key={article.id} className="mt-4">
                <h3 className="text-sm font-medium">
                  <Link href={`/articles/${article.id}`} className="hover:underline" data-source-link>
                    {article.outlet ?? article.title}
                  </Link>
                  <SourceKindTag kind={article.sourceKind} />
                  {article.publishedAt && <span className="font-normal text-zinc-500 dark:text-zinc-400"> · {article.publishedAt}</span>}
                  {article.url && (
                    <a
                      href={article.url}
                      rel="noreferrer noopener"
                      className="ml-2 text-xs font-normal text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
                    >
                      original ↗
                    </a>
                  )}
                </h3>
                <ul className="mt-2 grid gap-2">
                  {facts.map((fact) => (
                    <li key={fact.id} className="rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="event-fact">
                      <p>
                        <span className="font-medium">{figureLabel(fact)}: </span>
                        <span className="tabular-nums">{figureAmount(fact)}</span>
                        <span className="text-xs text-zinc-500 dark:text-zinc-400">
                          {" "}
                          · {fact.subject?.name ?? fact.subjectLabel}
                          {(fact.object?.name ?? fact.objectLabel) && <> → {fact.object?.name ?? fact.objectLabel}</>}
                        </span>
                      </p>
                      <QuoteLink articleId={article.id} factId={fact.id} className="mt-1 block italic text-zinc-700 hover:underline dark:text-zinc-300">
                        “{fact.quote}”
                      </QuoteLink>
                      {correctionsOf("fact", fact.id).map((revision) => (
                        <CorrectionNote key={revision.id} revision={revision} />
                      ))}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          {event.sourceArticle && !bySource.has(event.sourceArticle.id) && (
            <figure className="mt-4 text-sm">
              {event.sourceArticle.textScope === "excerpts" && (
                <blockquote className="border-l-2 border-zinc-300 pl-3 italic dark:border-zinc-700">“{event.sourceArticle.text.split(EXCERPT_SEPARATOR)[0]}”</blockquote>
              )}
              <figcaption className="mt-1">
                Source:{" "}
                <Link
                  href={`/articles/${event.sourceArticle.id}`}
                  className="text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
                  data-source-link
                >
                  {event.sourceArticle.outlet}
                </Link>
                <SourceKindTag kind={event.sourceArticle.sourceKind} />
              </figcaption>
            </figure>
          )}
        </section>
      </article>

      <aside aria-labelledby="related-heading">
        <h2 id="related-heading" className="text-lg font-semibold">
          Related events
        </h2>
        {related.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No other events share its companies.</p>
        ) : (
          <ul className="mt-2 grid gap-3 text-sm">
            {related.map((other) => (
              <li key={other.id}>
                <Link href={`/events/${other.id}`} className="hover:underline">
                  {other.title}
                </Link>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {formatPartialDate(new Date(`${other.date}T00:00:00Z`), other.datePrecision)} · {EVENT_TYPE_STYLES[other.type].label}
                </p>
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
