// Editors' changes to an event. Each runs through withChangeContext, so its revision names the
// editor and the reason.
import { NotFound } from "@/lib/errors";
import { withChangeContext, type ChangeContext } from "@/lib/revisions/record";

/** The timeline label: "pinned" always labelled where there is room, "hidden" never, "auto" by weight. */
export const LABEL_CHOICES = { auto: null, pinned: true, hidden: false } as const;
export type LabelChoice = keyof typeof LABEL_CHOICES;

export async function setEventLabel(eventId: number, choice: LabelChoice, context: ChangeContext): Promise<void> {
  await withChangeContext(context, async (tx) => {
    const { count } = await tx.event.updateMany({ where: { id: eventId }, data: { labelPin: LABEL_CHOICES[choice] } });
    if (count === 0) throw new NotFound("no_event", `There is no event ${eventId}.`);
  });
}

export function labelChoiceOf(pin: boolean | null): LabelChoice {
  return pin === true ? "pinned" : pin === false ? "hidden" : "auto";
}
