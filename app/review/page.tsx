// /review — the queue of facts waiting for an editor (bulk import, feeds), oldest first, each
// beside the sentence that states it; filters by feed, outlet, kind and confidence in the URL;
// keyboard first. Each article in view can be filed whole under a suggested event or new events.
import { SourceKindTag } from "@/components/source-kind";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { acceptConfident, fileArticle, reviewFact, undoReview } from "@/app/review/actions";
import { REVIEW_NOTICE_TEXT, REVIEW_NOTICES } from "@/app/review/notices";
import { ReviewKeys } from "@/components/review/review-keys";
import { CONFIDENCE_STEPS, kindLabel, pendingFacts, queueArticles, reviewFiltersSchema, type QueueArticle, type ReviewFilters } from "@/lib/articles/review-queue";
import { EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import { EventType } from "@/lib/generated/prisma/enums";
import { isEditor } from "@/lib/auth/session";
import { EXTRACTION_KINDS } from "@/lib/extract/kinds";
import { figureAmount, figureLabel } from "@/lib/facts/figure";

export const metadata: Metadata = { title: "Review queue" };

// Proposals at or above this confidence were right as proposed about nine times in ten on the
// labelled news set (npm run eval:calibrate): the bulk accept's default.
const BULK_THRESHOLD = 0.9;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  if (!(await isEditor())) redirect("/sign-in?next=/review");
  const params = await searchParams;
  const single = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const filters = reviewFiltersSchema.parse({ feed: single("feed"), outlet: single("outlet"), kind: single("kind"), confidence: single("confidence") });
  const { facts, total, outlets, feeds, events } = await pendingFacts(filters);
  const articles = await queueArticles(facts);
  const notice = noticeText(single("notice"), Number(single("accepted")), Number(single("threshold")));
  const filedEvent = Number(single("event"));
  const filtered = Boolean(filters.feed || filters.outlet || filters.kind || filters.confidence);
  const decision = Number(single("decision"));
  const threshold = filters.confidence && filters.confidence >= 0.5 ? filters.confidence : BULK_THRESHOLD;
  const hidden = <FilterFields filters={filters} />;

  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">
        Review queue ({total} pending{filtered ? " in this view" : ""})
      </h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
        {feeds.length > 0 && (
          <FilterChoice
            label="Feed"
            name="feed"
            value={filters.feed === undefined ? undefined : String(filters.feed)}
            options={[["", "all"], ...feeds.map((feed): [string, string] => [String(feed.id), feed.label])]}
          />
        )}
        <FilterChoice label="Outlet" name="outlet" value={filters.outlet} options={[["", "all"], ...outlets.map((outlet): [string, string] => [outlet, outlet])]} />
        <FilterChoice label="Kind" name="kind" value={filters.kind} options={[["", "all"], ...EXTRACTION_KINDS.map((kind): [string, string] => [kind, kindLabel(kind)])]} />
        <FilterChoice
          label="Confidence at least"
          name="confidence"
          value={filters.confidence === undefined ? undefined : String(filters.confidence)}
          options={CONFIDENCE_STEPS.map((step): [string, string] => (step === 0 ? ["", "any"] : [String(step), `${Math.round(step * 100)}%`]))}
        />
        <button className="rounded border border-zinc-400 px-2 py-0.5 dark:border-zinc-600">Show</button>
      </form>
      {notice && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          {notice}
          {Number.isInteger(filedEvent) && filedEvent > 0 && (
            <Link href={`/events/${filedEvent}`} className="underline">
              Open the event
            </Link>
          )}
          {Number.isInteger(decision) && decision > 0 && (
            <form action={undoReview}>
              {hidden}
              <input type="hidden" name="decisionId" value={decision} />
              <button data-undo className="rounded border border-amber-700 px-2 py-0.5">
                Undo (u)
              </button>
            </form>
          )}
        </div>
      )}
      <ReviewKeys key={`${single("notice") ?? ""}-${decision}`} />
      {facts.some((fact) => fact.confidence !== null && fact.confidence >= threshold) && (
        <form action={acceptConfident} className="flex flex-wrap items-center gap-2 text-sm">
          {hidden}
          <input type="hidden" name="threshold" value={threshold} />
          <button className="rounded border border-emerald-600 px-2 py-0.5 text-emerald-700 dark:text-emerald-400">
            Accept every proposal in this view at {Math.round(threshold * 100)}% confidence or more
          </button>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">At 90% or more, about nine in ten proposals were right as proposed on a labelled news set.</span>
        </form>
      )}
      {articles.length > 0 && (
        <section aria-labelledby="queue-articles" className="grid gap-2">
          <h2 id="queue-articles" className="text-base font-semibold">
            Articles in this view ({articles.length})
          </h2>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            File the facts of an article under the event it reports on (it becomes one more source of it), or record new events from it.
          </p>
          {articles.map((article) => (
            <ArticleFiling key={article.id} article={article} events={events} hidden={hidden} />
          ))}
        </section>
      )}
      {facts.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing waits for review{filtered ? " in this view" : ""}. Bulk imports and followed feeds put their facts here.</p>
      ) : (
        <ul className="grid gap-3">
          {facts.map((fact) => (
            <li
              key={fact.id}
              tabIndex={0}
              data-review-item
              aria-describedby="review-keys"
              aria-label={`${figureLabel(fact)}: ${figureAmount(fact)}, ${fact.subjectLabel}`}
              className="grid gap-2 rounded border border-zinc-200 p-3 text-sm outline-none focus:ring-2 focus:ring-sky-500 md:grid-cols-[1fr_1.2fr] dark:border-zinc-800"
              data-testid="pending-fact"
            >
              <div className="grid content-start gap-1">
                <p>
                  <span className="font-medium">{figureLabel(fact)}: </span>
                  {figureAmount(fact)} · {fact.subjectLabel}
                  {fact.confidence !== null && (
                    <span className="ml-2 text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{Math.round(fact.confidence * 100)}% likely right</span>
                  )}
                </p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  <Link href={`/articles/${fact.article.id}#fact-${fact.id}`} className="hover:underline" data-source-link>
                    {fact.article.outlet ?? fact.article.title}
                  </Link>
                  <SourceKindTag kind={fact.article.sourceKind} />
                </p>
                <form action={reviewFact} className="flex flex-wrap items-center gap-2">
                  {hidden}
                  <input type="hidden" name="factId" value={fact.id} />
                  <label className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
                    Subject
                    <input
                      name="subject"
                      defaultValue={fact.subjectLabel}
                      maxLength={200}
                      className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
                    />
                  </label>
                  <label className="flex items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400">
                    Event
                    <select
                      name="eventId"
                      defaultValue=""
                      className="max-w-56 rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
                    >
                      <option value="">none</option>
                      {events.map((event) => (
                        <option key={event.id} value={event.id}>
                          {event.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button name="decision" value="accepted" className="rounded border border-emerald-600 px-2 py-0.5 text-emerald-700 dark:text-emerald-400">
                    Accept
                  </button>
                  <button name="decision" value="rejected" className="rounded border border-red-600 px-2 py-0.5 text-red-700 dark:text-red-400">
                    Reject
                  </button>
                </form>
              </div>
              <p className="text-zinc-700 dark:text-zinc-300" data-testid="pending-context">
                {fact.context.before && <span>…{fact.context.before}</span>}
                <mark className="rounded-sm bg-amber-100 px-0.5 dark:bg-amber-900/60 dark:text-amber-50">{fact.context.quote}</mark>
                {fact.context.after && <span>{fact.context.after}…</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FilterChoice({ label, name, value, options }: { label: string; name: string; value: string | undefined; options: [value: string, label: string][] }) {
  return (
    <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
      {label}
      <select
        name={name}
        defaultValue={value ?? ""}
        className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-sm text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filters ride along with every decision, so the queue comes back as it was. */
function FilterFields({ filters }: { filters: ReviewFilters }) {
  return (
    <>
      {filters.feed && <input type="hidden" name="feed" value={filters.feed} />}
      {filters.outlet && <input type="hidden" name="outlet" value={filters.outlet} />}
      {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
      {filters.confidence && <input type="hidden" name="confidence" value={filters.confidence} />}
    </>
  );
}

const inputClass = "rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-sm text-zinc-900 dark:border-zinc-700 dark:text-zinc-100";

/** One article of the queue: its suggested events with the reasons, and the two ways to file it. */
function ArticleFiling({ article, events, hidden }: { article: QueueArticle; events: { id: number; label: string }[]; hidden: React.ReactNode }) {
  const factChoices = (
    <fieldset className="grid gap-0.5">
      <legend className="text-xs text-zinc-500 dark:text-zinc-400">Facts to file</legend>
      {article.facts.map((fact) => (
        <label key={fact.id} className="flex items-start gap-1 text-xs">
          <input type="checkbox" name="factId" value={fact.id} defaultChecked className="mt-0.5" />
          {fact.label}
        </label>
      ))}
    </fieldset>
  );
  const suggested = new Set(article.suggestions.map((suggestion) => suggestion.id));
  return (
    <details className="rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800" data-testid="queue-article">
      <summary className="cursor-pointer">
        <span className="font-medium">{article.title}</span>
        <span className="text-zinc-500 dark:text-zinc-400">
          {" "}
          · {article.outlet ?? "unknown outlet"}
          {article.publishedAt && ` · ${article.publishedAt}`} · {article.facts.length} pending{" "}
          {article.suggestions.length > 0 && `· ${article.suggestions.length} matching event${article.suggestions.length === 1 ? "" : "s"}`}
        </span>
      </summary>
      <div className="mt-2 grid gap-3 md:grid-cols-2">
        <form action={fileArticle} className="grid content-start gap-2" aria-label={`File ${article.title} under a stored event`}>
          {hidden}
          <input type="hidden" name="articleId" value={article.id} />
          <input type="hidden" name="target" value="existing" />
          {article.suggestions.length > 0 ? (
            <ol className="grid gap-1 text-xs" aria-label="Events this article may report on">
              {article.suggestions.map((suggestion) => (
                <li key={suggestion.id}>
                  <Link href={`/events/${suggestion.id}`} className="font-medium hover:underline">
                    {suggestion.date} · {suggestion.title}
                  </Link>{" "}
                  <span className="text-zinc-500 dark:text-zinc-400">— {suggestion.reason}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">No stored event shares its parties or figures.</p>
          )}
          <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
            File under
            <select name="eventId" defaultValue={article.suggestions[0]?.id ?? ""} className={inputClass} required>
              <option value="" disabled>
                choose an event
              </option>
              {article.suggestions.map((suggestion) => (
                <option key={suggestion.id} value={suggestion.id}>
                  {suggestion.date} · {suggestion.title} (suggested)
                </option>
              ))}
              {events
                .filter((event) => !suggested.has(event.id))
                .map((event) => (
                  <option key={event.id} value={event.id}>
                    {event.label}
                  </option>
                ))}
            </select>
          </label>
          {factChoices}
          <button className="justify-self-start rounded border border-emerald-600 px-2 py-0.5 text-emerald-700 dark:text-emerald-400">Accept under this event</button>
        </form>
        <form action={fileArticle} className="grid content-start gap-2" aria-label={`New event from ${article.title}`}>
          {hidden}
          <input type="hidden" name="articleId" value={article.id} />
          <input type="hidden" name="target" value="new" />
          <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
            New event title
            <input name="title" required minLength={5} maxLength={300} defaultValue={article.title.slice(0, 300)} className={inputClass} />
          </label>
          <div className="flex flex-wrap gap-2">
            <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
              Type
              <select name="type" defaultValue={EventType.other} className={inputClass}>
                {Object.values(EventType).map((type) => (
                  <option key={type} value={type}>
                    {EVENT_TYPE_STYLES[type].label}
                  </option>
                ))}
              </select>
            </label>
            <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
              Date (YYYY, YYYY-MM or YYYY-MM-DD)
              <input name="date" required defaultValue={article.publishedAt ?? ""} pattern="\d{4}(-\d{2}(-\d{2})?)?" className={inputClass} />
            </label>
          </div>
          {factChoices}
          <button className="justify-self-start rounded border border-sky-600 px-2 py-0.5 text-sky-700 dark:text-sky-400">Create the event and accept</button>
        </form>
      </div>
    </details>
  );
}

function noticeText(key: string | undefined, accepted: number, threshold: number): string | undefined {
  if ((key === REVIEW_NOTICES.filed || key === REVIEW_NOTICES.filedNew) && Number.isInteger(accepted) && accepted > 0) {
    return `${REVIEW_NOTICE_TEXT[key]} ${accepted} fact${accepted === 1 ? "" : "s"} accepted.`;
  }
  if (key === REVIEW_NOTICES.bulk && Number.isInteger(accepted) && accepted >= 0) {
    return `Accepted ${accepted} pending fact${accepted === 1 ? "" : "s"} at ${Math.round((Number.isFinite(threshold) ? threshold : BULK_THRESHOLD) * 100)}% confidence or more.`;
  }
  return key ? REVIEW_NOTICE_TEXT[key] : undefined;
}
