// Editors sign in here to ingest and review articles. Reading Chipwatch needs no account.
import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { firstParam } from "@/lib/filters/page";
import type { RawSearchParams } from "@/lib/filters/schema";

export const metadata: Metadata = { title: "Editor sign-in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const next = firstParam(await searchParams, "next");
  return (
    <div className="grid gap-4">
      <h1 className="text-xl font-semibold">Editor sign-in</h1>
      <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-300">
        Adding and reviewing facts is for editors. The password is <code>CHIPWATCH_EDITOR_PASSWORD</code>, or the one printed when Chipwatch first started (kept in{" "}
        <code>.data/editor-password</code>).
      </p>
      <SignInForm next={next && /^\/(?!\/)/.test(next) ? next : "/ingest"} />
    </div>
  );
}
