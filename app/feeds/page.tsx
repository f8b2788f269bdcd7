// /feeds — the feeds Chipwatch follows: when each was last polled, what went wrong, how many items
// it gave; add one, or poll one now. Editors only.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { addFeed, pollNow } from "@/app/feeds/actions";
import { isEditor } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Feeds" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const when = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");

export default async function FeedsPage({ searchParams }: Props) {
  if (!(await isEditor())) redirect("/sign-in?next=/feeds");
  const params = await searchParams;
  const notice = typeof params.notice === "string" ? params.notice.slice(0, 500) : null;
  const error = typeof params.error === "string" ? params.error.slice(0, 500) : null;
  const feeds = await db.feed.findMany({ orderBy: { id: "asc" } });
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">Feeds ({feeds.length})</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        RSS, Atom and JSON feeds. Each new item is fetched, reduced to its text and extracted; its proposals wait in the{" "}
        <Link href="/review" className="underline">
          review queue
        </Link>
        .
      </p>
      {(notice || error) && (
        <p
          role={error ? "alert" : "status"}
          className={`rounded border p-2 text-sm ${error ? "border-red-300 text-red-800 dark:border-red-800 dark:text-red-300" : "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"}`}
        >
          {error ?? notice}
        </p>
      )}
      <form action={addFeed} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Follow a feed">
        <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
          Feed address
          <input
            name="url"
            type="url"
            required
            className="w-96 max-w-full rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
          />
        </label>
        <label className="grid gap-1 text-xs text-zinc-500 dark:text-zinc-400">
          Every (minutes)
          <input
            name="interval"
            type="number"
            min={5}
            max={10080}
            defaultValue={60}
            className="w-24 rounded border border-zinc-300 bg-transparent px-2 py-1 text-sm text-zinc-900 dark:border-zinc-700 dark:text-zinc-100"
          />
        </label>
        <button className="rounded bg-zinc-900 px-3 py-1 text-white dark:bg-zinc-100 dark:text-zinc-900">Follow</button>
      </form>
      {feeds.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-3">Feed</th>
              <th className="py-1 pr-3">Every</th>
              <th className="py-1 pr-3">Last success</th>
              <th className="py-1 pr-3">Last error</th>
              <th className="py-1 pr-3 text-right">Items taken</th>
              <th className="py-1 pr-3">Next poll</th>
              <th className="py-1" />
            </tr>
          </thead>
          <tbody>
            {feeds.map((feed) => (
              <tr key={feed.id} className="border-t border-zinc-200 align-top dark:border-zinc-800" data-testid="feed">
                <td className="py-1 pr-3">
                  <span className="font-medium">{feed.title ?? "(not polled yet)"}</span>
                  <br />
                  <span className="break-all text-xs text-zinc-500 dark:text-zinc-400">{feed.url}</span>
                </td>
                <td className="py-1 pr-3">{feed.intervalMinutes} min</td>
                <td className="py-1 pr-3">{when(feed.lastSuccessAt)}</td>
                <td className="py-1 pr-3 text-red-700 dark:text-red-400">
                  {feed.lastError ? (
                    <>
                      {feed.lastError}
                      <br />
                      <span className="text-xs">
                        {when(feed.lastErrorAt)}, {feed.failures} in a row
                      </span>
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-1 pr-3 text-right tabular-nums">{feed.itemsTaken}</td>
                <td className="py-1 pr-3">{when(feed.nextPollAt)}</td>
                <td className="py-1">
                  <form action={pollNow}>
                    <input type="hidden" name="feedId" value={feed.id} />
                    <button className="rounded border border-zinc-400 px-2 py-0.5 dark:border-zinc-600">Poll now</button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
