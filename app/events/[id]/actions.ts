"use server";
// An editor decides whether an event is labelled on the timeline (pinned, hidden, or chosen by
// how well it is reported). The change is kept as a revision with the editor's reason.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { editorAction } from "@/lib/auth/editor-action";
import { rowIdSchema } from "@/lib/database/ids";
import { NotFound } from "@/lib/errors";
import { LABEL_CHOICES, setEventLabel } from "@/lib/events/mutations";
import { currentEditor } from "@/lib/auth/session";

const labelSchema = z.object({
  eventId: rowIdSchema,
  choice: z.enum(Object.keys(LABEL_CHOICES) as [keyof typeof LABEL_CHOICES]),
  reason: z.string().max(500).optional(),
});

export const chooseTimelineLabel = editorAction(
  async function chooseTimelineLabel(formData: FormData): Promise<void> {
    const parsed = labelSchema.safeParse({ eventId: formData.get("eventId"), choice: formData.get("choice"), reason: formData.get("reason") ?? undefined });
    if (!parsed.success) redirect(`/events/${Number(formData.get("eventId")) || 0}?notice=invalid-label`);
    try {
      await setEventLabel(parsed.data.eventId, parsed.data.choice, { editor: await currentEditor(), reason: parsed.data.reason || null });
    } catch (error) {
      if (error instanceof NotFound) redirect("/events/0");
      throw error;
    }
    revalidatePath(`/events/${parsed.data.eventId}`);
    redirect(`/events/${parsed.data.eventId}?notice=label-saved`);
  },
  () => redirect("/sign-in"),
);
