"use server";
// Accepting or rejecting a pending fact (from bulk import). Editors only.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setFactReview } from "@/lib/articles/mutations";
import { requireEditor } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/http/errors";

const reviewSchema = z.object({ factId: z.coerce.number().int().positive(), decision: z.enum(["accepted", "rejected"]) });

export async function reviewFact(formData: FormData): Promise<void> {
  await requireEditor();
  const parsed = reviewSchema.safeParse({ factId: formData.get("factId"), decision: formData.get("decision") });
  if (!parsed.success) throw new UserFacingError(400, "invalid_review", "Choose accept or reject for a fact.");
  await setFactReview(parsed.data.factId, parsed.data.decision);
  revalidatePath("/review");
}
