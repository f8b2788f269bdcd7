"use server";
// Accepting or rejecting a pending fact (from bulk import). Editors only.
import { NotFound } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { REVIEW_NOTICES } from "@/app/review/notices";
import { z } from "zod";
import { rowIdSchema } from "@/lib/database/ids";
import { acceptConfidentFacts, setFactReview } from "@/lib/articles/mutations";
import { editorAction } from "@/lib/auth/editor-action";

const reviewSchema = z.object({
  factId: rowIdSchema,
  decision: z.enum(["accepted", "rejected"]),
  // The subject as the editor leaves it: a changed one is a correction the extractor learns from.
  subject: z.string().trim().min(1).max(200).optional(),
});
const bulkSchema = z.object({ threshold: z.coerce.number().min(0.5).max(1) });

/**
 * A decision the queue cannot take (a double click, a fact reviewed in another tab, a forged id)
 * comes back to the queue with a notice, never as an error page.
 */
export const reviewFact = editorAction(
  async function reviewFact(formData: FormData): Promise<void> {
    const parsed = reviewSchema.safeParse({ factId: formData.get("factId"), decision: formData.get("decision"), subject: formData.get("subject") ?? undefined });
    if (!parsed.success) redirect(`/review?notice=${REVIEW_NOTICES.invalid}`);
    try {
      await setFactReview(parsed.data.factId, parsed.data.decision, parsed.data.subject);
    } catch (error) {
      if (error instanceof NotFound) redirect(`/review?notice=${REVIEW_NOTICES.notPending}`);
      throw error;
    }
    revalidatePath("/review");
  },
  () => redirect("/sign-in?next=/review"),
);

/** "Accept every pending fact at or above this confidence": the queue's bulk decision. */
export const acceptConfident = editorAction(
  async function acceptConfident(formData: FormData): Promise<void> {
    const parsed = bulkSchema.safeParse({ threshold: formData.get("threshold") });
    if (!parsed.success) redirect(`/review?notice=${REVIEW_NOTICES.invalid}`);
    const accepted = await acceptConfidentFacts(parsed.data.threshold);
    revalidatePath("/review");
    redirect(`/review?notice=${REVIEW_NOTICES.bulk}&accepted=${accepted}`);
  },
  () => redirect("/sign-in?next=/review"),
);
