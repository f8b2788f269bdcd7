"use server";
// Accepting or rejecting a pending fact (from bulk import). Editors only.
import { NotFound } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { REVIEW_NOTICES } from "@/app/review/notices";
import { z } from "zod";
import { rowIdSchema } from "@/lib/database/ids";
import { setFactReview } from "@/lib/articles/mutations";
import { editorAction } from "@/lib/auth/editor-action";

const reviewSchema = z.object({ factId: rowIdSchema, decision: z.enum(["accepted", "rejected"]) });

/**
 * A decision the queue cannot take (a double click, a fact reviewed in another tab, a forged id)
 * comes back to the queue with a notice, never as an error page.
 */
export const reviewFact = editorAction(
  async function reviewFact(formData: FormData): Promise<void> {
    const parsed = reviewSchema.safeParse({ factId: formData.get("factId"), decision: formData.get("decision") });
    if (!parsed.success) redirect(`/review?notice=${REVIEW_NOTICES.invalid}`);
    try {
      await setFactReview(parsed.data.factId, parsed.data.decision);
    } catch (error) {
      if (error instanceof NotFound) redirect(`/review?notice=${REVIEW_NOTICES.notPending}`);
      throw error;
    }
    revalidatePath("/review");
  },
  () => redirect("/sign-in?next=/review"),
);
