"use client";
// What a reader sees when a page fails on the server: a plain apology, a retry, and the reference
// under which the failure was logged (instrumentation.ts writes it with the request id).
import Link from "next/link";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl py-16">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">Something went wrong on our side. Nothing you entered is lost. Try again, or go back to the overview.</p>
      {error.digest && (
        <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400" data-testid="error-reference">
          Reference: <code>{error.digest}</code>
        </p>
      )}
      <div className="mt-4 flex gap-3">
        <button type="button" onClick={reset} className="rounded border border-zinc-300 px-3 py-1 dark:border-zinc-700">
          Try again
        </button>
        <Link href="/" className="rounded px-3 py-1 underline">
          Overview
        </Link>
      </div>
    </div>
  );
}
