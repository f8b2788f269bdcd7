// /review — the queue of facts waiting for an editor (from bulk import), oldest first.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { reviewFact } from "@/app/review/actions";
import { REVIEW_NOTICE_TEXT } from "@/app/review/notices";
import { isEditor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { FACT_FIGURE_SELECT, figureAmount, figureLabel } from "@/lib/facts/figure";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  if (!(await isEditor())) redirect("/sign-in?next=/review");
  const noticeKey = (await searchParams).notice;
  const notice = typeof noticeKey === "string" ? REVIEW_NOTICE_TEXT[noticeKey] : undefined;
  const [pending, total] = await Promise.all([
    db.fact.findMany({
      where: { reviewStatus: "pending" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: { id: true, ...FACT_FIGURE_SELECT, quote: true, subjectLabel: true, article: { select: { id: true, title: true, outlet: true } } },
    }),
    db.fact.count({ where: { reviewStatus: "pending" } }),
  ]);
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">Review queue ({total} pending)</h1>
      {notice && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          {notice}
        </p>
      )}
      {pending.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing waits for review. Bulk imports put their facts here.</p>
      ) : (
        <ul className="grid gap-3">
          {pending.map((fact) => (
            <li key={fact.id} className="grid gap-1 rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="pending-fact">
              <p>
                <span className="font-medium">{figureLabel(fact)}: </span>
                {figureAmount(fact)} · {fact.subjectLabel}
              </p>
              <Link href={`/articles/${fact.article.id}#fact-${fact.id}`} className="italic hover:underline">
                “{fact.quote}”
              </Link>
              <p className="text-xs text-zinc-500">{fact.article.outlet ?? fact.article.title}</p>
              <form action={reviewFact} className="flex gap-2">
                <input type="hidden" name="factId" value={fact.id} />
                <button name="decision" value="accepted" className="rounded border border-emerald-600 px-2 py-0.5 text-emerald-700 dark:text-emerald-400">
                  Accept
                </button>
                <button name="decision" value="rejected" className="rounded border border-red-600 px-2 py-0.5 text-red-700 dark:text-red-400">
                  Reject
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
