"use server";
// Accepting or rejecting a pending fact (from bulk import). Editors only.
import { NotFound } from "@/lib/errors";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { REVIEW_NOTICES } from "@/app/review/notices";
import { z } from "zod";
import { rowIdSchema } from "@/lib/database/ids";
import { acceptConfidentFacts, fileArticleFacts, setFactReview, undoDecision } from "@/lib/articles/mutations";
import { newEventSchema } from "@/lib/articles/schema";
import { reviewFiltersSchema, type ReviewFilters } from "@/lib/articles/review-queue";
import { metricsOfKind } from "@/lib/metrics/registry";
import { editorAction } from "@/lib/auth/editor-action";
import { currentEditor } from "@/lib/auth/session";

const reviewSchema = z.object({
  factId: rowIdSchema,
  decision: z.enum(["accepted", "rejected"]),
  // The subject as the editor leaves it: a changed one is a correction the extractor learns from.
  subject: z.string().trim().min(1).max(200).optional(),
  // A stored event to file the accepted fact under (empty: none).
  eventId: rowIdSchema.optional(),
});
const bulkSchema = z.object({ threshold: z.coerce.number().min(0.5).max(1) });
const undoSchema = z.object({ decisionId: rowIdSchema });
// Filing an article's pending facts: under a stored event, or under a new event from the article.
const filingSchema = z.object({
  articleId: rowIdSchema,
  factIds: z.array(rowIdSchema).min(1, "Choose at least one fact.").max(500),
  target: z.discriminatedUnion("kind", [z.object({ kind: z.literal("existing"), eventId: rowIdSchema }), z.object({ kind: z.literal("new"), newEvent: newEventSchema })]),
});

/** Back to the queue with its filters, and a notice (and the decision to undo). */
function queueUrl(formData: FormData, notice: string, extra: Record<string, string | number> = {}): string {
  const filters: ReviewFilters = reviewFiltersSchema.parse({
    feed: formData.get("feed") || undefined,
    outlet: formData.get("outlet") || undefined,
    kind: formData.get("kind") || undefined,
    confidence: formData.get("confidence") || undefined,
  });
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, notice, ...extra })) if (value !== undefined && value !== "") params.set(key, String(value));
  return `/review?${params}`;
}

/**
 * A decision the queue cannot take (a double click, a fact reviewed in another tab, a forged id)
 * comes back to the queue with a notice, never as an error page.
 */
export const reviewFact = editorAction(
  async function reviewFact(formData: FormData): Promise<void> {
    const parsed = reviewSchema.safeParse({
      factId: formData.get("factId"),
      decision: formData.get("decision"),
      subject: formData.get("subject") ?? undefined,
      eventId: formData.get("eventId") || undefined,
    });
    if (!parsed.success) redirect(queueUrl(formData, REVIEW_NOTICES.invalid));
    let decisionId: number;
    try {
      decisionId = await setFactReview(parsed.data.factId, parsed.data.decision, parsed.data.subject, parsed.data.eventId, { editor: await currentEditor(), reason: "review" });
    } catch (error) {
      if (error instanceof NotFound) redirect(queueUrl(formData, REVIEW_NOTICES.notPending));
      throw error;
    }
    revalidatePath("/review");
    redirect(queueUrl(formData, parsed.data.decision === "accepted" ? REVIEW_NOTICES.accepted : REVIEW_NOTICES.rejected, { fact: parsed.data.factId, decision: decisionId }));
  },
  () => redirect("/sign-in?next=/review"),
);

/** "Accept every pending fact at or above this confidence": the queue's bulk decision. */
export const acceptConfident = editorAction(
  async function acceptConfident(formData: FormData): Promise<void> {
    const parsed = bulkSchema.safeParse({ threshold: formData.get("threshold") });
    if (!parsed.success) redirect(queueUrl(formData, REVIEW_NOTICES.invalid));
    const filters = reviewFiltersSchema.parse({ feed: formData.get("feed") || undefined, outlet: formData.get("outlet") || undefined, kind: formData.get("kind") || undefined });
    const accepted = await acceptConfidentFacts(parsed.data.threshold, {
      feed: filters.feed,
      outlet: filters.outlet,
      metrics: filters.kind ? metricsOfKind(filters.kind) : undefined,
    });
    revalidatePath("/review");
    redirect(queueUrl(formData, REVIEW_NOTICES.bulk, { accepted, threshold: parsed.data.threshold }));
  },
  () => redirect("/sign-in?next=/review"),
);

/** Files an article's chosen pending facts under a stored event or a new one, accepting them. */
export const fileArticle = editorAction(
  async function fileArticle(formData: FormData): Promise<void> {
    const parsed = filingSchema.safeParse({
      articleId: formData.get("articleId"),
      factIds: formData.getAll("factId"),
      target:
        formData.get("target") === "new"
          ? { kind: "new", newEvent: { title: formData.get("title"), type: formData.get("type"), date: formData.get("date") } }
          : { kind: "existing", eventId: formData.get("eventId") },
    });
    if (!parsed.success) redirect(queueUrl(formData, REVIEW_NOTICES.invalidFiling));
    const { articleId, factIds, target } = parsed.data;
    let filed: { eventId: number; accepted: number };
    try {
      filed = await fileArticleFacts(articleId, factIds, target.kind === "new" ? { newEvent: target.newEvent } : { eventId: target.eventId }, {
        editor: await currentEditor(),
        reason: "filed under an event in review",
      });
    } catch (error) {
      if (error instanceof NotFound) redirect(queueUrl(formData, REVIEW_NOTICES.notPending));
      throw error;
    }
    revalidatePath("/review");
    redirect(queueUrl(formData, target.kind === "new" ? REVIEW_NOTICES.filedNew : REVIEW_NOTICES.filed, { accepted: filed.accepted, event: filed.eventId }));
  },
  () => redirect("/sign-in?next=/review"),
);

/** Takes the last decision back ("u" in the queue): the fact waits for review again. */
export const undoReview = editorAction(
  async function undoReview(formData: FormData): Promise<void> {
    const parsed = undoSchema.safeParse({ decisionId: formData.get("decisionId") });
    if (!parsed.success) redirect(queueUrl(formData, REVIEW_NOTICES.invalid));
    try {
      await undoDecision(parsed.data.decisionId, { editor: await currentEditor(), reason: "review decision undone" });
    } catch (error) {
      if (error instanceof NotFound) redirect(queueUrl(formData, REVIEW_NOTICES.notUndone));
      throw error;
    }
    revalidatePath("/review");
    redirect(queueUrl(formData, REVIEW_NOTICES.undone));
  },
  () => redirect("/sign-in?next=/review"),
);
