"use server";
// Following feeds: add one, poll one now. Editors only.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { editorAction } from "@/lib/auth/editor-action";
import { rowIdSchema } from "@/lib/database/ids";
import { InvalidInput } from "@/lib/errors";
import { followFeed, pollFeed } from "@/lib/feeds/poll";

const feedSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "Enter the feed's address, starting with http:// or https://" }).max(2_000),
  interval: z.coerce.number().int().min(5, "Poll at most every 5 minutes.").max(10_080, "Poll at least once a week."),
});
const pollSchema = z.object({ feedId: rowIdSchema });

const back = (params: Record<string, string | number>) => `/feeds?${new URLSearchParams(Object.entries(params).map(([key, value]) => [key, String(value)]))}`;

export const addFeed = editorAction(
  async function addFeed(formData: FormData): Promise<void> {
    const parsed = feedSchema.safeParse({ url: formData.get("url"), interval: formData.get("interval") });
    if (!parsed.success) redirect(back({ error: parsed.error.issues[0]!.message }));
    const { id, created } = await followFeed(parsed.data.url, parsed.data.interval);
    revalidatePath("/feeds");
    redirect(back({ notice: created ? `Following feed ${id}; poll it now or wait for its first poll.` : `Feed ${id} is already followed.` }));
  },
  () => redirect("/sign-in?next=/feeds"),
);

/** Polls a feed at once (its proposals go to the review queue). */
export const pollNow = editorAction(
  async function pollNow(formData: FormData): Promise<void> {
    const parsed = pollSchema.safeParse({ feedId: formData.get("feedId") });
    if (!parsed.success) redirect(back({ error: "That is not a feed." }));
    let message: string;
    try {
      const result = await pollFeed(parsed.data.feedId);
      message =
        result.status === "failed"
          ? result.error!
          : result.status === "not-modified"
            ? "Nothing new since the last poll (the server said the feed has not changed)."
            : `Took ${result.taken} new item${result.taken === 1 ? "" : "s"}: ${result.imported} imported with their proposals waiting at /review, ${result.duplicates} already in Chipwatch, ${result.failed} failed.`;
    } catch (error) {
      if (error instanceof InvalidInput) redirect(back({ error: error.message }));
      throw error;
    }
    revalidatePath("/feeds");
    redirect(back({ notice: message }));
  },
  () => redirect("/sign-in?next=/feeds"),
);
