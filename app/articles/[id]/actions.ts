"use server";
// An editor corrects the kind of an article's source (lib/sources/kinds.ts derived it); the choice
// is kept and never derived again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { editorAction } from "@/lib/auth/editor-action";
import { setArticleSourceKind } from "@/lib/articles/mutations";
import { rowIdSchema } from "@/lib/database/ids";
import { NotFound } from "@/lib/errors";
import { SOURCE_KINDS } from "@/lib/sources/kinds";

const sourceKindSchema = z.object({ articleId: rowIdSchema, kind: z.enum(SOURCE_KINDS) });

export const correctSourceKind = editorAction(
  async function correctSourceKind(formData: FormData): Promise<void> {
    const parsed = sourceKindSchema.safeParse({ articleId: formData.get("articleId"), kind: formData.get("kind") });
    if (!parsed.success) redirect(`/articles/${Number(formData.get("articleId")) || ""}?notice=invalid-kind`);
    try {
      await setArticleSourceKind(parsed.data.articleId, parsed.data.kind);
    } catch (error) {
      if (error instanceof NotFound) redirect("/articles/0");
      throw error;
    }
    revalidatePath(`/articles/${parsed.data.articleId}`);
    redirect(`/articles/${parsed.data.articleId}?notice=kind-saved`);
  },
  () => redirect("/sign-in"),
);
