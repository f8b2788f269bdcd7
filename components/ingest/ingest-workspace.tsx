"use client";
// Paste or upload an article, see every proposed fact highlighted in the text, edit, accept or
// reject each, and save the article, its event and the accepted facts in one go.
import Link from "next/link";
import { useActionState, useMemo, useState, useTransition } from "react";
import { analyseArticle, saveReviewed, type AnalyseState, type Analysis, type SaveState } from "@/app/ingest/actions";
import { splitIntoRuns } from "@/lib/articles/highlight";
import { UNATTRIBUTED, type Proposal } from "@/lib/articles/schema";
import { EVENT_TYPE_OF_KIND, EVENT_TYPE_STYLES } from "@/lib/events/event-types";
import type { ExtractedFact } from "@/lib/extract/extract";
import { EVENT_TYPES } from "@/lib/filters/schema";
import type { Bound, EntityKind, EventType } from "@/lib/generated/prisma/enums";
import { describeMetric, getMetric, METRIC_KEYS } from "@/lib/metrics/registry";

const BOUNDS: Bound[] = ["exact", "approx", "at_least", "at_most", "range"];
const ENTITY_KINDS: EntityKind[] = ["company", "agency", "university", "government", "chip", "system"];

/** `proposedSubject`: the extractor's subject, kept so a correction can be learnt from. */
/** A fact's event: one of the article's new events (`new:0`, `new:1`, …), none, or a stored event's id. */
type EventChoice = `new:${number}` | "none" | number;
type Draft = ExtractedFact & { accepted: boolean; edited: boolean; event: EventChoice; proposedSubject: string | null };
type NewEventDraft = { title: string; type: EventType; date: string };

export function IngestWorkspace() {
  const [state, analyse, analysing] = useActionState<AnalyseState, FormData>(analyseArticle, {});
  // What was submitted (or fetched) stays in the form after the action, to edit and run again.
  const fields = state.fields;
  return (
    <div className="grid gap-6">
      <form action={analyse} className="grid gap-3 rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" aria-label="Article">
        <Field label="Article text" name="text" error={state.errors?.text}>
          <textarea
            id="text"
            name="text"
            rows={8}
            defaultValue={fields?.text}
            aria-describedby="text-error"
            className="w-full rounded border border-zinc-300 bg-transparent p-2 font-mono text-xs dark:border-zinc-700"
          />
        </Field>
        <Field label="…or upload a .txt or .html file" name="file" error={state.errors?.file}>
          <input id="file" name="file" type="file" accept=".txt,.html,.htm,.md,text/plain,text/html" aria-describedby="file-error" />
        </Field>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field label="Title (first line if empty)" name="title" error={state.errors?.title}>
            <input
              id="title"
              name="title"
              defaultValue={fields?.title}
              aria-describedby="title-error"
              className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            />
          </Field>
          <Field label="URL" name="url" error={state.errors?.url}>
            <input
              id="url"
              name="url"
              type="url"
              defaultValue={fields?.url}
              aria-describedby="url-error"
              className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            />
          </Field>
          <Field label="Outlet" name="outlet" error={state.errors?.outlet}>
            <input
              id="outlet"
              name="outlet"
              defaultValue={fields?.outlet}
              aria-describedby="outlet-error"
              className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            />
          </Field>
          <Field label="Published" name="publishedAt" error={state.errors?.publishedAt}>
            <input
              id="publishedAt"
              name="publishedAt"
              type="date"
              defaultValue={fields?.publishedAt}
              aria-describedby="publishedAt-error"
              className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            />
          </Field>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={analysing} className="rounded bg-zinc-900 px-3 py-1 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
            {analysing ? "Extracting…" : "Extract facts"}
          </button>
          <button type="submit" name="intent" value="fetch" disabled={analysing} className="rounded border border-zinc-400 px-3 py-1 disabled:opacity-50 dark:border-zinc-600">
            Fetch the URL and extract
          </button>
          {state.message && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {state.message}
            </p>
          )}
        </div>
      </form>
      {state.analysis && <Review key={state.analysis.article.text.length + (state.analysis.article.url ?? "")} analysis={state.analysis} />}
    </div>
  );
}

function Field({ label, name, error, children }: { label: string; name: string; error?: string[]; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <label htmlFor={name} className="text-xs text-zinc-500 dark:text-zinc-400">
        {label}
      </label>
      {children}
      <p id={`${name}-error`} className="text-xs text-red-700 dark:text-red-400" aria-live="polite">
        {error?.join(" ") ?? ""}
      </p>
    </div>
  );
}

function Review({ analysis }: { analysis: Analysis }) {
  const { article, extraction, duplicate, events, story, suggestions } = analysis;
  // A further source of a stored story files its facts under that story's event, not a new one.
  const storyEvent = story?.eventIds.find((id) => events.some((event) => event.id === id));
  // A conversion in brackets restates another fact's amount: proposed, but not accepted by default.
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    extraction.facts.map((fact) => ({ ...fact, accepted: fact.restates === null, edited: false, event: storyEvent ?? "new:0", proposedSubject: fact.subject })),
  );
  const kinds = extraction.facts.map((fact) => fact.kind).filter((kind) => !["count", "duration", "other"].includes(kind));
  const commonKind = kinds.sort((a, b) => kinds.filter((k) => k === b).length - kinds.filter((k) => k === a).length)[0] ?? "other";
  const [newEvents, setNewEvents] = useState<NewEventDraft[]>(() => [
    {
      title:
        article.title ??
        article.text
          .split("\n")
          .find((line) => line.trim())
          ?.trim()
          .slice(0, 300) ??
        "",
      type: EVENT_TYPE_OF_KIND[commonKind],
      date: article.publishedAt ?? extraction.facts.find((fact) => fact.date)?.date ?? new Date().toISOString().slice(0, 10),
    },
  ]);
  const setNewEvent = (index: number, changes: Partial<NewEventDraft>) => setNewEvents((list) => list.map((event, i) => (i === index ? { ...event, ...changes } : event)));
  // "File the facts under this event": every fact still bound for a new event goes to a stored one.
  const fileUnder = (eventId: number) =>
    setDrafts((list) => list.map((draft) => (typeof draft.event === "string" && draft.event.startsWith("new:") ? { ...draft, event: eventId } : draft)));
  const unknownNames = [...new Map(extraction.entities.filter((e) => !e.known).map((e) => [e.name, e])).values()];
  const [proposals, setProposals] = useState<Record<string, { action: "ignore" | "entity" | "alias"; kind: EntityKind; of: string }>>(() =>
    Object.fromEntries(unknownNames.map((e) => [e.name, { action: "ignore", kind: e.kind, of: "" }])),
  );
  const [result, setResult] = useState<SaveState | null>(null);
  const [saving, startSaving] = useTransition();
  const runs = useMemo(
    () =>
      splitIntoRuns(
        article.text,
        drafts.map((draft, index) => ({ id: index, start: draft.start, end: draft.end })),
      ),
    [article.text, drafts],
  );
  const update = (index: number, changes: Partial<Draft>) =>
    setDrafts((list) =>
      list.map((draft, i) => (i === index ? { ...draft, ...changes, edited: draft.edited || Object.keys(changes).some((key) => key !== "accepted" && key !== "event") } : draft)),
    );
  const accepted = drafts.filter((draft) => draft.accepted);

  // "Save for the review queue": the facts wait on /review (reviewed there, e.g. by keyboard).
  const save = (reviewStatus: "accepted" | "pending") =>
    startSaving(async () => {
      // Only the new events some accepted fact uses are created, renumbered in order.
      const used = [...new Set(accepted.flatMap((draft) => (typeof draft.event === "string" && draft.event.startsWith("new:") ? [Number(draft.event.slice(4))] : [])))].sort(
        (a, b) => a - b,
      );
      setResult(
        await saveReviewed({
          article: { ...article, url: article.url ?? "", title: article.title ?? "", outlet: article.outlet ?? "", publishedAt: article.publishedAt ?? "" },
          events: used.map((index) => newEvents[index]!),
          entities: Object.entries(proposals).flatMap(([name, choice]): ({ name: string; kind: EntityKind } | { alias: string; of: string })[] =>
            choice.action === "entity" ? [{ name, kind: choice.kind }] : choice.action === "alias" && choice.of ? [{ alias: name, of: choice.of }] : [],
          ),
          reviewStatus,
          // Each decision goes with the proposal as the extractor made it (drafts keep its order).
          rejected: drafts.flatMap((draft, index) => (draft.accepted ? [] : [proposalOf(extraction.facts[index]!)])),
          facts: accepted.map((draft) => ({
            proposal: proposalOf(extraction.facts[drafts.indexOf(draft)]!),
            metric: draft.metric,
            qualifiers: draft.qualifiers as Record<string, string>,
            status: draft.status,
            value: draft.value,
            valueMax: draft.valueMax,
            bound: draft.bound,
            unit: draft.unit,
            subject: draft.subject ?? UNATTRIBUTED,
            object: draft.object,
            date: draft.date,
            quote: draft.quote,
            start: draft.start,
            end: draft.end,
            edited: draft.edited,
            confidence: draft.confidence,
            proposedSubject: draft.proposedSubject,
            extraQuotes: draft.alsoQuoted,
            event: typeof draft.event === "number" ? { eventId: draft.event } : draft.event === "none" ? null : { newEvent: used.indexOf(Number(draft.event.slice(4))) },
          })),
        }),
      );
    });

  return (
    <section aria-labelledby="review-heading" className="grid gap-4">
      <h2 id="review-heading" className="text-lg font-semibold">
        {extraction.facts.length} proposed facts, {extraction.entities.filter((e) => !e.known).length} unknown names
      </h2>
      {story && (
        <p
          role="status"
          className="rounded border border-sky-300 bg-sky-50 p-2 text-sm text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
          data-testid="same-story"
        >
          The same story as{" "}
          <Link href={`/articles/${story.articleId}`} className="underline">
            {story.title}
          </Link>
          {story.outlet ? ` (${story.outlet})` : ""}: {Math.round(story.similarity * 100)}% of the text is shared. It is saved as a further source of that story
          {storyEvent ? ", and its facts go to the story's event unless you choose otherwise." : "."}
        </p>
      )}
      {duplicate && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          This article is already in Chipwatch:{" "}
          <Link href={`/articles/${duplicate.id}`} className="underline">
            {duplicate.title}
          </Link>
          . Saving it again is refused.
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_1fr]">
        <div className="max-h-[70vh] overflow-auto whitespace-pre-wrap rounded border border-zinc-200 p-3 text-sm leading-6 dark:border-zinc-800" data-testid="ingest-text">
          {runs.map((run) =>
            run.factIds.length ? (
              <a
                key={run.start}
                href={`#candidate-${run.factIds.at(-1)}`}
                className={`rounded-sm underline decoration-2 ${run.factIds.some((id) => drafts[id]?.accepted) ? "bg-amber-100 decoration-amber-500 dark:bg-amber-900/50" : "bg-zinc-100 line-through dark:bg-zinc-800"}`}
              >
                {run.text}
              </a>
            ) : (
              <span key={run.start}>{run.text}</span>
            ),
          )}
        </div>
        <div className="grid max-h-[70vh] content-start gap-3 overflow-auto">
          {suggestions.length > 0 && (
            <fieldset className="grid gap-2 rounded border border-zinc-200 p-3 text-xs dark:border-zinc-800" data-testid="event-suggestions">
              <legend className="px-1 text-zinc-500 dark:text-zinc-400">Events this article may report on</legend>
              {suggestions.map((suggestion) => (
                <div key={suggestion.id} className="flex flex-wrap items-baseline gap-2">
                  <Link href={`/events/${suggestion.id}`} className="font-medium underline">
                    {suggestion.date} · {suggestion.title}
                  </Link>
                  <span className="text-zinc-500 dark:text-zinc-400">{suggestion.reason}</span>
                  <button type="button" onClick={() => fileUnder(suggestion.id)} className="rounded border border-zinc-300 px-1 dark:border-zinc-700">
                    File the facts under this event
                  </button>
                </div>
              ))}
            </fieldset>
          )}
          {newEvents.map((event, index) => (
            <fieldset key={index} className="grid gap-2 rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800">
              <legend className="px-1 text-xs text-zinc-500 dark:text-zinc-400">New event {index + 1} for this article</legend>
              <input
                aria-label={`New event ${index + 1} title`}
                value={event.title}
                onChange={(e) => setNewEvent(index, { title: e.target.value })}
                className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
              />
              <div className="flex gap-2">
                <select
                  aria-label={`New event ${index + 1} type`}
                  value={event.type}
                  onChange={(e) => setNewEvent(index, { type: e.target.value as EventType })}
                  className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
                >
                  {EVENT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {EVENT_TYPE_STYLES[type].label}
                    </option>
                  ))}
                </select>
                <input
                  aria-label={`New event ${index + 1} date`}
                  value={event.date}
                  onChange={(e) => setNewEvent(index, { date: e.target.value })}
                  className="w-32 rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
                />
              </div>
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() => setNewEvents((list) => [...list, { ...list[0]!, title: "" }])}
            className="justify-self-start rounded border border-zinc-300 px-2 py-0.5 text-xs dark:border-zinc-700"
          >
            Add another new event
          </button>
          {extraction.events.length > 0 && (
            <fieldset className="grid gap-2 rounded border border-zinc-200 p-3 text-xs dark:border-zinc-800" data-testid="proposed-events">
              <legend className="px-1 text-zinc-500 dark:text-zinc-400">Dated actions in the text (events without a number)</legend>
              {extraction.events.map((proposed) => (
                <div key={`${proposed.start}-${proposed.date}`} className="flex flex-wrap items-baseline gap-2">
                  <span className="font-medium">{EVENT_TYPE_STYLES[proposed.type].label}</span>
                  <span>{proposed.date}</span>
                  <span className="italic">“{proposed.quote}”</span>
                  <button
                    type="button"
                    onClick={() => setNewEvents((list) => [...list, { title: proposed.quote.slice(0, 300), type: proposed.type, date: proposed.date }])}
                    className="rounded border border-zinc-300 px-1 dark:border-zinc-700"
                  >
                    Add as a new event
                  </button>
                </div>
              ))}
            </fieldset>
          )}
          {unknownNames.length > 0 && (
            <fieldset className="grid gap-2 rounded border border-zinc-200 p-3 text-xs dark:border-zinc-800">
              <legend className="px-1 text-zinc-500 dark:text-zinc-400">Names Chipwatch does not know yet</legend>
              {unknownNames.map((entity) => {
                const choice = proposals[entity.name]!;
                const set = (changes: Partial<typeof choice>) => setProposals((all) => ({ ...all, [entity.name]: { ...choice, ...changes } }));
                return (
                  <div key={entity.name} className="flex flex-wrap items-center gap-2" data-testid="unknown-name">
                    <span className="font-medium">{entity.name}</span>
                    <select
                      aria-label={`What is ${entity.name}?`}
                      value={choice.action}
                      onChange={(e) => set({ action: e.target.value as typeof choice.action })}
                      className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700"
                    >
                      <option value="ignore">ignore</option>
                      <option value="entity">add as a new entity</option>
                      <option value="alias">another name of…</option>
                    </select>
                    {choice.action === "entity" && (
                      <select
                        aria-label={`Kind of ${entity.name}`}
                        value={choice.kind}
                        onChange={(e) => set({ kind: e.target.value as EntityKind })}
                        className="rounded border border-zinc-300 bg-transparent dark:border-zinc-700"
                      >
                        {ENTITY_KINDS.map((kind) => (
                          <option key={kind} value={kind}>
                            {kind}
                          </option>
                        ))}
                      </select>
                    )}
                    {choice.action === "alias" && (
                      <input
                        aria-label={`${entity.name} is another name of`}
                        value={choice.of}
                        placeholder="known entity"
                        onChange={(e) => set({ of: e.target.value })}
                        className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
                      />
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
          {drafts.map((draft, index) => (
            <FactCard key={`${draft.start}-${index}`} index={index} draft={draft} events={events} newEvents={newEvents.length} onChange={(changes) => update(index, changes)} />
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => save("accepted")}
          disabled={saving || !!duplicate || accepted.length === 0}
          className="rounded bg-zinc-900 px-3 py-1 text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900"
        >
          {saving ? "Saving…" : `Save article with ${accepted.length} accepted fact${accepted.length === 1 ? "" : "s"}`}
        </button>
        <button
          type="button"
          onClick={() => save("pending")}
          disabled={saving || !!duplicate || accepted.length === 0}
          className="rounded border border-zinc-400 px-3 py-1 disabled:opacity-50 dark:border-zinc-600"
        >
          Save for the review queue
        </button>
        {result && (
          <p role="status" className={result.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
            {result.message}{" "}
            {result.articleId ? (
              <Link href={`/articles/${result.articleId}`} className="underline">
                Open the article
              </Link>
            ) : null}
          </p>
        )}
      </div>
    </section>
  );
}

function proposalOf(fact: ExtractedFact): Proposal {
  const { metric, value, valueMax, unit, bound, subject, object, date, quote, start, end, confidence } = fact;
  return { metric, value, valueMax, unit, bound, subject, object, date, quote, start, end, confidence };
}

function FactCard({
  index,
  draft,
  events,
  newEvents,
  onChange,
}: {
  index: number;
  draft: Draft;
  events: Analysis["events"];
  newEvents: number;
  onChange: (changes: Partial<Draft>) => void;
}) {
  const input = "rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700";
  return (
    <article
      id={`candidate-${index}`}
      aria-label={`Proposed fact ${index + 1}`}
      className={`grid gap-2 rounded border p-3 text-xs ${draft.accepted ? "border-zinc-300 dark:border-zinc-700" : "border-dashed border-zinc-300 opacity-60 dark:border-zinc-700"}`}
      data-testid="candidate"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="italic">“{draft.quote}”</span>
        <span
          className="shrink-0 tabular-nums text-zinc-500 dark:text-zinc-400"
          title="How often proposals like this one were right as proposed (calibrated on a labelled news set)"
        >
          {Math.round(draft.confidence * 100)}% likely right
        </span>
        <label className="flex shrink-0 items-center gap-1">
          <input type="checkbox" checked={draft.accepted} onChange={(e) => onChange({ accepted: e.target.checked })} />
          Accept
        </label>
      </div>
      {(draft.restates !== null || draft.alsoQuoted.length > 0) && (
        <p className="text-zinc-500 dark:text-zinc-400">
          {draft.restates !== null
            ? `The same amount as proposed fact ${draft.restates + 1}, in another currency: left out unless you accept it.`
            : `Also stated ${draft.alsoQuoted.length === 1 ? "once more" : `${draft.alsoQuoted.length} more times`} (${draft.alsoQuoted.map((q) => `“${q.quote.slice(0, 60)}”`).join(", ")}): one fact, kept with every quote.`}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {/* Another metric has other qualifiers: picking one starts from none. */}
        <select aria-label="Metric" value={draft.metric} onChange={(e) => onChange({ metric: e.target.value as Draft["metric"], qualifiers: {} })} className={input}>
          {METRIC_KEYS.map((key) => (
            <option key={key} value={key}>
              {key === draft.metric ? describeMetric(key, draft.qualifiers) : getMetric(key)!.label}
            </option>
          ))}
        </select>
        <input aria-label="Value" type="number" step="any" value={draft.value} onChange={(e) => onChange({ value: Number(e.target.value) })} className={`${input} w-28`} />
        <input
          aria-label="Up to"
          type="number"
          step="any"
          value={draft.valueMax ?? ""}
          placeholder="up to"
          onChange={(e) => onChange({ valueMax: e.target.value ? Number(e.target.value) : null })}
          className={`${input} w-28`}
        />
        <input aria-label="Unit" value={draft.unit} onChange={(e) => onChange({ unit: e.target.value })} className={`${input} w-20`} />
        <select aria-label="Bound" value={draft.bound} onChange={(e) => onChange({ bound: e.target.value as Bound })} className={input}>
          {BOUNDS.map((bound) => (
            <option key={bound} value={bound}>
              {bound.replace("_", " ")}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-wrap gap-2">
        <input aria-label="Subject" value={draft.subject ?? ""} placeholder="subject" onChange={(e) => onChange({ subject: e.target.value || null })} className={input} />
        <input aria-label="Object" value={draft.object ?? ""} placeholder="object" onChange={(e) => onChange({ object: e.target.value || null })} className={input} />
        <input aria-label="Date" value={draft.date ?? ""} placeholder="YYYY-MM-DD" onChange={(e) => onChange({ date: e.target.value || null })} className={`${input} w-28`} />
        <select
          aria-label="Event"
          value={String(draft.event)}
          onChange={(e) => onChange({ event: /^new:\d+$|^none$/.test(e.target.value) ? (e.target.value as EventChoice) : Number(e.target.value) })}
          className={`${input} max-w-56`}
        >
          {Array.from({ length: newEvents }, (_, i) => (
            <option key={`new:${i}`} value={`new:${i}`}>
              new event {i + 1}
            </option>
          ))}
          <option value="none">no event</option>
          {events.map((event) => (
            <option key={event.id} value={event.id}>
              {event.date} · {event.title}
            </option>
          ))}
        </select>
      </div>
    </article>
  );
}
