// What a reader sees for an address that names nothing: the site's own page, a search of the
// events, and ways back (instead of Next's bare 404).
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16">
      <h1 className="text-xl font-semibold">No page at this address</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The link may be old, or an event or article may have been merged into another. Search the events, or start from the overview.
      </p>
      <form action="/events" method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="not-found-q" className="sr-only">
          Search events
        </label>
        <input
          id="not-found-q"
          name="q"
          type="search"
          placeholder="Search events, e.g. stockpile"
          className="w-full rounded border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900">
          Search
        </button>
      </form>
      <ul className="mt-6 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <li>
          <Link href="/" className="underline">
            Overview
          </Link>
        </li>
        <li>
          <Link href="/events" className="underline">
            All events
          </Link>
        </li>
        <li>
          <Link href="/companies" className="underline">
            Companies
          </Link>
        </li>
      </ul>
    </div>
  );
}
