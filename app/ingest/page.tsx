// /ingest — for editors: paste or upload tomorrow's article and get its numbers onto the charts.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IngestWorkspace } from "@/components/ingest/ingest-workspace";
import { isEditor } from "@/lib/auth/session";
import { signOut } from "@/app/sign-in/actions";

export const metadata: Metadata = { title: "Add an article" };

export default async function IngestPage() {
  if (!(await isEditor())) redirect("/sign-in?next=/ingest");
  return (
    <div className="grid gap-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Add an article</h1>
        <form action={signOut} className="flex gap-3 text-sm">
          <button type="submit" className="underline">
            Sign out
          </button>
          <button type="submit" name="everywhere" value="1" className="underline" title="Ends every editor session on every device">
            Sign out everywhere
          </button>
        </form>
      </div>
      <p className="max-w-prose text-sm text-zinc-600 dark:text-zinc-300">
        Chipwatch proposes every number it finds, with its subject, kind and sentence. Check each one, fix what is wrong, reject what is not a fact, then save: the article, its
        event and the accepted facts are written together.
      </p>
      <IngestWorkspace />
    </div>
  );
}
