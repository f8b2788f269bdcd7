// An article with every fact highlighted where it is stated; each highlight links to the
// structured fact beside the text, and each fact links back to its sentence.
import { CorrectionNote } from "@/components/correction-note";
import { listFactRevisions } from "@/lib/revisions/queries";
import { SourceKindTag } from "@/components/source-kind";
import { correctSourceKind } from "@/app/articles/[id]/actions";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/sources/kinds";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isEditor } from "@/lib/auth/session";
import { FactTarget } from "@/components/articles/fact-target";
import { getArticleWithFacts } from "@/lib/articles/queries";
import { splitIntoRuns } from "@/lib/articles/highlight";
import { figureAmount, figureLabel } from "@/lib/facts/figure";
import { z } from "zod";
import { rowIdSchema } from "@/lib/database/ids";

const paramsSchema = z.object({ id: rowIdSchema });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  const article = parsed.success ? await getArticleWithFacts(parsed.data.id) : null;
  return { title: article?.title ?? "Article not found" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const editor = await isEditor();
  const article = await getArticleWithFacts(parsed.data.id, editor);
  if (!article) notFound();
  const notice = (await searchParams).notice;
  const corrections = (await listFactRevisions(article.facts.map((fact) => fact.id))).filter((revision) => revision.correction);
  const runs = splitIntoRuns(
    article.text,
    article.facts.map((fact) => ({ id: fact.id, start: fact.quoteStart, end: fact.quoteEnd })),
  );

  return (
    <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
      <FactTarget />
      <article aria-labelledby="article-title">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          <span data-source-link>{article.outlet ?? "unknown outlet"}</span>
          <SourceKindTag kind={article.sourceKind} />
          {article.publishedAt && <> · {article.publishedAt}</>}
          {article.url && (
            <>
              {" · "}
              <a
                href={article.url}
                className="text-sky-700 underline decoration-sky-700/40 underline-offset-2 hover:decoration-current dark:text-sky-400 dark:decoration-sky-400/40"
                rel="noreferrer noopener"
              >
                original
              </a>
            </>
          )}
        </p>
        <h1 id="article-title" className="mt-1 text-xl font-semibold">
          {article.title}
        </h1>
        {editor && (
          <form action={correctSourceKind} className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300" aria-label="Kind of source">
            <input type="hidden" name="articleId" value={article.id} />
            <label className="flex items-center gap-1">
              Kind of source
              <select name="kind" defaultValue={article.sourceKind ?? "other"} className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700">
                {SOURCE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {SOURCE_KIND_LABELS[kind].long}
                  </option>
                ))}
              </select>
            </label>
            <button className="rounded border border-zinc-400 px-2 py-0.5 dark:border-zinc-600">Save</button>
            {notice === "kind-saved" && <span role="status">Saved: this source stays {SOURCE_KIND_LABELS[article.sourceKind ?? "other"].short}.</span>}
            {notice === "invalid-kind" && <span role="alert">That is not a kind of source; nothing changed.</span>}
          </form>
        )}
        {article.textScope === "excerpts" && (
          <p className="mt-2 rounded bg-zinc-100 p-2 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-300">
            Chipwatch keeps only the sentences it quotes from this page; “[…]” separates them. Read the whole article at the source.
          </p>
        )}
        <div className="mt-4 whitespace-pre-wrap leading-7" data-testid="article-text">
          {runs.map((run) =>
            run.factIds.length === 0 ? (
              <span key={run.start}>{run.text}</span>
            ) : (
              <a
                key={run.start}
                href={`#fact-card-${run.factIds.at(-1)}`}
                id={run.startsFacts.length ? `fact-${run.startsFacts[0]}` : undefined}
                data-fact-ids={run.factIds.join(" ")}
                className="rounded-sm bg-amber-100 text-inherit underline decoration-amber-500 decoration-2 underline-offset-2 target:bg-amber-300 target:outline-2 target:outline-amber-600 data-targeted:bg-amber-300 data-targeted:outline-2 data-targeted:outline-amber-600 dark:bg-amber-900/50 dark:target:bg-amber-700 dark:data-targeted:bg-amber-700"
              >
                {/* Quotes that begin at the same character still each get an anchor. */}
                {run.startsFacts.slice(1).map((id) => (
                  <span key={id} id={`fact-${id}`} />
                ))}
                {run.text}
              </a>
            ),
          )}
        </div>
      </article>

      <aside aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="text-lg font-semibold">
          {article.facts.length} facts stated in this article
        </h2>
        <ol className="mt-2 grid gap-3">
          {article.facts.map((fact) => (
            <li
              key={fact.id}
              id={`fact-card-${fact.id}`}
              className="rounded border border-zinc-200 p-3 text-sm target:border-amber-500 target:ring-2 target:ring-amber-400 data-targeted:border-amber-500 data-targeted:ring-2 data-targeted:ring-amber-400 dark:border-zinc-800"
            >
              <p className="font-medium">
                {figureLabel(fact)}: <span className="tabular-nums">{figureAmount(fact)}</span>
              </p>
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {fact.subject?.name ?? fact.subjectLabel}
                {(fact.object?.name ?? fact.objectLabel) && <> → {fact.object?.name ?? fact.objectLabel}</>}
                {fact.reviewStatus !== "accepted" && <> · {fact.reviewStatus}</>}
              </p>
              <a href={`#fact-${fact.id}`} className="mt-1 block italic text-zinc-700 hover:underline dark:text-zinc-300">
                “{fact.quote}”
              </a>
              {corrections
                .filter((revision) => revision.recordId === fact.id)
                .map((revision) => (
                  <CorrectionNote key={revision.id} revision={revision} />
                ))}
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
