// /review — the queue of facts waiting for an editor (bulk import), oldest first, each beside the
// sentence that states it; filters by outlet, kind and confidence in the URL; keyboard first.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { acceptConfident, reviewFact, undoReview } from "@/app/review/actions";
import { REVIEW_NOTICE_TEXT, REVIEW_NOTICES } from "@/app/review/notices";
import { ReviewKeys } from "@/components/review/review-keys";
import { CONFIDENCE_STEPS, kindLabel, pendingFacts, reviewFiltersSchema, type ReviewFilters } from "@/lib/articles/review-queue";
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
  const filters = reviewFiltersSchema.parse({ outlet: single("outlet"), kind: single("kind"), confidence: single("confidence") });
  const { facts, total, outlets, events } = await pendingFacts(filters);
  const notice = noticeText(single("notice"), Number(single("accepted")), Number(single("threshold")));
  const decision = Number(single("decision"));
  const threshold = filters.confidence && filters.confidence >= 0.5 ? filters.confidence : BULK_THRESHOLD;
  const hidden = <FilterFields filters={filters} />;

  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">
        Review queue ({total} pending{filters.outlet || filters.kind || filters.confidence ? " in this view" : ""})
      </h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
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
          <span className="text-xs text-zinc-500">At 90% or more, about nine in ten proposals were right as proposed on a labelled news set.</span>
        </form>
      )}
      {facts.length === 0 ? (
        <p className="text-sm text-zinc-500">
          Nothing waits for review{filters.outlet || filters.kind || filters.confidence ? " in this view" : ""}. Bulk imports put their facts here.
        </p>
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
                  {fact.confidence !== null && <span className="ml-2 text-xs tabular-nums text-zinc-500">{Math.round(fact.confidence * 100)}% likely right</span>}
                </p>
                <p className="text-xs text-zinc-500">
                  <Link href={`/articles/${fact.article.id}#fact-${fact.id}`} className="hover:underline">
                    {fact.article.outlet ?? fact.article.title}
                  </Link>
                </p>
                <form action={reviewFact} className="flex flex-wrap items-center gap-2">
                  {hidden}
                  <input type="hidden" name="factId" value={fact.id} />
                  <label className="flex items-center gap-1 text-xs text-zinc-500">
                    Subject
                    <input
                      name="subject"
                      defaultValue={fact.subjectLabel}
                      maxLength={200}
                      className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
                    />
                  </label>
                  <label className="flex items-center gap-1 text-xs text-zinc-500">
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
    <label className="grid gap-1 text-xs text-zinc-500">
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
      {filters.outlet && <input type="hidden" name="outlet" value={filters.outlet} />}
      {filters.kind && <input type="hidden" name="kind" value={filters.kind} />}
      {filters.confidence && <input type="hidden" name="confidence" value={filters.confidence} />}
    </>
  );
}

function noticeText(key: string | undefined, accepted: number, threshold: number): string | undefined {
  if (key === REVIEW_NOTICES.bulk && Number.isInteger(accepted) && accepted >= 0) {
    return `Accepted ${accepted} pending fact${accepted === 1 ? "" : "s"} at ${Math.round((Number.isFinite(threshold) ? threshold : BULK_THRESHOLD) * 100)}% confidence or more.`;
  }
  return key ? REVIEW_NOTICE_TEXT[key] : undefined;
}
